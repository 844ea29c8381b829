import type { Country, CountryAlias, M49Area } from '../model.js';
import { type AliasCandidate, buildAliases } from './aliases.js';
import generated from './countries.generated.json' with { type: 'json' };
import type { CountriesFile } from './countries-file.js';
import { HAND_ALIASES, NON_COUNTRY_VALUES } from './country-aliases.js';
import { M49_NAMES_ZH_RU, WORLD } from './m49.js';

const FILE = generated as CountriesFile;

export function m49Areas(): M49Area[] {
  const areas: M49Area[] = [{ code: WORLD.code, level: 'world', parentCode: null, names: WORLD.names }];
  for (const area of FILE.areas) {
    const names = M49_NAMES_ZH_RU[area.code];
    if (!names)
      throw new Error(`M49 area ${area.code} (${area.nameEn}) has no Chinese and Russian name in m49.ts`);
    areas.push({
      code: area.code,
      level: area.level,
      parentCode: area.parentCode,
      names: { en: area.nameEn, ...names },
    });
  }
  return areas;
}

export function countries(): Country[] {
  return FILE.countries.map(({ otherNames: _, ...country }) => country);
}

function candidates(): AliasCandidate[] {
  const out: AliasCandidate[] = HAND_ALIASES.map((a) => ({
    text: a.alias,
    target: a.target,
    priority: 0,
    note: a.note,
  }));
  for (const value of NON_COUNTRY_VALUES) {
    for (const name of Object.values(value.names))
      out.push({ text: name, target: `!${value.code}`, priority: 1 });
  }
  for (const c of FILE.countries) {
    const names = [...Object.values(c.names), ...Object.values(c.officialNames)];
    for (const name of names) if (name) out.push({ text: name, target: c.alpha2, priority: 1 });
    for (const name of [...c.otherNames.en, ...c.otherNames.zh, ...c.otherNames.ru]) {
      out.push({ text: name, target: c.alpha2, priority: 2 });
    }
  }
  return out;
}

/** Every name a country column may hold, normalised; names i18n-iso-countries gives to two countries are left out. */
export function countryAliases(): {
  aliases: CountryAlias[];
  ambiguous: { key: string; targets: string[] }[];
} {
  const built = buildAliases(candidates(), 'country alias', 2);
  const aliases = built.aliases.map((a) => ({
    aliasKey: a.key,
    alias: a.text,
    countryAlpha2: a.target.startsWith('!') ? null : a.target,
    nonCountryCode: a.target.startsWith('!') ? a.target.slice(1) : null,
    note: a.note,
  }));
  return { aliases, ambiguous: built.ambiguous };
}
