import type { ReferenceData } from './model.js';

/** One reference table as the loader writes it: column types for jsonb_to_recordset and rows in column names. */
export interface TableRows {
  table: string;
  key: string[];
  columns: [name: string, type: string][];
  rows: Record<string, unknown>[];
}

const T = 'text';
const NAMES: [string, string][] = [
  ['name_en', T],
  ['name_zh', T],
  ['name_ru', T],
];
const names = (n: { en: string; zh: string; ru: string }) => ({
  name_en: n.en,
  name_zh: n.zh,
  name_ru: n.ru,
});

/** The tables of the reference data, parents before children, in database column names. */
export function tableRows(data: ReferenceData): TableRows[] {
  return [
    {
      table: 'm49_areas',
      key: ['code'],
      columns: [['code', T], ['level', T], ['parent_code', T], ...NAMES],
      rows: data.m49Areas.map((a) => ({
        code: a.code,
        level: a.level,
        parent_code: a.parentCode,
        ...names(a.names),
      })),
    },
    {
      table: 'countries',
      key: ['alpha2'],
      columns: [
        ['alpha2', T],
        ['alpha3', T],
        ['numeric_code', T],
        ['m49_code', T],
        ['region_code', T],
        ['subregion_code', T],
        ['intermediate_region_code', T],
        ...NAMES,
        ['official_name_en', T],
        ['official_name_zh', T],
        ['official_name_ru', T],
        ['independent', 'boolean'],
      ],
      rows: data.countries.map((c) => ({
        alpha2: c.alpha2,
        alpha3: c.alpha3,
        numeric_code: c.numericCode,
        m49_code: c.m49Code,
        region_code: c.regionCode,
        subregion_code: c.subregionCode,
        intermediate_region_code: c.intermediateRegionCode,
        ...names(c.names),
        official_name_en: c.officialNames.en,
        official_name_zh: c.officialNames.zh,
        official_name_ru: c.officialNames.ru,
        independent: c.independent,
      })),
    },
    {
      table: 'non_country_values',
      key: ['code'],
      columns: [['code', T], ...NAMES],
      rows: data.nonCountryValues.map((v) => ({ code: v.code, ...names(v.names) })),
    },
    {
      table: 'country_aliases',
      key: ['alias_key'],
      columns: [
        ['alias_key', T],
        ['alias', T],
        ['country_alpha2', T],
        ['non_country_code', T],
        ['note', T],
      ],
      rows: data.countryAliases.map((a) => ({
        alias_key: a.aliasKey,
        alias: a.alias,
        country_alpha2: a.countryAlpha2,
        non_country_code: a.nonCountryCode,
        note: a.note,
      })),
    },
    {
      table: 'drug_groups',
      key: ['code'],
      columns: [['code', T], ['parent_code', T], ...NAMES],
      rows: data.drugGroups.map((g) => ({ code: g.code, parent_code: g.parentCode, ...names(g.names) })),
    },
    {
      table: 'drugs',
      key: ['code'],
      columns: [['code', T], ['group_code', T], ...NAMES],
      rows: data.drugs.map((d) => ({ code: d.code, group_code: d.groupCode, ...names(d.names) })),
    },
    {
      table: 'drug_synonyms',
      key: ['synonym_key'],
      columns: [
        ['synonym_key', T],
        ['synonym', T],
        ['lang', T],
        ['drug_code', T],
        ['note', T],
      ],
      rows: data.drugSynonyms.map((s) => ({
        synonym_key: s.synonymKey,
        synonym: s.synonym,
        lang: s.lang,
        drug_code: s.drugCode,
        note: s.note,
      })),
    },
    {
      table: 'units',
      key: ['code'],
      columns: [
        ['code', T],
        ['dimension', T],
        ...NAMES,
        ['base_unit', T],
        ['base_numerator', 'numeric'],
        ['base_denominator', 'numeric'],
      ],
      rows: data.units.map((u) => ({
        code: u.code,
        dimension: u.dimension,
        ...names(u.names),
        base_unit: u.baseUnit,
        base_numerator: u.baseNumerator,
        base_denominator: u.baseDenominator,
      })),
    },
    {
      table: 'unit_aliases',
      key: ['alias_key'],
      columns: [
        ['alias_key', T],
        ['alias', T],
        ['unit_code', T],
      ],
      rows: data.unitAliases.map((a) => ({ alias_key: a.aliasKey, alias: a.alias, unit_code: a.unitCode })),
    },
  ];
}
