import type { ReferenceData, UnitAlias } from '../model.js';
import { buildAliases } from './aliases.js';
import { CONVERSION_PARAMETERS, CONVERSION_TABLES, unitConversions } from './conversions.js';
import { countries, countryAliases, m49Areas } from './countries.js';
import { NON_COUNTRY_VALUES } from './country-aliases.js';
import { DRUG_GROUPS, drugSynonyms, drugs } from './drugs.js';
import { UNITS } from './units.js';

function unitAliases(): UnitAlias[] {
  const candidates = UNITS.flatMap(({ unit, aliases }) =>
    [unit.names.en, unit.names.zh, unit.names.ru, ...aliases].map((text) => ({
      text,
      target: unit.code,
      priority: 0,
    })),
  );
  return buildAliases(candidates, 'unit alias', Number.POSITIVE_INFINITY).aliases.map((a) => ({
    aliasKey: a.key,
    alias: a.text,
    unitCode: a.target,
  }));
}

/** Assembles every table from the data files (pure; throws when the data contradict themselves). */
export function buildReferenceData(): ReferenceData {
  const units = UNITS.map((spec) => spec.unit);
  return {
    m49Areas: m49Areas(),
    countries: countries(),
    nonCountryValues: NON_COUNTRY_VALUES,
    countryAliases: countryAliases().aliases,
    drugGroups: DRUG_GROUPS,
    drugs: drugs(),
    drugSynonyms: drugSynonyms(),
    units,
    unitAliases: unitAliases(),
    conversionTables: CONVERSION_TABLES,
    unitConversions: unitConversions(units),
    conversionParameters: CONVERSION_PARAMETERS,
  };
}

let cached: ReferenceData | undefined;

/** The reference data this version of Liaison ships, built once per process. */
export function referenceData(): ReferenceData {
  cached ??= buildReferenceData();
  return cached;
}
