import { normaliseKey } from '../reference/key.js';
import { DATE_FORMATS, type DateFormat } from './dates.js';
import { NUMBER_FORMATS, type NumberFormat } from './numbers.js';

/** What a file holds: individual seizures, or reported totals by country, drug and year. */
export const IMPORT_KINDS = ['seizures', 'totals'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Fields of an individual seizure that a column can feed. */
export const SEIZURE_FIELDS = [
  'date',
  'country',
  'adminDivision',
  'place',
  'latitude',
  'longitude',
  'drug',
  'quantity',
  'unit',
  'concealment',
  'installation',
  'transportMode',
  'routing',
  'producingCountries',
  'departureCountry',
  'transitCountries',
  'destinationCountry',
  'traffickerNationalities',
  'reportingAgency',
] as const;
export type SeizureField = (typeof SEIZURE_FIELDS)[number];

/** Fields of a reported total. */
export const TOTAL_FIELDS = ['country', 'drug', 'year', 'quantity', 'unit'] as const;
export type TotalField = (typeof TOTAL_FIELDS)[number];

export const REQUIRED: Record<ImportKind, readonly string[]> = {
  seizures: ['date', 'country', 'drug', 'quantity', 'unit'],
  totals: ['country', 'drug', 'year', 'quantity', 'unit'],
};

/**
 * How to read one file: which column feeds which field, how numbers and dates are written, and constants for a
 * field the file does not have (the WDR annex's quantities are all in kilograms: `constants.unit = "kg"`).
 */
export interface Mapping {
  kind: ImportKind;
  /** field → column header, as written in the file (compared after normaliseKey). */
  columns: Record<string, string>;
  constants?: Record<string, string>;
  numberFormat: NumberFormat;
  dateFormat: DateFormat;
  /** CSV only; undefined = detected from the header line. */
  delimiter?: string;
  /** XLSX only; undefined = the first worksheet. */
  sheet?: string;
  /** 1-based row of the header; undefined = the first row that has every mapped column. */
  headerRow?: number;
}

export const IDS_LAYOUT = 'unodc-ids';
export const WDR_LAYOUT = 'unodc-wdr-annex';

/** The layouts recognised without a mapping, by their header. */
export const KNOWN_LAYOUTS: Record<string, Mapping> = {
  [IDS_LAYOUT]: {
    kind: 'seizures',
    columns: {
      date: 'SEIZURE_DATE',
      country: 'COUNTRY',
      adminDivision: 'ADMINISTRATIVE_DIVISION',
      place: 'PLACE',
      drug: 'DRUG_NAME',
      quantity: 'AMOUNT',
      unit: 'DRUG_UNIT',
      concealment: 'HIDING_PLACE',
      installation: 'INSTALLATION',
      transportMode: 'TRANSPORT',
      producingCountries: 'PRODUCING_COUNTRY',
      departureCountry: 'DEPARTURE_COUNTRY',
      destinationCountry: 'DESTINATION_COUNTRY',
      routing: 'ROUTING',
    },
    numberFormat: 'point',
    dateFormat: 'iso',
  },
  [WDR_LAYOUT]: {
    kind: 'totals',
    columns: { country: 'Country', drug: 'DrugName', year: 'Reference year', quantity: 'Kilograms' },
    constants: { unit: 'kg' },
    numberFormat: 'point',
    dateFormat: 'iso',
  },
};

/** Columns a header must have for a layout to be recognised (its mapped columns plus identifying extras). */
const SIGNATURES: Record<string, string[]> = {
  [IDS_LAYOUT]: [...Object.values(KNOWN_LAYOUTS[IDS_LAYOUT]!.columns), 'REGION', 'SUBREGION'],
  [WDR_LAYOUT]: [...Object.values(KNOWN_LAYOUTS[WDR_LAYOUT]!.columns), 'DrugGroup', 'DrugSubGroup', 'msCode'],
};

export interface Detected {
  layout: string;
  mapping: Mapping;
  /** 0-based index of the header among the rows looked at. */
  headerIndex: number;
}

const keys = (row: readonly unknown[]) =>
  new Set(row.map((c) => normaliseKey(c === null || c === undefined ? '' : String(c))));

/** The known layout whose header is one of the first rows (title rows above the header are allowed). */
export function detectLayout(rows: readonly (readonly unknown[])[]): Detected | undefined {
  for (let i = 0; i < rows.length; i++) {
    const have = keys(rows[i]!);
    for (const [layout, signature] of Object.entries(SIGNATURES)) {
      if (signature.every((c) => have.has(normaliseKey(c)))) {
        return { layout, mapping: { ...KNOWN_LAYOUTS[layout]!, headerRow: undefined }, headerIndex: i };
      }
    }
  }
  return undefined;
}

/** The first of `rows` (0-based) that has every column the mapping names, or -1. */
export function findHeader(rows: readonly (readonly unknown[])[], mapping: Mapping): number {
  const wanted = Object.values(mapping.columns).map((c) => normaliseKey(c));
  if (mapping.headerRow !== undefined)
    return mapping.headerRow - 1 < rows.length ? mapping.headerRow - 1 : -1;
  return rows.findIndex((row) => {
    const have = keys(row);
    return wanted.every((c) => have.has(c));
  });
}

/** field → 0-based column index, or the mapped columns the header lacks. */
export function columnIndexes(
  header: readonly unknown[],
  mapping: Mapping,
): { ok: true; indexes: Record<string, number> } | { ok: false; missing: string[] } {
  const at = new Map<string, number>();
  header.forEach((c, i) => {
    const k = normaliseKey(c === null || c === undefined ? '' : String(c));
    if (!at.has(k)) at.set(k, i);
  });
  const indexes: Record<string, number> = {};
  const missing: string[] = [];
  for (const [field, column] of Object.entries(mapping.columns)) {
    const i = at.get(normaliseKey(column));
    if (i === undefined) missing.push(column);
    else indexes[field] = i;
  }
  return missing.length ? { ok: false, missing } : { ok: true, indexes };
}

/** Problems of a mapping a person wrote (unknown fields, a required field neither mapped nor constant). */
export function mappingProblems(mapping: Mapping): string[] {
  const problems: string[] = [];
  const fields: readonly string[] = mapping.kind === 'seizures' ? SEIZURE_FIELDS : TOTAL_FIELDS;
  for (const field of [...Object.keys(mapping.columns), ...Object.keys(mapping.constants ?? {})]) {
    if (!fields.includes(field))
      problems.push(`"${field}" is not a field of ${mapping.kind}; known: ${fields.join(', ')}`);
  }
  for (const field of REQUIRED[mapping.kind]) {
    if (!(field in mapping.columns) && !(field in (mapping.constants ?? {}))) {
      problems.push(`the required field "${field}" has no column and no constant`);
    }
  }
  if (!(NUMBER_FORMATS as readonly string[]).includes(mapping.numberFormat))
    problems.push('numberFormat must be point, comma or auto');
  if (!(DATE_FORMATS as readonly string[]).includes(mapping.dateFormat))
    problems.push('dateFormat must be iso, dmy or mdy');
  return problems;
}

// Header words that usually mean a field; used only to propose a mapping that a person confirms.
const HINTS: Record<string, string[]> = {
  date: ['date', 'seizure date', 'дата', '日期', '缴获日期'],
  country: ['country', 'country of seizure', 'страна', '国家'],
  adminDivision: ['administrative division', 'province', 'region', 'state', 'провинция', '省'],
  place: ['place', 'city', 'location', 'место', '地点'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng'],
  drug: ['drug', 'drug name', 'substance', 'наркотик', 'вещество', '毒品'],
  quantity: ['quantity', 'amount', 'qty', 'количество', '数量'],
  unit: ['unit', 'drug unit', 'единица', '单位'],
  concealment: ['concealment', 'hiding place'],
  transportMode: ['transport', 'mode of transport', 'transport mode'],
  departureCountry: ['departure country', 'departure'],
  destinationCountry: ['destination country', 'destination'],
  transitCountries: ['transit countries', 'transit'],
  producingCountries: ['producing country', 'origin country', 'country of origin'],
  traffickerNationalities: ['nationality', 'nationalities', 'trafficker nationality'],
  year: ['year', 'reference year'],
};

/** A proposed field → column mapping from header words; never applied without a person's confirmation. */
export function suggestColumns(header: readonly unknown[], kind: ImportKind): Record<string, string> {
  const fields: readonly string[] = kind === 'seizures' ? SEIZURE_FIELDS : TOTAL_FIELDS;
  const out: Record<string, string> = {};
  for (const cell of header) {
    const text = cell === null || cell === undefined ? '' : String(cell);
    const k = normaliseKey(text);
    for (const field of fields) {
      if (!out[field] && HINTS[field]?.some((h) => normaliseKey(h) === k)) out[field] = text;
    }
  }
  return out;
}
