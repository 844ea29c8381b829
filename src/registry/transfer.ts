/**
 * Export and import of the whole registry as JSON or CSV. An export carries no ids, versions or timestamps: records
 * refer to each other by `ref` (the code of agencies and mechanisms, `<kind>-<n>` otherwise) and come in an order
 * derived from their content, so exporting, importing into an empty node and exporting again gives the same file.
 * An import checks every row, reports each problem with its row and field, and writes nothing unless all are valid.
 */
import type { TObject } from '@sinclair/typebox';
import type { Db, Queryable } from '../platform/db/db.js';
import { HttpProblem } from '../platform/http/problem.js';
import { bodyAjv, fieldErrors } from '../platform/http/validation.js';
import { CsvError, parseCsv, toCsv } from './csv.js';
import type { ColumnType, Rec, RecordKind } from './kind.js';
import { KINDS } from './kinds/index.js';
import { checkRate, insertRate, type RateInput } from './rates.js';
import { createIn, listRecords, RecordInvalid, type Writer } from './store.js';

export const FORMAT = 'liaison-registry';
export const FORMAT_VERSION = 1;

const COMMON = [
  'handling',
  'handlingText',
  'audience',
  'onwardSharing',
  'notes',
  'source',
  'datePrecision',
  'demo',
];
const RATE_FIELDS = ['currency', 'toCurrency', 'rate', 'validOn', 'rateSource'] as const;
const RATE_KIND = 'exchange_rate';

/** One record in an export; `type` names the kind of record (a record's own `kind` field is something else). */
export interface ExportRow extends Rec {
  type: string;
  ref: string;
}
export interface RateRow {
  currency: string;
  toCurrency: string;
  rate: number;
  validOn: string;
  rateSource: string | null;
}
export interface RegistryExport {
  format: typeof FORMAT;
  formatVersion: number;
  records: ExportRow[];
  exchangeRates: RateRow[];
}

/** Fields of a kind in export order: code, names, its own fields, then the common ones. */
export function exportFields(kind: RecordKind): string[] {
  const keys = Object.keys(kind.createSchema.properties);
  const own = keys.filter((k) => k !== 'code' && k !== 'names' && !COMMON.includes(k));
  return [...(kind.code ? ['code'] : []), ...(kind.names ? ['names'] : []), ...own, ...COMMON];
}

const kindByName = new Map(KINDS.map((k) => [k.name, k]));

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Rec)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

async function allRecords(db: Queryable, kind: RecordKind): Promise<Rec[]> {
  const out: Rec[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await listRecords(db, kind, { limit: 1000, offset });
    out.push(...page.items);
    if (page.items.length < 1000) return out;
  }
}

/** The live records of the registry and the exchange rates, in the portable form. */
export async function exportRegistry(db: Queryable): Promise<RegistryExport> {
  const refs = new Map<string, string>(); // record id → ref
  const records: ExportRow[] = [];
  for (const kind of KINDS) {
    const fields = exportFields(kind);
    const rows = (await allRecords(db, kind)).map((rec) => {
      const row: Rec = {};
      for (const f of fields) {
        const ref = kind.refs.find((r) => r.api === f && r.by === 'id');
        const value = rec[f] ?? null;
        row[f] = ref && value !== null ? (refs.get(String(value)) ?? null) : value;
      }
      return { id: String(rec.id), row, key: kind.code ? String(rec.code) : canonical(row) };
    });
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    rows.forEach(({ id, row }, i) => {
      const ref = kind.code ? String(row.code) : `${kind.name}-${i + 1}`;
      refs.set(id, ref);
      records.push({ type: kind.name, ref, ...row });
    });
  }
  const { rows: rates } = await db.query<RateRow>(
    `select currency, to_currency as "toCurrency", rate::float8 as rate, valid_on::text as "validOn", source as "rateSource"
       from exchange_rates order by currency, to_currency, valid_on`,
  );
  return { format: FORMAT, formatVersion: FORMAT_VERSION, records, exchangeRates: rates };
}

export const exportJson = (data: RegistryExport) => `${JSON.stringify(data, null, 2)}\n`;

/** The CSV columns: type and ref, then every field of every kind once (names and source split in three and two). */
export function csvColumns(): string[] {
  const cols: string[] = ['type', 'ref'];
  const add = (c: string) => {
    if (!cols.includes(c)) cols.push(c);
  };
  for (const kind of KINDS) {
    for (const f of exportFields(kind)) {
      if (f === 'names') ['names.en', 'names.zh', 'names.ru'].forEach(add);
      else if (f === 'source') ['source.file', 'source.quote'].forEach(add);
      else add(f);
    }
  }
  RATE_FIELDS.forEach(add);
  return cols;
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function exportCsv(data: RegistryExport): string {
  const cols = csvColumns();
  const flat = (row: Rec): string[] => {
    const values: Rec = { ...row };
    const names = row.names as Rec | undefined;
    const source = row.source as Rec | null | undefined;
    if (names) for (const l of ['en', 'zh', 'ru']) values[`names.${l}`] = names[l];
    if (source) {
      values['source.file'] = source.file;
      values['source.quote'] = source.quote;
    }
    return cols.map((c) => (c === 'names' || c === 'source' ? '' : cellOf(values[c])));
  };
  const rows = [
    ...data.records.map(flat),
    ...data.exchangeRates.map((r, i) => flat({ type: RATE_KIND, ref: `rate-${i + 1}`, ...r })),
  ];
  return toCsv(cols, rows);
}

/** One problem of an import: the row (spreadsheet row for CSV, 1-based record for JSON), the field and why. */
export interface RowError {
  row: number;
  kind: string | null;
  ref: string | null;
  field: string;
  message: string;
}

export class ImportFailed extends Error {
  constructor(readonly errors: RowError[]) {
    super(`${errors.length} problem(s); nothing was imported`);
    this.name = 'ImportFailed';
  }
}

export interface ImportRow {
  row: number;
  data: Rec;
}

/** Rows of a JSON export file. */
export function parseJsonImport(text: string): { records: ImportRow[]; rates: ImportRow[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFailed([
      { row: 0, kind: null, ref: null, field: '/', message: `not valid JSON: ${(error as Error).message}` },
    ]);
  }
  const d = data as Partial<RegistryExport>;
  if (!d || d.format !== FORMAT || !Array.isArray(d.records)) {
    throw new ImportFailed([
      {
        row: 0,
        kind: null,
        ref: null,
        field: '/format',
        message: `is not a ${FORMAT} export (format, records)`,
      },
    ]);
  }
  if (d.formatVersion !== FORMAT_VERSION) {
    throw new ImportFailed([
      { row: 0, kind: null, ref: null, field: '/formatVersion', message: `must be ${FORMAT_VERSION}` },
    ]);
  }
  return {
    records: d.records.map((r, i) => ({ row: i + 1, data: r as Rec })),
    rates: (d.exchangeRates ?? []).map((r, i) => ({
      row: d.records!.length + i + 1,
      data: r as unknown as Rec,
    })),
  };
}

const COMMON_TYPES: Record<string, ColumnType> = {
  handling: 'text',
  handlingText: 'text',
  audience: 'json',
  onwardSharing: 'bool',
  notes: 'text',
  datePrecision: 'json',
  demo: 'bool',
  code: 'text',
};

function fieldType(kind: RecordKind, field: string): ColumnType {
  return kind.columns.find((c) => c.api === field)?.type ?? COMMON_TYPES[field] ?? 'text';
}

function decodeCell(type: ColumnType, cell: string): unknown {
  switch (type) {
    case 'json':
      return JSON.parse(cell);
    case 'int':
    case 'number': {
      const n = Number(cell);
      if (!Number.isFinite(n)) throw new Error(`"${cell}" is not a number`);
      return n;
    }
    case 'bool':
      if (cell === 'true' || cell === 'false') return cell === 'true';
      throw new Error(`"${cell}" is not true or false`);
    default:
      return cell;
  }
}

/** Rows of a CSV export file; cells that cannot be read become row errors. */
export function parseCsvImport(text: string): {
  records: ImportRow[];
  rates: ImportRow[];
  errors: RowError[];
} {
  let lines: { line: number; cells: string[] }[];
  try {
    lines = parseCsv(text);
  } catch (error) {
    const line = error instanceof CsvError ? error.line : 0;
    throw new ImportFailed([
      { row: line, kind: null, ref: null, field: '/', message: (error as Error).message },
    ]);
  }
  const [header, ...body] = lines;
  if (header?.cells[0] !== 'type' || header.cells[1] !== 'ref') {
    throw new ImportFailed([
      {
        row: 1,
        kind: null,
        ref: null,
        field: '/',
        message: 'the first row must be the header, starting type,ref',
      },
    ]);
  }
  const cols = header.cells;
  const records: ImportRow[] = [];
  const rates: ImportRow[] = [];
  const errors: RowError[] = [];
  body.forEach(({ cells }, index) => {
    const row = index + 2; // spreadsheet row: the header is row 1
    const kindName = cells[0] ?? '';
    const ref = cells[1] || null;
    const data: Rec = { type: kindName, ref };
    if (kindName === RATE_KIND) {
      const get = (c: string) => cells[cols.indexOf(c)] ?? '';
      rates.push({
        row,
        data: {
          currency: get('currency'),
          toCurrency: get('toCurrency'),
          rate: Number(get('rate')),
          validOn: get('validOn'),
          rateSource: get('rateSource') || null,
        },
      });
      return;
    }
    const kind = kindByName.get(kindName);
    if (!kind) {
      errors.push({
        row,
        kind: kindName || null,
        ref,
        field: '/type',
        message: `"${kindName}" is not a kind of registry record`,
      });
      return;
    }
    const fields = new Set(exportFields(kind));
    cols.forEach((col, i) => {
      const cell = cells[i] ?? '';
      if (i < 2 || cell === '') return;
      const [base, sub] = col.split('.') as [string, string | undefined];
      if (!fields.has(base)) {
        errors.push({
          row,
          kind: kindName,
          ref,
          field: `/${col}`,
          message: `is not a field of a ${kind.label}; leave it empty`,
        });
        return;
      }
      if (sub) {
        data[base] = { ...((data[base] as Rec | undefined) ?? {}), [sub]: cell };
        return;
      }
      try {
        data[base] = decodeCell(fieldType(kind, base), cell);
      } catch (error) {
        errors.push({ row, kind: kindName, ref, field: `/${col}`, message: (error as Error).message });
      }
    });
    records.push({ row, data });
  });
  return { records, rates, errors };
}

const validators = new Map<TObject, ReturnType<typeof bodyAjv.compile>>();
function validatorOf(kind: RecordKind) {
  let v = validators.get(kind.createSchema);
  if (!v) {
    v = bodyAjv.compile(kind.createSchema);
    validators.set(kind.createSchema, v);
  }
  return v;
}

/** Imports rows in one transaction; throws ImportFailed with every problem, after which nothing is written. */
export async function importRegistry(
  db: Db,
  input: { records: ImportRow[]; rates: ImportRow[]; errors?: RowError[] },
  writer: Writer,
): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const errors: RowError[] = [...(input.errors ?? [])];
    const counts: Record<string, number> = {};
    const refs = new Map<string, string>(); // `${kind}:${ref}` → id
    const seen = new Set<string>();
    const byKind = (k: RecordKind) => input.records.filter((r) => r.data.type === k.name);
    for (const r of input.records) {
      if (!kindByName.has(String(r.data.type))) {
        errors.push({
          row: r.row,
          kind: String(r.data.type ?? '') || null,
          ref: null,
          field: '/type',
          message: 'is not a kind of registry record',
        });
      }
    }
    for (const kind of KINDS) {
      for (const { row, data } of byKind(kind)) {
        const { type: _type, ref: rawRef, demo, ...fields } = data;
        const before = errors.length;
        const ref = typeof rawRef === 'string' && rawRef ? rawRef : null;
        const fail = (field: string, message: string) =>
          errors.push({ row, kind: kind.name, ref, field, message });
        if (ref && seen.has(`${kind.name}:${ref}`))
          fail('/ref', `${ref} is used by an earlier ${kind.label}`);
        if (ref) seen.add(`${kind.name}:${ref}`);
        for (const r of kind.refs.filter((x) => x.by === 'id')) {
          const value = fields[r.api];
          if (value === null || value === undefined) continue;
          const target = refs.get(`${r.table === 'meetings' ? 'meeting' : 'agreement'}:${String(value)}`);
          if (!target)
            fail(
              `/${r.api}`,
              `"${String(value)}" is not the ref of a valid ${r.table === 'meetings' ? 'meeting' : 'agreement'} in this file`,
            );
          fields[r.api] = target ?? null;
        }
        if (demo !== undefined && demo !== null && typeof demo !== 'boolean')
          fail('/demo', 'must be true or false');
        const validate = validatorOf(kind);
        if (!validate(fields))
          for (const e of fieldErrors(validate.errors ?? [], 'body'))
            fail(e.path.replace(/^\/body/, ''), e.message);
        // A row whose refs or shape are wrong is not checked further: its other messages would only repeat these.
        if (errors.length > before) continue;
        try {
          const saved = await createIn(tx, kind, { ...fields, demo: demo === true }, writer);
          if (ref) refs.set(`${kind.name}:${ref}`, String(saved.id));
          counts[kind.path] = (counts[kind.path] ?? 0) + 1;
        } catch (error) {
          if (error instanceof RecordInvalid) for (const e of error.errors) fail(`/${e.field}`, e.message);
          else if (error instanceof HttpProblem)
            fail(error.errors[0]?.path.replace(/^\/body/, '') ?? '/', error.detail ?? error.title);
          else throw error;
        }
      }
    }
    for (const { row, data } of input.rates) {
      const rate: RateInput = {
        currency: String(data.currency ?? ''),
        toCurrency: String(data.toCurrency ?? ''),
        rate: Number(data.rate),
        validOn: String(data.validOn ?? ''),
        source: (data.rateSource as string | null) ?? null,
      };
      const problems = checkRate(rate);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(rate.validOn))
        problems.push({ path: '/body/validOn', message: 'must be a date (YYYY-MM-DD)' });
      for (const p of problems)
        errors.push({
          row,
          kind: RATE_KIND,
          ref: null,
          field: p.path.replace(/^\/body/, ''),
          message: p.message,
        });
      if (problems.length) continue;
      const dup = await tx.query(
        'select 1 from exchange_rates where currency = $1 and to_currency = $2 and valid_on = $3',
        [rate.currency, rate.toCurrency, rate.validOn],
      );
      if (dup.rows.length) {
        errors.push({
          row,
          kind: RATE_KIND,
          ref: null,
          field: '/validOn',
          message: `a ${rate.currency}→${rate.toCurrency} rate valid on ${rate.validOn} exists`,
        });
        continue;
      }
      await insertRate(tx, rate, writer.actor);
      counts['exchange-rates'] = (counts['exchange-rates'] ?? 0) + 1;
    }
    if (errors.length) throw new ImportFailed(errors.sort((a, b) => a.row - b.row));
    return counts;
  });
}

/** One line per problem, for people. */
export function describeRowError(e: RowError): string {
  const what = e.kind ? ` (${e.kind}${e.ref ? ` ${e.ref}` : ''})` : '';
  return `row ${e.row}${what}: ${e.field} ${e.message}`;
}
