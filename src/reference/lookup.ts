import { referenceData } from './content/index.js';
import type {
  Country,
  CountryAlias,
  Drug,
  DrugGroup,
  DrugSynonym,
  NonCountryValue,
  ReferenceData,
  Unit,
  UnitAlias,
} from './model.js';

/** Reference data keyed for lookups, so an importer resolves each of 300k rows with a few map reads. */
export interface ReferenceIndex {
  data: ReferenceData;
  countryAliases: ReadonlyMap<string, CountryAlias>;
  countriesByAlpha2: ReadonlyMap<string, Country>;
  countriesByAlpha3: ReadonlyMap<string, Country>;
  nonCountryValues: ReadonlyMap<string, NonCountryValue>;
  drugSynonyms: ReadonlyMap<string, DrugSynonym>;
  drugs: ReadonlyMap<string, Drug>;
  drugGroups: ReadonlyMap<string, DrugGroup>;
  unitAliases: ReadonlyMap<string, UnitAlias>;
  units: ReadonlyMap<string, Unit>;
}

const by = <T, K extends keyof T>(rows: readonly T[], key: K) =>
  new Map(rows.map((row) => [row[key] as string, row]));

export function buildIndex(data: ReferenceData): ReferenceIndex {
  return {
    data,
    countryAliases: by(data.countryAliases, 'aliasKey'),
    countriesByAlpha2: by(data.countries, 'alpha2'),
    countriesByAlpha3: by(data.countries, 'alpha3'),
    nonCountryValues: by(data.nonCountryValues, 'code'),
    drugSynonyms: by(data.drugSynonyms, 'synonymKey'),
    drugs: by(data.drugs, 'code'),
    drugGroups: by(data.drugGroups, 'code'),
    unitAliases: by(data.unitAliases, 'aliasKey'),
    units: by(data.units, 'code'),
  };
}

let cached: ReferenceIndex | undefined;

/** The index of the reference data this version ships (the same rows the loader writes). */
export function referenceIndex(): ReferenceIndex {
  cached ??= buildIndex(referenceData());
  return cached;
}
