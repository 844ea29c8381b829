import type { Queryable } from '../platform/db/db.js';
import { normaliseKey } from './key.js';
import type { ConversionTable, Country, Drug, DrugGroup, M49Area, Names, NonCountryValue } from './model.js';

// Reads of the reference tables for the API. Searches compare normalised keys, so "cote d'ivoire", "Côte" and
// "科特迪瓦" find the same country.

type NameRow = { name_en: string; name_zh: string; name_ru: string };
const names = (r: NameRow): Names => ({ en: r.name_en, zh: r.name_zh, ru: r.name_ru });

interface CountryRow extends NameRow {
  alpha2: string;
  alpha3: string;
  numeric_code: string | null;
  m49_code: string | null;
  region_code: string | null;
  subregion_code: string | null;
  intermediate_region_code: string | null;
  official_name_en: string | null;
  official_name_zh: string | null;
  official_name_ru: string | null;
  independent: boolean | null;
}

function toCountry(r: CountryRow): Country {
  return {
    alpha2: r.alpha2,
    alpha3: r.alpha3,
    numericCode: r.numeric_code,
    m49Code: r.m49_code,
    regionCode: r.region_code,
    subregionCode: r.subregion_code,
    intermediateRegionCode: r.intermediate_region_code,
    names: names(r),
    officialNames: { en: r.official_name_en, zh: r.official_name_zh, ru: r.official_name_ru },
    independent: r.independent,
  };
}

export async function listCountries(
  db: Queryable,
  filter: { q?: string; region?: string },
): Promise<Country[]> {
  const key = filter.q === undefined ? null : normaliseKey(filter.q);
  if (key === '') return []; // only punctuation: it would match every name
  const { rows } = await db.query<CountryRow>(
    `select c.* from countries c
     where ($1::text is null or c.alpha2 = upper($2) or c.alpha3 = upper($2) or exists (
             select 1 from country_aliases a where a.country_alpha2 = c.alpha2 and strpos(a.alias_key, $1) > 0))
       and ($3::text is null or $3 in (c.region_code, c.subregion_code, c.intermediate_region_code))
     order by c.name_en`,
    [key, filter.q ?? null, filter.region ?? null],
  );
  return rows.map(toCountry);
}

export async function findCountry(
  db: Queryable,
  code: string,
): Promise<(Country & { aliases: { alias: string; note: string | null }[] }) | undefined> {
  const upper = code.toUpperCase();
  const { rows } = await db.query<CountryRow>('select * from countries where alpha2 = $1 or alpha3 = $1', [
    upper,
  ]);
  if (!rows[0]) return undefined;
  const aliases = await db.query<{ alias: string; note: string | null }>(
    'select alias, note from country_aliases where country_alpha2 = $1 order by alias_key',
    [rows[0].alpha2],
  );
  return { ...toCountry(rows[0]), aliases: aliases.rows };
}

export type CountryLookup =
  | { kind: 'country'; country: Country; note: string | null }
  | { kind: 'non-country'; value: NonCountryValue; note: string | null };

export async function lookupCountryAlias(db: Queryable, key: string): Promise<CountryLookup | undefined> {
  const { rows } = await db.query<{
    note: string | null;
    non_country_code: string | null;
    country_alpha2: string | null;
  }>('select note, non_country_code, country_alpha2 from country_aliases where alias_key = $1', [key]);
  const alias = rows[0];
  if (!alias) return undefined;
  if (alias.country_alpha2) {
    const country = await db.query<CountryRow>('select * from countries where alpha2 = $1', [
      alias.country_alpha2,
    ]);
    return { kind: 'country', country: toCountry(country.rows[0]!), note: alias.note };
  }
  const value = await db.query<NameRow & { code: string }>(
    'select * from non_country_values where code = $1',
    [alias.non_country_code],
  );
  const row = value.rows[0]!;
  return { kind: 'non-country', value: { code: row.code, names: names(row) }, note: alias.note };
}

export async function listM49(db: Queryable): Promise<M49Area[]> {
  const { rows } = await db.query<
    NameRow & { code: string; level: M49Area['level']; parent_code: string | null }
  >(
    `select * from m49_areas
     order by array_position(array['world', 'region', 'sub-region', 'intermediate-region'], level), code`,
  );
  return rows.map((r) => ({ code: r.code, level: r.level, parentCode: r.parent_code, names: names(r) }));
}

export async function listDrugGroups(db: Queryable): Promise<DrugGroup[]> {
  const { rows } = await db.query<NameRow & { code: string; parent_code: string | null }>(
    'select * from drug_groups order by coalesce(parent_code, code), parent_code nulls first, code',
  );
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code, names: names(r) }));
}

type DrugRow = NameRow & { code: string; group_code: string };
const toDrug = (r: DrugRow): Drug => ({ code: r.code, groupCode: r.group_code, names: names(r) });

export async function listDrugs(db: Queryable, filter: { q?: string; group?: string }): Promise<Drug[]> {
  const key = filter.q === undefined ? null : normaliseKey(filter.q);
  if (key === '') return []; // only punctuation: it would match every name
  const { rows } = await db.query<DrugRow>(
    `with recursive wanted (code) as (
       select code from drug_groups where code = $2
       union all select g.code from drug_groups g join wanted w on g.parent_code = w.code)
     select d.* from drugs d
     where ($1::text is null or exists (
             select 1 from drug_synonyms s where s.drug_code = d.code and strpos(s.synonym_key, $1) > 0))
       and ($2::text is null or d.group_code in (select code from wanted))
     order by d.name_en`,
    [key, filter.group ?? null],
  );
  return rows.map(toDrug);
}

export async function findDrug(db: Queryable, code: string) {
  const { rows } = await db.query<DrugRow>('select * from drugs where code = $1', [code]);
  if (!rows[0]) return undefined;
  const synonyms = await db.query<{ synonym: string; lang: string; note: string | null }>(
    'select synonym, lang, note from drug_synonyms where drug_code = $1 order by synonym_key',
    [code],
  );
  return { ...toDrug(rows[0]), synonyms: synonyms.rows };
}

export async function lookupDrugSynonym(db: Queryable, key: string) {
  const { rows } = await db.query<
    DrugRow & { note: string | null; parent_code: string | null; g_en: string; g_zh: string; g_ru: string }
  >(
    `select d.*, s.note, g.parent_code, g.name_en as g_en, g.name_zh as g_zh, g.name_ru as g_ru
     from drug_synonyms s join drugs d on d.code = s.drug_code join drug_groups g on g.code = d.group_code
     where s.synonym_key = $1`,
    [key],
  );
  const r = rows[0];
  if (!r) return undefined;
  const group: DrugGroup = {
    code: r.group_code,
    parentCode: r.parent_code,
    names: { en: r.g_en, zh: r.g_zh, ru: r.g_ru },
  };
  return { drug: toDrug(r), group, note: r.note };
}

export async function listUnits(db: Queryable) {
  const { rows } = await db.query<
    NameRow & {
      code: string;
      dimension: string;
      base_unit: string | null;
      base_numerator: string | null;
      base_denominator: string | null;
      aliases: string[];
    }
  >(
    `select u.*, coalesce(array_agg(a.alias order by a.alias_key) filter (where a.alias is not null), '{}') as aliases
     from units u left join unit_aliases a on a.unit_code = u.code
     group by u.code order by u.dimension, u.code`,
  );
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    code: r.code,
    dimension: r.dimension,
    names: names(r),
    baseUnit: r.base_unit,
    baseNumerator: num(r.base_numerator),
    baseDenominator: num(r.base_denominator),
    aliases: r.aliases,
  }));
}

type TableRow = {
  version: string;
  name: string;
  description: string;
  published_on: string;
  is_current: boolean;
};
const toTable = (r: TableRow): ConversionTable => ({
  version: r.version,
  name: r.name,
  description: r.description,
  publishedOn: r.published_on,
  isCurrent: r.is_current,
});
const TABLE_COLUMNS = 'version, name, description, published_on::text as published_on, is_current';

export async function listConversionTables(db: Queryable): Promise<ConversionTable[]> {
  const { rows } = await db.query<TableRow>(
    `select ${TABLE_COLUMNS} from conversion_tables order by published_on desc, version`,
  );
  return rows.map(toTable);
}

export async function findConversionTable(db: Queryable, version: string) {
  const { rows } = await db.query<TableRow>(
    `select ${TABLE_COLUMNS} from conversion_tables where version = $1`,
    [version],
  );
  if (!rows[0]) return undefined;
  const conversions = await db.query<{
    unit_code: string;
    drug_code: string;
    kg_equivalent: string;
    basis: string;
  }>(
    `select unit_code, drug_code, kg_equivalent::text, basis from unit_conversions
     where table_version = $1 order by unit_code, drug_code`,
    [version],
  );
  const parameters = await db.query<{ name: string; value: string; basis: string }>(
    'select name, value::text, basis from conversion_parameters where table_version = $1 order by name',
    [version],
  );
  return {
    ...toTable(rows[0]),
    conversions: conversions.rows.map((r) => ({
      unitCode: r.unit_code,
      drugCode: r.drug_code || null,
      kgEquivalent: Number(r.kg_equivalent),
      basis: r.basis,
    })),
    parameters: parameters.rows.map((p) => ({ name: p.name, value: Number(p.value), basis: p.basis })),
  };
}

export interface ReferenceSummary {
  countries: number;
  countryAliases: number;
  drugGroups: number;
  drugs: number;
  drugSynonyms: number;
  units: number;
  conversionTables: number;
  currentConversionTable: string | null;
}

export async function summary(db: Queryable): Promise<ReferenceSummary> {
  const { rows } = await db.query<ReferenceSummary>(
    `select (select count(*) from countries)::int as countries,
            (select count(*) from country_aliases)::int as "countryAliases",
            (select count(*) from drug_groups)::int as "drugGroups",
            (select count(*) from drugs)::int as drugs,
            (select count(*) from drug_synonyms)::int as "drugSynonyms",
            (select count(*) from units)::int as units,
            (select count(*) from conversion_tables)::int as "conversionTables",
            (select version from conversion_tables where is_current) as "currentConversionTable"`,
  );
  return rows[0]!;
}
