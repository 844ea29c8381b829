/**
 * Reference data in memory: one array per table, each row exactly what the loader writes (camelCase for the
 * column of the same name in snake_case). Importers resolve against this without a query per row.
 */
export type Lang = 'en' | 'zh' | 'ru' | 'fr' | 'es' | 'de';

export interface Names {
  en: string;
  zh: string;
  ru: string;
}

export type M49Level = 'world' | 'region' | 'sub-region' | 'intermediate-region';

export interface M49Area {
  code: string;
  level: M49Level;
  parentCode: string | null;
  names: Names;
}

export interface Country {
  alpha2: string;
  alpha3: string;
  numericCode: string | null;
  m49Code: string | null;
  regionCode: string | null;
  subregionCode: string | null;
  intermediateRegionCode: string | null;
  names: Names;
  officialNames: { en: string | null; zh: string | null; ru: string | null };
  /** true for a sovereign state, false for a territory or part of one, null where contested. */
  independent: boolean | null;
}

/** A value real files put in a country column that is not one country (Unknown, Multiple Countries, Other). */
export interface NonCountryValue {
  code: string;
  names: Names;
}

export interface CountryAlias {
  aliasKey: string;
  alias: string;
  countryAlpha2: string | null;
  nonCountryCode: string | null;
  note: string | null;
}

export interface DrugGroup {
  code: string;
  parentCode: string | null;
  names: Names;
}

export interface Drug {
  code: string;
  groupCode: string;
  names: Names;
}

export interface DrugSynonym {
  synonymKey: string;
  synonym: string;
  lang: Lang;
  drugCode: string;
  note: string | null;
}

export type Dimension = 'mass' | 'volume' | 'count' | 'area' | 'unspecified';

export interface Unit {
  code: string;
  dimension: Dimension;
  names: Names;
  /** The unit this one is an exact multiple of (kg for g, ha for mu, tablet for thousand tablets); null for a base unit. */
  baseUnit: string | null;
  /** One of this unit is baseNumerator / baseDenominator base units; a ratio so that 1 mu = 1/15 ha stays exact. */
  baseNumerator: number | null;
  baseDenominator: number | null;
}

export interface UnitAlias {
  aliasKey: string;
  alias: string;
  unitCode: string;
}

export interface ConversionTable {
  version: string;
  name: string;
  description: string;
  publishedOn: string;
  isCurrent: boolean;
}

export interface UnitConversion {
  tableVersion: string;
  unitCode: string;
  /** '' for the row that applies to any drug without a row of its own. */
  drugCode: string;
  kgEquivalent: number;
  basis: string;
}

/** A named factor that belongs to a conversion table version (e.g. kilograms of opium per kilogram of heroin). */
export interface ConversionParameter {
  tableVersion: string;
  name: string;
  value: number;
  basis: string;
}

export interface ReferenceData {
  m49Areas: M49Area[];
  countries: Country[];
  nonCountryValues: NonCountryValue[];
  countryAliases: CountryAlias[];
  drugGroups: DrugGroup[];
  drugs: Drug[];
  drugSynonyms: DrugSynonym[];
  units: Unit[];
  unitAliases: UnitAlias[];
  conversionTables: ConversionTable[];
  unitConversions: UnitConversion[];
  conversionParameters: ConversionParameter[];
}
