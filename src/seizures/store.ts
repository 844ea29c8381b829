import type { Queryable } from '../platform/db/db.js';
import {
  type RowDecision,
  SEIZURE_COLUMN_NAMES,
  SEIZURE_SELECT,
  SEIZURE_UNNEST,
  type SeizureLayout,
  seizureParameters,
} from './batch.js';
import type { Known } from './duplicates.js';
import type { Mapping } from './mapping.js';
import { SEIZURE_RECORD_TYPE } from './payload.js';

// Writes of seizures, reported totals and import state. A batch is one multi-row statement per table, with the
// outbox rows and rollup increments in the same statement, inside the caller's transaction.

/** Serialises batches of concurrent imports, so two of them never hand out the same fingerprint ordinal. */
export const SEIZURE_WRITE_LOCK = 4_716_005;

export interface ImportRow {
  id: string;
  kind: 'seizures' | 'totals';
  file_name: string;
  file_path: string;
  file_hash: string;
  file_size: number;
  layout: string | null;
  mapping_name: string | null;
  mapping: Mapping | null;
  status: 'uploaded' | 'running' | 'done' | 'failed';
  rows_read: number;
  bytes_read: number;
  bytes_total: number | null;
  accepted: number;
  duplicates: number;
  rejected: number;
  already_imported: number;
  warnings: number;
  error: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

export async function getImport(db: Queryable, id: string): Promise<ImportRow | undefined> {
  const { rows } = await db.query<ImportRow>('select * from seizure_imports where id = $1', [id]);
  return rows[0];
}

export interface NewImport {
  id: string;
  kind: 'seizures' | 'totals';
  fileName: string;
  filePath: string;
  fileHash: string;
  fileSize: number;
  layout: string | null;
  mappingName: string | null;
  mapping: Mapping | null;
  createdBy: string;
}

export async function createImport(db: Queryable, i: NewImport): Promise<ImportRow> {
  const { rows } = await db.query<ImportRow>(
    `insert into seizure_imports (id, kind, file_name, file_path, file_hash, file_size, layout, mapping_name, mapping, status, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'uploaded', $10) returning *`,
    [
      i.id,
      i.kind,
      i.fileName,
      i.filePath,
      i.fileHash,
      i.fileSize,
      i.layout,
      i.mappingName,
      i.mapping && JSON.stringify(i.mapping),
      i.createdBy,
    ],
  );
  return rows[0]!;
}

/** An import of the same file with the same mapping that was interrupted: the CLI resumes it instead of starting anew. */
export async function findResumable(
  db: Queryable,
  fileHash: string,
  mapping: Mapping,
): Promise<ImportRow | undefined> {
  const { rows } = await db.query<ImportRow>(
    `select * from seizure_imports where file_hash = $1 and status = 'running' and mapping = $2::jsonb
     order by created_at desc limit 1`,
    [fileHash, JSON.stringify(mapping)],
  );
  return rows[0];
}

/**
 * What the node already holds for the content hashes and likely keys of a batch, in one statement. Every key is
 * looked up through its index (a lateral probe per key): written as `= any($array)`, the planner seq-scans a table
 * that has no fresh statistics yet (the very table this import is filling), and each batch then read the whole of
 * it (81 ms at 55,000 rows, growing with every batch). `offset 0` keeps the planner from turning the probes back
 * into one join over the whole table (a merge join that sorted all of it: 340 ms a batch at 85,000 rows).
 */
export async function loadKnown(
  tx: Queryable,
  table: 'seizures' | 'reported_totals',
  importId: string,
  hashes: string[],
  likelyKeys: string[],
  /** False when the import has no already-imported rows yet (its counts say so): that probe is then skipped. */
  probeAlreadyImported = true,
): Promise<Known> {
  const known: Known = { records: new Map(), seenInImport: new Map(), originals: new Map() };
  const { rows } = await tx.query<{
    k: 'r' | 'a' | 'o';
    key: string;
    id: string | null;
    mine: boolean;
    n: number;
  }>(
    `select 'r' as k, h.key, t.id, t.import_id is not distinct from $1::uuid as mine, t.content_ordinal as n
       from unnest($2::text[]) as h(key)
       cross join lateral (select id, import_id, content_ordinal from ${table} t where t.content_hash = h.key offset 0) t
     union all
     select 'a', h.key, null, false, a.n
       from unnest($4::text[]) as h(key)
       cross join lateral (select count(*)::int as n from seizure_import_rows r
                           where r.import_id = $1::uuid and r.content_hash = h.key and r.outcome = 'already-imported'
                           offset 0) a
      where a.n > 0
     union all
     select 'o', l.key, o.id, false, 0
       from unnest($3::text[]) as l(key)
       cross join lateral (select id from seizures t where t.likely_key = l.key and t.duplicate_of is null
                           order by t.created_at, t.id limit 1) o`,
    [importId, hashes, likelyKeys, probeAlreadyImported ? hashes : []],
  );
  const ordinals = new Map<string, number>();
  for (const r of rows) {
    if (r.k === 'o') known.originals.set(r.key, r.id!);
    else if (r.k === 'a') known.seenInImport.set(r.key, (known.seenInImport.get(r.key) ?? 0) + r.n);
    else {
      ordinals.set(r.id!, r.n);
      const list = known.records.get(r.key);
      if (list) list.push(r.id!);
      else known.records.set(r.key, [r.id!]);
      if (r.mine) known.seenInImport.set(r.key, (known.seenInImport.get(r.key) ?? 0) + 1);
    }
  }
  // Records with the same content in ordinal order (ordinal 1 first).
  for (const list of known.records.values())
    if (list.length > 1) list.sort((a, b) => ordinals.get(a)! - ordinals.get(b)!);
  return known;
}

const EMPTY_AUDIENCE = '{"agencies": [], "mechanisms": [], "taskForces": []}';

/**
 * One statement: the seizures, their outbox rows (version 1, handling H2, empty audience, record date = seizure
 * date, no payload: the outbox reads it from the seizures row, see migration 0009) and the increments of the six
 * rollups.
 */
const INSERT_SEIZURES = `
with r as materialized (select ${SEIZURE_SELECT} from ${SEIZURE_UNNEST} where keep),
ins as (insert into seizures (${SEIZURE_COLUMN_NAMES}) select ${SEIZURE_COLUMN_NAMES} from r),
chg as (
  insert into record_changes (record_type, record_id, version, origin, handling, handling_text, audience, onward_sharing, record_date, tombstone, payload)
  select '${SEIZURE_RECORD_TYPE}', id, 1, origin, 'H2', null, '${EMPTY_AUDIENCE}'::jsonb, false, seizure_date, null, null from r),
monthly as (
  insert into seizure_rollups as t (country, drug_code, month, duplicate, kg, n, n_kg)
  select country, drug_code, date_trunc('month', seizure_date)::date, duplicate_of is not null, coalesce(sum(kg), 0), count(*), count(kg)
  from r group by 1, 2, 3, 4
  on conflict (country, drug_code, month, duplicate) do update set kg = t.kg + excluded.kg, n = t.n + excluded.n, n_kg = t.n_kg + excluded.n_kg),
yearly as (
  insert into seizure_yearly_rollups as t (country, drug_code, year, duplicate, kg, n, n_kg)
  select country, drug_code, extract(year from seizure_date)::int, duplicate_of is not null, coalesce(sum(kg), 0), count(*), count(kg)
  from r group by 1, 2, 3, 4
  on conflict (country, drug_code, year, duplicate) do update set kg = t.kg + excluded.kg, n = t.n + excluded.n, n_kg = t.n_kg + excluded.n_kg),
drug_monthly as (
  insert into seizure_drug_monthly_rollups as t (drug_code, month, duplicate, kg, n, n_kg)
  select drug_code, date_trunc('month', seizure_date)::date, duplicate_of is not null, coalesce(sum(kg), 0), count(*), count(kg)
  from r group by 1, 2, 3
  on conflict (month, drug_code, duplicate) do update set kg = t.kg + excluded.kg, n = t.n + excluded.n, n_kg = t.n_kg + excluded.n_kg),
daily as (
  insert into seizure_daily_rollups as t (country, drug_code, day, duplicate, kg, n, n_kg)
  select country, drug_code, seizure_date, duplicate_of is not null, coalesce(sum(kg), 0), count(*), count(kg)
  from r group by 1, 2, 3, 4
  on conflict (country, day, drug_code, duplicate) do update set kg = t.kg + excluded.kg, n = t.n + excluded.n, n_kg = t.n_kg + excluded.n_kg),
routes as (
  insert into seizure_route_rollups as t (departure, destination, drug_code, month, duplicate, kg, n)
  select departure_country, destination_country, drug_code, date_trunc('month', seizure_date)::date, duplicate_of is not null, coalesce(sum(kg), 0), count(*)
  from r where departure_country is not null and destination_country is not null group by 1, 2, 3, 4, 5
  on conflict (departure, destination, drug_code, month, duplicate) do update set kg = t.kg + excluded.kg, n = t.n + excluded.n),
route_years as (
  insert into seizure_route_yearly_rollups as t (departure, destination, drug_code, year, duplicate, kg, n)
  select departure_country, destination_country, drug_code, extract(year from seizure_date)::int, duplicate_of is not null, coalesce(sum(kg), 0), count(*)
  from r where departure_country is not null and destination_country is not null group by 1, 2, 3, 4, 5
  on conflict (departure, destination, drug_code, year, duplicate) do update set kg = t.kg + excluded.kg, n = t.n + excluded.n)
select count(*)::int as n from r`;

/**
 * A batch of seizures (laid out before the transaction, closed with the duplicate decisions) written with their
 * outbox rows and rollup increments. Rows decided `keep: false` are sent but not written.
 */
export async function insertSeizures(
  tx: Queryable,
  layout: SeizureLayout,
  decisions: readonly RowDecision[],
): Promise<void> {
  if (!decisions.some((d) => d.keep)) return;
  await tx.query(INSERT_SEIZURES, seizureParameters(layout, decisions));
}

export const TOTAL_COLUMNS: [string, string][] = [
  ['id', 'uuid'],
  ['country', 'text'],
  ['country_text', 'text'],
  ['drug_code', 'text'],
  ['drug_text', 'text'],
  ['year', 'integer'],
  ['quantity', 'numeric'],
  ['quantity_text', 'text'],
  ['unit_code', 'text'],
  ['kg', 'double precision'],
  ['kg_table', 'text'],
  ['kg_note', 'text'],
  ['source', 'text'],
  ['import_id', 'uuid'],
  ['source_row', 'integer'],
  ['content_hash', 'text'],
  ['content_ordinal', 'integer'],
  ['duplicate_of', 'uuid'],
  ['duplicate_rule', 'text'],
];

export async function insertTotals(tx: Queryable, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const cols = TOTAL_COLUMNS.map(([n]) => n).join(', ');
  await tx.query(
    `insert into reported_totals (${cols}) select ${cols} from jsonb_to_recordset($1::jsonb) as r(${TOTAL_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`,
    [JSON.stringify(rows)],
  );
}

export interface ImportRowOutcome {
  row_no: number;
  outcome: 'rejected' | 'already-imported';
  field: string | null;
  reason: string | null;
  content_hash: string | null;
  record_id: string | null;
}

export async function insertImportRows(
  tx: Queryable,
  importId: string,
  rows: ImportRowOutcome[],
): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `insert into seizure_import_rows (import_id, row_no, outcome, field, reason, content_hash, record_id)
     select $2, row_no, outcome, field, reason, content_hash, record_id
     from jsonb_to_recordset($1::jsonb) as r(row_no integer, outcome text, field text, reason text, content_hash text, record_id uuid)`,
    [JSON.stringify(rows), importId],
  );
}

export interface Counts {
  accepted: number;
  duplicates: number;
  rejected: number;
  alreadyImported: number;
  warnings: number;
}

/**
 * Moves the resume cursor from `from` to `to` rows and adds the batch's counts. Returns false when the cursor was
 * not at `from` (another worker moved it): the caller must roll back.
 */
export async function advanceCursor(
  tx: Queryable,
  importId: string,
  from: number,
  to: number,
  bytesRead: number,
  c: Counts,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update seizure_imports set rows_read = $3, bytes_read = $4, accepted = accepted + $5, duplicates = duplicates + $6,
       rejected = rejected + $7, already_imported = already_imported + $8, warnings = warnings + $9, updated_at = now()
     where id = $1 and rows_read = $2 and status = 'running'`,
    [importId, from, to, bytesRead, c.accepted, c.duplicates, c.rejected, c.alreadyImported, c.warnings],
  );
  return rowCount === 1;
}

export async function setImportState(
  db: Queryable,
  id: string,
  state: {
    status: ImportRow['status'];
    error?: string | null;
    bytesTotal?: number;
    mapping?: Mapping;
    layout?: string | null;
  },
): Promise<void> {
  await db.query(
    `update seizure_imports set status = $2, error = $3, bytes_total = coalesce($4, bytes_total),
       mapping = coalesce($5::jsonb, mapping), layout = coalesce($6, layout), kind = coalesce($7, kind), updated_at = now(),
       started_at = case when $2 = 'running' then coalesce(started_at, now()) else started_at end,
       finished_at = case when $2 in ('done', 'failed') then now() else finished_at end
     where id = $1`,
    [
      id,
      state.status,
      state.error ?? null,
      state.bytesTotal ?? null,
      state.mapping ? JSON.stringify(state.mapping) : null,
      state.layout ?? null,
      state.mapping?.kind ?? null,
    ],
  );
}
