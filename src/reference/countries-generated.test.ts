import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildCountriesFile,
  DEFAULT_CSV,
  OUTPUT,
  parseCountryCodesCsv,
  renderCountriesFile,
} from '../../scripts/gen-reference-countries.js';

// The committed countries.generated.json must be exactly what the generator makes from ../shared/data (CI has it).
describe.skipIf(!existsSync(DEFAULT_CSV))('countries.generated.json', () => {
  const csv = existsSync(DEFAULT_CSV) ? readFileSync(DEFAULT_CSV, 'utf8') : '';

  it('equals a fresh run of the generator (run `npm run gen:reference` when it does not)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(renderCountriesFile(buildCountriesFile(csv)));
  });

  it('reads Namibia\'s alpha-2 code "NA" as a code, not as a missing value', () => {
    const namibia = parseCountryCodesCsv(csv).find((row) => row['ISO3166-1-Alpha-3'] === 'NAM');
    expect(namibia?.['ISO3166-1-Alpha-2']).toBe('NA');
    expect(buildCountriesFile(csv).countries.find((c) => c.alpha3 === 'NAM')?.alpha2).toBe('NA');
  });

  it('adds Kosovo, which the CSV lacks', () => {
    expect(parseCountryCodesCsv(csv).some((row) => row['ISO3166-1-Alpha-2'] === 'XK')).toBe(false);
    expect(buildCountriesFile(csv).countries.find((c) => c.alpha2 === 'XK')).toMatchObject({
      alpha3: 'XKX',
      numericCode: null,
    });
  });
});
