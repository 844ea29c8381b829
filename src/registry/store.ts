/**
 * Storage of registry records, written once over the kind descriptions (kind.ts). Every write of a shared record
 * runs in one transaction: the row (version + 1), an audit entry and the outbox change with the full new state.
 * Deletion is a `retracted` tombstone version; rows are never deleted.
 */
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../platform/audit/log.js';
import { type Db, type Queryable, sqlErrorCode } from '../platform/db/db.js';
import { badRequest, conflict, type FieldError, notFound } from '../platform/http/problem.js';
import { type Audience, type HandlingCode, publishChange } from '../platform/records.js';
import type { Lookup, Rec, RecordKind } from './kind.js';
import { dbLookup } from './lookup.js';
import { isoDay, type RuleError, searchKey } from './rules.js';

/** Who writes: the audit actor and this node's agency code (the origin of every record it creates). */
export interface Writer {
  actor: string;
  origin: string;
}

const ENVELOPE_FIELDS = [
  'id',
  'origin',
  'version',
  'handling',
  'handlingText',
  'audience',
  'onwardSharing',
  'retractedAt',
];
const NAME_LANGS = ['en', 'zh', 'ru'] as const;

export const DEFAULT_SHARING = {
  handling: 'H0' as HandlingCode,
  handlingText: null,
  audience: { agencies: [], mechanisms: [], taskForces: [] } as Audience,
  onwardSharing: true,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function selectList(kind: RecordKind): string {
  const parts = [
    't.id',
    't.origin',
    't.version',
    't.handling',
    't.handling_text as "handlingText"',
    't.audience',
    't.onward_sharing as "onwardSharing"',
    't.created_at as "createdAt"',
    't.updated_at as "updatedAt"',
    't.retracted_at as "retractedAt"',
    't.notes',
    't.source',
    't.demo',
    't.date_precision as "datePrecision"',
  ];
  if (kind.code) parts.push('t.code');
  if (kind.names) parts.push('t.name_en', 't.name_zh', 't.name_ru');
  for (const c of kind.columns) {
    const expr =
      c.type === 'date'
        ? `t.${c.column}::text`
        : c.type === 'number'
          ? `t.${c.column}::float8`
          : `t.${c.column}`;
    parts.push(`${expr} as "${c.api}"`);
  }
  for (const r of kind.refs) {
    parts.push(
      r.by === 'code'
        ? `(select x.code from ${r.table} x where x.id = t.${r.column}) as "${r.api}"`
        : `t.${r.column} as "${r.api}"`,
    );
  }
  return parts.join(', ');
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

function toRecord(kind: RecordKind, row: Record<string, unknown>): Rec {
  const rec: Rec = {
    ...row,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    retractedAt: iso(row.retractedAt),
  };
  if (kind.names) {
    rec.names = { en: row.name_en ?? null, zh: row.name_zh ?? null, ru: row.name_ru ?? null };
    delete rec.name_en;
    delete rec.name_zh;
    delete rec.name_ru;
  }
  return rec;
}

/** The payload of an outbox change: the record without the envelope fields (they travel beside it). */
export function payloadOf(rec: Rec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (!ENVELOPE_FIELDS.includes(k)) out[k] = v;
  return out;
}

async function selectOne(
  db: Queryable,
  kind: RecordKind,
  where: string,
  param: string,
  lock = false,
): Promise<Rec | null> {
  const { rows } = await db.query(
    `select ${selectList(kind)} from ${kind.table} t where ${where}${lock ? ' for update' : ''}`,
    [param],
  );
  return rows[0] ? toRecord(kind, rows[0]) : null;
}

/** One record by id, or by code for kinds that have one. Retracted records are returned with retractedAt set. */
export async function getRecord(db: Queryable, kind: RecordKind, idOrCode: string): Promise<Rec> {
  const byId = UUID.test(idOrCode);
  if (!byId && !kind.code) throw notFound(`No ${kind.label} with id ${idOrCode}.`);
  const rec = await selectOne(
    db,
    kind,
    byId ? 't.id = $1' : 't.code = $1',
    byId ? idOrCode.toLowerCase() : idOrCode,
  );
  if (!rec) throw notFound(`No ${kind.label} ${byId ? 'with id' : 'with code'} ${idOrCode}.`);
  return rec;
}

export interface ListOptions {
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  includeRetracted?: boolean | undefined;
  filters?: Record<string, unknown>;
}

/** A page of records, filtered, with the total count of matches. */
export async function listRecords(
  db: Queryable,
  kind: RecordKind,
  options: ListOptions = {},
): Promise<{ items: Rec[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!options.includeRetracted) where.push('t.retracted_at is null');
  const q = options.q ? searchKey([options.q]) : '';
  if (q) {
    params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`t.search_key like $${params.length}`);
  }
  for (const [name, value] of Object.entries(options.filters ?? {})) {
    const filter = kind.filters[name];
    if (!filter || value === undefined) continue;
    params.push(value);
    where.push(filter.where(`$${params.length}`));
  }
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const count = await db.query<{ n: number }>(
    `select count(*)::int as n from ${kind.table} t ${clause}`,
    params,
  );
  const limit = options.limit ?? 200;
  const offset = options.offset ?? 0;
  const { rows } = await db.query(
    `select ${selectList(kind)} from ${kind.table} t ${clause} order by ${kind.order}, t.id limit ${limit} offset ${offset}`,
    params,
  );
  return { items: rows.map((r) => toRecord(kind, r)), total: Number(count.rows[0]?.n ?? 0) };
}

/** Rule errors as request field errors (paths under /body). */
export function toFieldErrors(errors: readonly RuleError[], prefix = '/body'): FieldError[] {
  return errors.map((e) => ({ path: `${prefix}/${e.field.replace(/^\//, '')}`, message: e.message }));
}

export class RecordInvalid extends Error {
  constructor(readonly errors: RuleError[]) {
    super(errors.map((e) => `${e.field} ${e.message}`).join('; '));
    this.name = 'RecordInvalid';
  }
}

/** All checks of a full record state; returns the ids its references resolve to. */
export async function checkRecord(
  kind: RecordKind,
  rec: Rec,
  lookup: Lookup,
  previous: Rec | null,
): Promise<{ errors: RuleError[]; refIds: Record<string, string | null> }> {
  const errors: RuleError[] = [];
  if (kind.names) {
    const names = (rec.names ?? {}) as Record<string, string | null>;
    if (!NAME_LANGS.some((l) => typeof names[l] === 'string' && names[l].trim() !== '')) {
      errors.push({ field: 'names', message: 'needs a name in at least one of en, zh, ru' });
    }
  }
  if (rec.handling === 'H3' && !rec.handlingText) {
    errors.push({
      field: 'handlingText',
      message: 'is required with handling H3 (say what the restriction is)',
    });
  }
  const refIds: Record<string, string | null> = {};
  for (const r of kind.refs) {
    const value = rec[r.api];
    if (value === null || value === undefined) {
      refIds[r.api] = null;
      continue;
    }
    const found =
      r.table === 'agencies'
        ? await lookup.agency(String(value))
        : r.table === 'mechanisms'
          ? await lookup.mechanism(String(value))
          : r.table === 'meetings'
            ? await lookup.meeting(String(value))
            : await lookup.agreement(String(value));
    if (!found) {
      const what = {
        agencies: 'an agency',
        mechanisms: 'a mechanism',
        meetings: 'a meeting',
        agreements: 'an agreement',
      }[r.table];
      errors.push({ field: r.api, message: `"${String(value)}" is not ${what} in the registry` });
    }
    refIds[r.api] = found?.id ?? null;
  }
  errors.push(...(await kind.check(rec, lookup, previous)));
  return { errors, refIds };
}

function columnValues(
  kind: RecordKind,
  rec: Rec,
  refIds: Record<string, string | null>,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  values.set('handling', rec.handling);
  values.set('handling_text', rec.handlingText ?? null);
  values.set('audience', JSON.stringify(rec.audience));
  values.set('onward_sharing', rec.onwardSharing);
  values.set('notes', rec.notes ?? null);
  values.set('source', rec.source ? JSON.stringify(rec.source) : null);
  values.set('demo', rec.demo === true);
  values.set('date_precision', JSON.stringify(rec.datePrecision ?? {}));
  if (kind.code) values.set('code', rec.code);
  if (kind.names) {
    const names = (rec.names ?? {}) as Record<string, string | null | undefined>;
    for (const l of NAME_LANGS) values.set(`name_${l}`, names[l] ?? null);
  }
  for (const c of kind.columns) {
    const v = rec[c.api] ?? null;
    values.set(c.column, c.type === 'json' && v !== null ? JSON.stringify(v) : v);
  }
  for (const r of kind.refs) values.set(r.column, refIds[r.api] ?? null);
  const names = (rec.names ?? {}) as Record<string, string | null>;
  values.set('search_key', searchKey([...NAME_LANGS.map((l) => names[l]), ...kind.searchTexts(rec)]));
  return values;
}

/** The full state of a new record from its input: defaults first, then what was given. */
export function initialState(kind: RecordKind, input: Rec): Rec {
  const rec: Rec = { ...DEFAULT_SHARING, notes: null, source: null, demo: false, datePrecision: {} };
  for (const c of kind.columns) rec[c.api] = c.default === undefined ? null : structuredClone(c.default);
  for (const r of kind.refs) rec[r.api] = null;
  return { ...rec, ...input };
}

async function publish(tx: Queryable, kind: RecordKind, rec: Rec, tombstone: boolean): Promise<void> {
  await publishChange(tx, {
    type: kind.type,
    id: String(rec.id),
    version: Number(rec.version),
    origin: String(rec.origin),
    handling: rec.handling as HandlingCode,
    handlingText: (rec.handlingText as string | null) ?? null,
    audience: rec.audience as Audience,
    onwardSharing: Boolean(rec.onwardSharing),
    recordDate: kind.recordDate(rec),
    payload: tombstone ? null : payloadOf(rec),
    tombstone: tombstone ? 'retracted' : null,
  });
}

function uniqueViolation(kind: RecordKind, error: unknown, rec: Rec): never {
  if (sqlErrorCode(error) === '23505' && kind.code) {
    throw conflict(`A ${kind.label} with code ${String(rec.code)} already exists.`, [
      { path: '/body/code', message: 'is already used' },
    ]);
  }
  throw error;
}

/** Creates a record inside a transaction the caller holds (import and demo data write many in one). */
export async function createIn(
  tx: Queryable,
  kind: RecordKind,
  input: Rec,
  writer: Writer,
  today = isoDay(),
): Promise<Rec> {
  let rec = initialState(kind, input);
  if (kind.beforeWrite) rec = kind.beforeWrite(rec, null, writer.actor, today);
  const { errors, refIds } = await checkRecord(kind, rec, dbLookup(tx), null);
  if (errors.length) throw new RecordInvalid(errors);
  const id = uuidv7();
  const values = columnValues(kind, rec, refIds);
  const columns = ['id', 'origin', 'version', ...values.keys()];
  const params = [id, writer.origin, 1, ...values.values()];
  try {
    await tx.query('savepoint registry_write');
    await tx.query(
      `insert into ${kind.table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      params,
    );
    await tx.query('release savepoint registry_write');
  } catch (error) {
    await tx.query('rollback to savepoint registry_write');
    uniqueViolation(kind, error, rec);
  }
  const saved = (await selectOne(tx, kind, 't.id = $1', id)) as Rec;
  await appendAudit(tx, {
    actor: writer.actor,
    action: `registry.${kind.name}.created`,
    target: `${kind.type}:${id}`,
  });
  await publish(tx, kind, saved, false);
  return saved;
}

function checkVersion(kind: RecordKind, current: Rec, expectedVersion: number | undefined): void {
  if (current.retractedAt)
    throw conflict(`The ${kind.label} ${String(current.id)} is retracted; it cannot change.`);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw conflict(
      `The ${kind.label} changed meanwhile: version ${String(current.version)}, not ${expectedVersion}. Reload it.`,
    );
  }
}

/** Replaces fields of a record (names are merged by language), inside the caller's transaction. */
export async function patchIn(
  tx: Queryable,
  kind: RecordKind,
  id: string,
  patch: Rec,
  writer: Writer,
  expectedVersion?: number,
  today = isoDay(),
): Promise<Rec> {
  const current = await selectOne(tx, kind, 't.id = $1', id, true);
  if (!current) throw notFound(`No ${kind.label} with id ${id}.`);
  checkVersion(kind, current, expectedVersion);
  let rec: Rec = { ...current, ...patch };
  if (kind.names && patch.names) rec.names = { ...(current.names as Rec), ...(patch.names as Rec) };
  if (kind.beforeWrite) rec = kind.beforeWrite(rec, current, writer.actor, today);
  const { errors, refIds } = await checkRecord(kind, rec, dbLookup(tx), current);
  if (errors.length) throw new RecordInvalid(errors);
  const values = columnValues(kind, rec, refIds);
  const sets = [...values.keys()].map((c, i) => `${c} = $${i + 2}`);
  try {
    await tx.query('savepoint registry_write');
    await tx.query(
      `update ${kind.table} set ${sets.join(', ')}, version = version + 1, updated_at = now() where id = $1`,
      [id, ...values.values()],
    );
    await tx.query('release savepoint registry_write');
  } catch (error) {
    await tx.query('rollback to savepoint registry_write');
    uniqueViolation(kind, error, rec);
  }
  const saved = (await selectOne(tx, kind, 't.id = $1', id)) as Rec;
  await appendAudit(tx, {
    actor: writer.actor,
    action: `registry.${kind.name}.updated`,
    target: `${kind.type}:${id}`,
    detail: { version: saved.version, fields: Object.keys(patch) },
  });
  await publish(tx, kind, saved, false);
  return saved;
}

/** Retracts a record: a tombstone version; other records that still refer to it stop the retraction. */
export async function retractIn(
  tx: Queryable,
  kind: RecordKind,
  id: string,
  writer: Writer,
  expectedVersion?: number,
): Promise<Rec> {
  const current = await selectOne(tx, kind, 't.id = $1', id, true);
  if (!current) throw notFound(`No ${kind.label} with id ${id}.`);
  checkVersion(kind, current, expectedVersion);
  for (const b of kind.blockers ?? []) {
    const { rows } = await tx.query<{ n: number }>(b.sql, [id]);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) throw conflict(`Cannot retract this ${kind.label}: ${n} ${b.message}. Retract them first.`);
  }
  await tx.query(
    `update ${kind.table} set retracted_at = now(), version = version + 1, updated_at = now() where id = $1`,
    [id],
  );
  const saved = (await selectOne(tx, kind, 't.id = $1', id)) as Rec;
  await appendAudit(tx, {
    actor: writer.actor,
    action: `registry.${kind.name}.retracted`,
    target: `${kind.type}:${id}`,
  });
  await publish(tx, kind, saved, true);
  return saved;
}

/** A RecordInvalid as a 400 problem whose field paths point into the request body. */
export function asProblem(kind: RecordKind, error: unknown): unknown {
  if (error instanceof RecordInvalid) {
    const fields = toFieldErrors(error.errors);
    return badRequest(
      `The ${kind.label} is not valid: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
      fields,
    );
  }
  return error;
}

async function inTransaction<T>(db: Db, kind: RecordKind, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (error) {
    throw asProblem(kind, error);
  }
}

export const createRecord = (db: Db, kind: RecordKind, input: Rec, writer: Writer) =>
  inTransaction(db, kind, (tx) => createIn(tx, kind, input, writer));
export const patchRecord = (
  db: Db,
  kind: RecordKind,
  id: string,
  patch: Rec,
  writer: Writer,
  expectedVersion?: number,
) => inTransaction(db, kind, (tx) => patchIn(tx, kind, id, patch, writer, expectedVersion));
export const retractRecord = (
  db: Db,
  kind: RecordKind,
  id: string,
  writer: Writer,
  expectedVersion?: number,
) => inTransaction(db, kind, (tx) => retractIn(tx, kind, id, writer, expectedVersion));
