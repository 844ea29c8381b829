import type { SeizureValues } from './normalise.js';

/**
 * A batch of seizures as the import sends it: one PostgreSQL array literal per column. Most columns are laid out
 * before the batch's transaction, while the previous batch is still being written; only the few columns that
 * depend on the duplicate decisions (made under the write lock) are built inside it. Building every literal inside
 * the transaction kept the database idle for a fifth of the import.
 */

/** An accepted row: its normalised values and what the import adds to them. */
export interface SeizureRow {
  v: SeizureValues;
  warnings: string[];
  rowNo: number;
  hash: string;
  likelyKey: string;
}

/** What the duplicate rules decided for one row; `keep` false for a row the node already holds. */
export interface RowDecision {
  keep: boolean;
  id: string | null;
  ordinal: number | null;
  duplicateOf: string | null;
  rule: string | null;
}

/** The value of a column as the import hands it: text[] as string arrays, jsonb as values to serialise. */
type ColumnValue = string | number | null | readonly string[] | Record<string, string>;
type Column = readonly [name: string, type: string];

/** Columns known before the decisions, with how each is read from a row. */
const LAID_OUT: readonly (readonly [name: string, type: string, get: (r: SeizureRow) => ColumnValue])[] = [
  ['seizure_date', 'date', (r) => r.v.date],
  ['country', 'text', (r) => r.v.country],
  ['country_text', 'text', (r) => r.v.countryText],
  ['admin_division', 'text', (r) => r.v.adminDivision],
  ['place', 'text', (r) => r.v.place],
  ['latitude', 'double precision', (r) => r.v.latitude],
  ['longitude', 'double precision', (r) => r.v.longitude],
  ['drug_code', 'text', (r) => r.v.drugCode],
  ['drug_text', 'text', (r) => r.v.drugText],
  ['quantity', 'numeric', (r) => r.v.quantity],
  ['quantity_text', 'text', (r) => r.v.quantityText],
  ['unit_code', 'text', (r) => r.v.unitCode],
  ['unit_text', 'text', (r) => r.v.unitText],
  ['kg', 'double precision', (r) => r.v.kg],
  ['kg_table', 'text', (r) => r.v.kgTable],
  ['kg_note', 'text', (r) => r.v.kgNote],
  ['concealment', 'text', (r) => r.v.concealment],
  ['installation', 'text', (r) => r.v.installation],
  ['transport_mode', 'text', (r) => r.v.transportMode],
  ['routing', 'text', (r) => r.v.routing],
  ['producing_countries', 'text[]', (r) => r.v.route.producingCountries],
  ['departure_country', 'text', (r) => r.v.route.departureCountry],
  ['transit_countries', 'text[]', (r) => r.v.route.transitCountries],
  ['destination_country', 'text', (r) => r.v.route.destinationCountry],
  ['trafficker_nationalities', 'text[]', (r) => r.v.route.traffickerNationalities],
  // The reported route texts and the warnings travel as plain text (a jsonb array element costs the server about
  // 8 µs to read, ten times a text one) and become their jsonb columns in SQL (ROUTE_REPORTED, WARNINGS).
  ['reported_producing', 'text', (r) => r.v.route.reported.producingCountries ?? null],
  ['reported_departure', 'text', (r) => r.v.route.reported.departureCountry ?? null],
  ['reported_transit', 'text', (r) => r.v.route.reported.transitCountries ?? null],
  ['reported_destination', 'text', (r) => r.v.route.reported.destinationCountry ?? null],
  ['reported_nationalities', 'text', (r) => r.v.route.reported.traffickerNationalities ?? null],
  ['reporting_agency', 'text', (r) => r.v.reportingAgency],
  ['warnings', 'text[]', (r) => (r.warnings.length ? r.warnings : null)],
  ['source_row', 'integer', (r) => r.rowNo],
  ['content_hash', 'text', (r) => r.hash],
  ['likely_key', 'text', (r) => r.likelyKey],
];

/** Columns that depend on the duplicate decisions, in the order `seizureParameters` builds them. */
const DECIDED: readonly Column[] = [
  ['id', 'uuid'],
  ['content_ordinal', 'integer'],
  ['duplicate_of', 'uuid'],
  ['duplicate_rule', 'text'],
];

/** Columns with one value for the whole batch, sent once each. */
export interface BatchConstants {
  origin: string;
  import_id: string;
  source_file: string;
}
const CONSTANT: readonly Column[] = [
  ['origin', 'text'],
  ['import_id', 'uuid'],
  ['source_file', 'text'],
];

/**
 * The statement's parameters in order: laid-out columns, decided columns, `keep`, then the
 * constants. `unnest` gives the array columns, each with its SQL type; `select` names every seizures column.
 */
const arrayColumns: Column[] = [
  ...LAID_OUT.map(([n, t]) => [n, t] as const),
  ...DECIDED,
  ['keep', 'boolean'],
];
export const SEIZURE_UNNEST = `unnest(${arrayColumns
  .map(([, t], i) => `$${i + 1}::${t === 'text[]' ? 'text' : t}[]`)
  .join(', ')}) as u(${arrayColumns.map(([n]) => n).join(', ')})`;
/** The route_reported column from its texts: field → text for the ones reported (as normalise.ts builds it). */
const ROUTE_REPORTED = `jsonb_strip_nulls(jsonb_build_object('producingCountries', reported_producing,
  'departureCountry', reported_departure, 'transitCountries', reported_transit,
  'destinationCountry', reported_destination, 'traffickerNationalities', reported_nationalities)) as route_reported`;
const WARNINGS = `coalesce(to_jsonb(warnings::text[]), '[]'::jsonb) as warnings`;
const selected = (n: string, t: string) => {
  if (n === 'warnings') return WARNINGS;
  return t === 'text[]' ? `${n}::text[] as ${n}` : n;
};
export const SEIZURE_SELECT = [
  ...arrayColumns.filter(([n]) => !n.startsWith('reported_')).map(([n, t]) => selected(n, t)),
  ROUTE_REPORTED,
  ...CONSTANT.map(([n, t], i) => `$${arrayColumns.length + i + 1}::${t} as ${n}`),
].join(', ');
/** Every seizures column the import writes. */
export const SEIZURE_COLUMN_NAMES = [
  ...[...LAID_OUT, ...DECIDED, ...CONSTANT].map(([n]) => n).filter((n) => !n.startsWith('reported_')),
  'route_reported',
].join(', ');

const QUOTED = /["\\]/g;
/** Text escaped for a double-quoted element of an array literal. */
const escapeElement = (v: string) => v.replace(QUOTED, '\\$&');
const quote = (v: string) => `"${escapeElement(v)}"`;

/** A PostgreSQL array literal of text, for a text[] column passed inside an array parameter. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map(quote).join(',')}}`;
}

/** One element of an array literal of the given SQL type. */
function element(v: ColumnValue | undefined, type: string): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return String(v);
  if (type === 'text[]') return quote(textArrayLiteral(v as readonly string[]));
  if (type === 'jsonb') return quote(JSON.stringify(v));
  return quote(v as string);
}

/**
 * The array literal of one column, built in one piece: node-postgres builds an array parameter by concatenating
 * each escaped element, which for thousands of rows × 35 columns left tens of megabytes of fragments to collect.
 */
export function arrayLiteral(values: readonly ColumnValue[], type: string): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = element(values[i], type);
  return `{${parts.join(',')}}`;
}

/** A batch laid out before its transaction: the literals of every column known so far. */
export interface SeizureLayout {
  rows: number;
  literals: string[];
  constants: BatchConstants;
}

/** The laid-out columns of a batch, a row at a time. */
export class SeizureColumns {
  private parts: string[][] = LAID_OUT.map(() => []);
  private rows = 0;

  add(row: SeizureRow): void {
    for (let c = 0; c < LAID_OUT.length; c++) {
      const [, type, get] = LAID_OUT[c]!;
      this.parts[c]!.push(element(get(row), type));
    }
    this.rows++;
  }

  /** Joins the columns into their literals; the parts are let go. */
  finish(constants: BatchConstants): SeizureLayout {
    const literals = this.parts.map((p) => `{${p.join(',')}}`);
    this.parts = [];
    return { rows: this.rows, literals, constants };
  }
}

/** Lays out a whole batch at once. */
export function layOutSeizures(rows: readonly SeizureRow[], constants: BatchConstants): SeizureLayout {
  const columns = new SeizureColumns();
  for (const r of rows) columns.add(r);
  return columns.finish(constants);
}

/**
 * The statement's parameters: the laid-out literals, then the decided columns and `keep`, then the constants.
 * Empties the layout.
 */
export function seizureParameters(layout: SeizureLayout, decisions: readonly RowDecision[]): string[] {
  const columns: string[][] = [[], [], [], [], []];
  for (const d of decisions) {
    columns[0]!.push(element(d.id, 'uuid'));
    columns[1]!.push(element(d.ordinal, 'integer'));
    columns[2]!.push(element(d.duplicateOf, 'uuid'));
    columns[3]!.push(element(d.rule, 'text'));
    columns[4]!.push(d.keep ? 't' : 'f');
  }
  const params = layout.literals;
  for (const column of columns) params.push(`{${column.join(',')}}`);
  params.push(layout.constants.origin, layout.constants.import_id, layout.constants.source_file);
  layout.literals = [];
  return params;
}
