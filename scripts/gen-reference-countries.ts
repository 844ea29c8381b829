/**
 * Derives src/reference/content/countries.generated.json from the country-codes CSV (ISO 3166 and UN M49 columns)
 * and the names that i18n-iso-countries ships in en, zh and ru. Run it with `npm run gen:reference` after either
 * source changes; the runtime never reads the CSV (src/reference/countries-generated.test.ts checks the two agree).
 *
 *   npx tsx scripts/gen-reference-countries.ts [path/to/country-codes.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type {
  CountriesFile,
  GeneratedArea,
  GeneratedCountry,
} from '../src/reference/content/countries-file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CSV = path.resolve(ROOT, '../shared/data/country-codes.csv');
export const OUTPUT = path.join(ROOT, 'src/reference/content/countries.generated.json');
const LANGS = ['en', 'zh', 'ru'] as const;

for (const locale of [en, zh, ru]) countries.registerLocale(locale);

type CsvRow = Record<string, string>;

/** Reads the CSV with every value as text: Namibia's alpha-2 "NA" must stay "NA", not become a missing value. */
export function parseCountryCodesCsv(text: string): CsvRow[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, cast: false }) as CsvRow[];
}

const blankToNull = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);
const m49 = (value: string | undefined): string | null => {
  const v = blankToNull(value);
  return v === null ? null : v.padStart(3, '0');
};

function independence(alpha2: string, value: string): boolean | null {
  // The CSV marks Taiwan "Yes"; the UN (General Assembly resolution 2758) counts it as part of China, as M49 does.
  if (alpha2 === 'TW') return false;
  if (value === 'Yes') return true;
  if (value === 'In contention') return null;
  return false;
}

function i18nNames(alpha2: string): GeneratedCountry['otherNames'] & { first: Record<string, string> } {
  const out = {
    en: [] as string[],
    zh: [] as string[],
    ru: [] as string[],
    first: {} as Record<string, string>,
  };
  for (const lang of LANGS) {
    const all = countries.getName(alpha2, lang, { select: 'all' }) ?? [];
    if (!all[0]) throw new Error(`i18n-iso-countries has no ${lang} name for ${alpha2}`);
    out.first[lang] = all[0];
    out[lang] = all.slice(1);
  }
  return out;
}

function countryFromRow(row: CsvRow): GeneratedCountry {
  const alpha2 = row['ISO3166-1-Alpha-2'] ?? '';
  const names = i18nNames(alpha2);
  return {
    alpha2,
    alpha3: row['ISO3166-1-Alpha-3'] ?? '',
    numericCode: m49(row['ISO3166-1-numeric']),
    m49Code: m49(row.M49),
    regionCode: m49(row['Region Code']),
    subregionCode: m49(row['Sub-region Code']),
    intermediateRegionCode: m49(row['Intermediate Region Code']),
    names: { en: names.first.en!, zh: names.first.zh!, ru: names.first.ru! },
    officialNames: {
      en: blankToNull(row.official_name_en),
      zh: blankToNull(row.official_name_cn),
      ru: blankToNull(row.official_name_ru),
    },
    independent: independence(alpha2, row.is_independent ?? ''),
    otherNames: { en: names.en, zh: names.zh, ru: names.ru },
  };
}

/**
 * Kosovo is not in ISO 3166-1 nor in UN M49 (M49 counts it within Serbia), so the CSV lacks it; XK/XKX are the
 * codes the European Commission, IMF and others use. It is placed with Serbia's region; independence is contested.
 */
function kosovo(): GeneratedCountry {
  const names = i18nNames('XK');
  return {
    alpha2: 'XK',
    alpha3: 'XKX',
    numericCode: null,
    m49Code: null,
    regionCode: '150',
    subregionCode: '039',
    intermediateRegionCode: null,
    names: { en: names.first.en!, zh: names.first.zh!, ru: names.first.ru! },
    officialNames: { en: null, zh: null, ru: null },
    independent: null,
    otherNames: { en: names.en, zh: names.zh, ru: names.ru },
  };
}

function areasFrom(rows: CsvRow[]): GeneratedArea[] {
  const areas = new Map<string, GeneratedArea>();
  const add = (
    code: string | null,
    level: GeneratedArea['level'],
    parentCode: string | null,
    name?: string,
  ) => {
    if (!code || !parentCode || !name?.trim() || areas.has(code)) return;
    areas.set(code, { code, level, parentCode, nameEn: name.trim() });
  };
  for (const row of rows) {
    const region = m49(row['Region Code']);
    const subregion = m49(row['Sub-region Code']);
    add(region, 'region', '001', row['Region Name']);
    add(subregion, 'sub-region', region, row['Sub-region Name']);
    add(
      m49(row['Intermediate Region Code']),
      'intermediate-region',
      subregion,
      row['Intermediate Region Name'],
    );
  }
  const order = { region: 0, 'sub-region': 1, 'intermediate-region': 2 };
  return [...areas.values()].sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
}

/** The whole derivation, pure apart from reading i18n-iso-countries' bundled names. */
export function buildCountriesFile(csvText: string): CountriesFile {
  const rows = parseCountryCodesCsv(csvText).filter((row) => row['ISO3166-1-Alpha-2']?.trim());
  const list = [...rows.map(countryFromRow), kosovo()].sort((a, b) => a.alpha2.localeCompare(b.alpha2));
  return {
    sources: [
      'country-codes.csv (datahub.io core/country-codes: ISO 3166-1, UN M49; ODC Public Domain Dedication and License)',
      'i18n-iso-countries (names in en, zh, ru)',
      'Kosovo (XK/XKX) added by hand',
    ],
    areas: areasFrom(rows),
    countries: list,
  };
}

/** One area or country a line: compact, and a change shows as a one-line diff. */
export function renderCountriesFile(file: CountriesFile): string {
  const list = (rows: readonly unknown[]) =>
    `[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(',\n')}\n ]`;
  return `{\n "sources": ${JSON.stringify(file.sources)},\n "areas": ${list(file.areas)},\n "countries": ${list(file.countries)}\n}\n`;
}

function main() {
  const csvPath = process.argv[2] ?? DEFAULT_CSV;
  const file = buildCountriesFile(readFileSync(csvPath, 'utf8'));
  writeFileSync(OUTPUT, renderCountriesFile(file));
  console.log(
    `wrote ${path.relative(ROOT, OUTPUT)}: ${file.countries.length} countries, ${file.areas.length} M49 areas`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
