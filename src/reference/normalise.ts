import { normaliseKey } from './key.js';
import { type ReferenceIndex, referenceIndex } from './lookup.js';
import type { Country, Drug, DrugGroup, NonCountryValue, Unit } from './model.js';

export { normaliseKey };

export type NotFoundReason = 'blank' | 'unknown';

export interface NotFound {
  kind: 'not-found';
  /** The normalised key that was looked up ('' for a blank value). */
  key: string;
  reason: NotFoundReason;
  detail: string;
}

export type CountryResolution =
  | { kind: 'country'; key: string; country: Country; note: string | null }
  | { kind: 'non-country'; key: string; value: NonCountryValue; note: string | null }
  | NotFound;

export type DrugResolution =
  | { kind: 'drug'; key: string; drug: Drug; group: DrugGroup; note: string | null }
  | NotFound;

export type UnitResolution = { kind: 'unit'; key: string; unit: Unit } | NotFound;

function notFound(key: string, what: string, text: string): NotFound {
  return key
    ? { kind: 'not-found', key, reason: 'unknown', detail: `"${text}" is not a known ${what} name or alias` }
    : { kind: 'not-found', key, reason: 'blank', detail: `the ${what} is blank` };
}

/**
 * What a country string from a file stands for: a country, an explicit non-country value (Unknown, Multiple
 * countries, Other), or nothing, with the reason. Only names in the alias table resolve; nothing is guessed.
 */
export function resolveCountry(text: string, index: ReferenceIndex = referenceIndex()): CountryResolution {
  const key = normaliseKey(text);
  const alias = index.countryAliases.get(key);
  if (!alias) return notFound(key, 'country', text);
  if (alias.countryAlpha2) {
    return {
      kind: 'country',
      key,
      country: index.countriesByAlpha2.get(alias.countryAlpha2)!,
      note: alias.note,
    };
  }
  return {
    kind: 'non-country',
    key,
    value: index.nonCountryValues.get(alias.nonCountryCode!)!,
    note: alias.note,
  };
}

/** A country by its ISO 3166 alpha-2 or alpha-3 code, in any case; undefined for anything else. */
export function findCountryByCode(
  code: string,
  index: ReferenceIndex = referenceIndex(),
): Country | undefined {
  const upper = code.trim().toUpperCase();
  return index.countriesByAlpha2.get(upper) ?? index.countriesByAlpha3.get(upper);
}

/** The drug a substance string from a file names (in en, zh, ru or as UNODC writes it), or why none. */
export function resolveDrug(text: string, index: ReferenceIndex = referenceIndex()): DrugResolution {
  const key = normaliseKey(text);
  const synonym = index.drugSynonyms.get(key);
  if (!synonym) return notFound(key, 'drug', text);
  const drug = index.drugs.get(synonym.drugCode)!;
  return { kind: 'drug', key, drug, group: index.drugGroups.get(drug.groupCode)!, note: synonym.note };
}

/** The unit a file's unit string names; a blank unit never resolves. */
export function resolveUnit(text: string, index: ReferenceIndex = referenceIndex()): UnitResolution {
  const key = normaliseKey(text);
  const alias = index.unitAliases.get(key);
  if (!alias) return notFound(key, 'unit', text);
  return { kind: 'unit', key, unit: index.units.get(alias.unitCode)! };
}
