import type { KgTable } from '../reference/convert.js';
import { toKgEquivalent } from '../reference/convert.js';
import type { ReferenceIndex } from '../reference/lookup.js';
import { resolveCountry, resolveDrug, resolveUnit } from '../reference/normalise.js';
import { parseDate, parseYear } from './dates.js';
import type { Mapping } from './mapping.js';
import { parseNumber } from './numbers.js';

/** A cell as the readers hand it over: CSV gives text, XLSX text, numbers, dates or nothing. */
export type Cell = string | number | Date | boolean | null | undefined;

/** The route fields: restricted, reads of them are audited. */
export interface Route {
  producingCountries: string[];
  departureCountry: string | null;
  transitCountries: string[];
  destinationCountry: string | null;
  traffickerNationalities: string[];
  /** The route values as reported, field → text, for the ones that were not blank. */
  reported: Record<string, string>;
}

export interface SeizureValues {
  date: string;
  country: string;
  countryText: string;
  adminDivision: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  drugCode: string;
  drugText: string;
  quantity: number;
  quantityText: string;
  unitCode: string;
  unitText: string;
  /** Kilogram equivalent by `kgTable`; null when the unit has none (plants, doses), with the reason in kgNote. */
  kg: number | null;
  kgTable: string;
  kgNote: string | null;
  concealment: string | null;
  installation: string | null;
  transportMode: string | null;
  routing: string | null;
  route: Route;
  reportingAgency: string | null;
}

export interface TotalValues {
  country: string;
  countryText: string;
  drugCode: string;
  drugText: string;
  year: number;
  quantity: number;
  quantityText: string;
  unitCode: string;
  kg: number | null;
  kgTable: string;
  kgNote: string | null;
}

export type Normalised<T> =
  | { ok: true; values: T; warnings: string[] }
  | { ok: false; field: string; reason: string };

export interface RowContext {
  mapping: Mapping;
  /** field → 0-based column index */
  indexes: Record<string, number>;
  index: ReferenceIndex;
  table: KgTable;
  /** Seizures dated after this day are refused (YYYY-MM-DD, normally today). */
  today: string;
}

type Resolutions = {
  country: ReturnType<typeof resolveCountry>;
  drug: ReturnType<typeof resolveDrug>;
  unit: ReturnType<typeof resolveUnit>;
};
const RESOLVERS: { [K in keyof Resolutions]: (text: string, index: ReferenceIndex) => Resolutions[K] } = {
  country: resolveCountry,
  drug: resolveDrug,
  unit: resolveUnit,
};
// A file repeats a few hundred distinct names over hundreds of thousands of rows: resolve each once.
const memo = new WeakMap<ReferenceIndex, Map<string, unknown>>();
const MEMO_LIMIT = 50_000;

function resolve<K extends keyof Resolutions>(kind: K, text: string, index: ReferenceIndex): Resolutions[K] {
  let cache = memo.get(index);
  if (!cache) {
    cache = new Map();
    memo.set(index, cache);
  }
  const key = `${kind}\u0000${text}`;
  let hit = cache.get(key) as Resolutions[K] | undefined;
  if (hit === undefined) {
    hit = RESOLVERS[kind](text, index);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function get(cells: readonly Cell[], ctx: RowContext, field: string): Cell {
  const i = ctx.indexes[field];
  if (i !== undefined) return cells[i];
  return ctx.mapping.constants?.[field];
}

const text = (cells: readonly Cell[], ctx: RowContext, field: string): string | null => {
  const t = cellText(get(cells, ctx, field));
  return t === '' ? null : t;
};

const reject = (field: string, reason: string) => ({ ok: false as const, field, reason });

// Several countries in one cell: separated by ";" or "|" (a comma is part of names such as "Iran, Islamic Republic of").
const LIST_SEPARATOR = /\s*[;|]\s*/;

/** One country of a route field: an alpha-2 code, null for Unknown and the like, or a warning when unknown. */
function routeCountry(value: string, field: string, ctx: RowContext, warnings: string[]): string | null {
  const r = resolve('country', value, ctx.index);
  if (r.kind === 'country') return r.country.alpha2;
  if (r.kind === 'not-found' && r.reason === 'unknown') {
    warnings.push(`${field}: "${value}" is not a known country; kept as written, not counted in routes`);
  }
  return null;
}

function routeList(
  cells: readonly Cell[],
  field: string,
  ctx: RowContext,
  warnings: string[],
  reported: Record<string, string>,
): string[] {
  const t = text(cells, ctx, field);
  if (!t) return [];
  reported[field] = t;
  const out: string[] = [];
  for (const part of t.split(LIST_SEPARATOR)) {
    if (!part) continue;
    const code = routeCountry(part, field, ctx, warnings);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

function routeOne(
  cells: readonly Cell[],
  field: string,
  ctx: RowContext,
  warnings: string[],
  reported: Record<string, string>,
): string | null {
  const t = text(cells, ctx, field);
  if (!t) return null;
  reported[field] = t;
  return routeCountry(t, field, ctx, warnings);
}

function coordinate(
  cells: readonly Cell[],
  field: 'latitude' | 'longitude',
  ctx: RowContext,
  warnings: string[],
): number | null {
  const raw = get(cells, ctx, field);
  if (cellText(raw) === '') return null;
  const n = parseNumber(typeof raw === 'number' ? raw : cellText(raw), ctx.mapping.numberFormat);
  const limit = field === 'latitude' ? 90 : 180;
  if (!n.ok || Math.abs(n.value) > limit) {
    warnings.push(`${field}: "${cellText(raw)}" is not a ${field} (-${limit} to ${limit}); left out`);
    return null;
  }
  return n.value;
}

interface Common {
  country: string;
  countryText: string;
  drugCode: string;
  drugText: string;
  drugNote: string | null;
  quantity: number;
  quantityText: string;
  unitCode: string;
  unitText: string;
  kg: number | null;
  kgNote: string | null;
}

/** Country, drug, quantity and unit: the fields both kinds share, with the same rules. */
function common(
  cells: readonly Cell[],
  ctx: RowContext,
  allowZero: boolean,
): Common | { ok: false; field: string; reason: string } {
  const countryText = cellText(get(cells, ctx, 'country'));
  const country = resolve('country', countryText, ctx.index);
  if (country.kind === 'not-found') return reject('country', country.detail);
  if (country.kind === 'non-country') {
    return reject(
      'country',
      `"${countryText}" (${country.value.names.en}) is not one country; a seizure is counted in the country where it was made`,
    );
  }
  const drugText = cellText(get(cells, ctx, 'drug'));
  const drug = resolve('drug', drugText, ctx.index);
  if (drug.kind === 'not-found') return reject('drug', drug.detail);
  const rawQuantity = get(cells, ctx, 'quantity');
  const quantityText = cellText(rawQuantity);
  const q = parseNumber(
    typeof rawQuantity === 'number' ? rawQuantity : quantityText,
    ctx.mapping.numberFormat,
  );
  if (!q.ok) return reject('quantity', q.reason === 'blank' ? 'the quantity is blank' : q.detail);
  if (q.value < 0) return reject('quantity', `the quantity ${quantityText} is negative`);
  if (q.value === 0 && !allowZero)
    return reject('quantity', 'the quantity is zero: a seizure of nothing is not a seizure');
  const unitText = cellText(get(cells, ctx, 'unit'));
  const unit = resolve('unit', unitText, ctx.index);
  if (unit.kind === 'not-found') return reject('unit', unit.detail);
  const kg = toKgEquivalent(q.value, unit.unit.code, drug.drug.code, ctx.table);
  return {
    country: country.country.alpha2,
    countryText,
    drugCode: drug.drug.code,
    drugText,
    drugNote: drug.note,
    quantity: q.value,
    quantityText,
    unitCode: unit.unit.code,
    unitText,
    kg: kg.ok ? kg.kg : null,
    kgNote: kg.ok ? null : kg.detail,
  };
}

/** One row of a seizure file: its values, or the field and reason it was refused for. Nothing is guessed. */
export function normaliseSeizure(cells: readonly Cell[], ctx: RowContext): Normalised<SeizureValues> {
  const warnings: string[] = [];
  const date = parseDate(get(cells, ctx, 'date') as string | Date | null, ctx.mapping.dateFormat);
  if (!date.ok) return reject('date', date.detail);
  if (date.value > ctx.today) return reject('date', `the date ${date.value} is in the future`);
  const c = common(cells, ctx, false);
  if ('ok' in c) return c;
  if (c.drugNote && /total/i.test(c.drugNote))
    return reject('drug', `"${c.drugText}" is a reported total, not one seizure`);
  const reported: Record<string, string> = {};
  const route: Route = {
    producingCountries: routeList(cells, 'producingCountries', ctx, warnings, reported),
    departureCountry: routeOne(cells, 'departureCountry', ctx, warnings, reported),
    transitCountries: routeList(cells, 'transitCountries', ctx, warnings, reported),
    destinationCountry: routeOne(cells, 'destinationCountry', ctx, warnings, reported),
    traffickerNationalities: routeList(cells, 'traffickerNationalities', ctx, warnings, reported),
    reported,
  };
  if (c.kgNote) warnings.push(`no kilogram equivalent: ${c.kgNote}`);
  return {
    ok: true,
    warnings,
    values: {
      date: date.value,
      country: c.country,
      countryText: c.countryText,
      adminDivision: text(cells, ctx, 'adminDivision'),
      place: text(cells, ctx, 'place'),
      latitude: coordinate(cells, 'latitude', ctx, warnings),
      longitude: coordinate(cells, 'longitude', ctx, warnings),
      drugCode: c.drugCode,
      drugText: c.drugText,
      quantity: c.quantity,
      quantityText: c.quantityText,
      unitCode: c.unitCode,
      unitText: c.unitText,
      kg: c.kg,
      kgTable: ctx.table.table.version,
      kgNote: c.kgNote,
      concealment: text(cells, ctx, 'concealment'),
      installation: text(cells, ctx, 'installation'),
      transportMode: text(cells, ctx, 'transportMode'),
      routing: text(cells, ctx, 'routing'),
      route,
      reportingAgency: text(cells, ctx, 'reportingAgency'),
    },
  };
}

/** One row of a reported-totals file (country, drug, year, quantity). A reported zero is kept: it is what was reported. */
export function normaliseTotal(cells: readonly Cell[], ctx: RowContext): Normalised<TotalValues> {
  const year = parseYear(get(cells, ctx, 'year') as string | number | null);
  if (!year.ok) return reject('year', year.detail);
  const c = common(cells, ctx, true);
  if ('ok' in c) return c;
  return {
    ok: true,
    warnings: c.kgNote ? [`no kilogram equivalent: ${c.kgNote}`] : [],
    values: {
      country: c.country,
      countryText: c.countryText,
      drugCode: c.drugCode,
      drugText: c.drugText,
      year: year.value,
      quantity: c.quantity,
      quantityText: c.quantityText,
      unitCode: c.unitCode,
      kg: c.kg,
      kgTable: ctx.table.table.version,
      kgNote: c.kgNote,
    },
  };
}
