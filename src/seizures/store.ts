import type { Queryable } from '../platform/db/db.js';
import type { Known } from './duplicates.js';
import type { Mapping } from './mapping.js';
import { PAYLOAD_SQL, SEIZURE_RECORD_TYPE } from './payload.js';

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

/** What the node already holds for the content hashes and likely keys of a batch. */
export async function loadKnown(
  tx: Queryable,
  table: 'seizures' | 'reported_totals',
  importId: string,
  hashes: string[],
  likelyKeys: string[],
): Promise<Known> {
  const known: Known = { records: new Map(), seenInImport: new Map(), originals: new Map() };
  const { rows } = await tx.query<{ content_hash: string; id: string; mine: boolean }>(
    `select content_hash, id, import_id = $1 as mine from ${table} where content_hash = any($2::text[])
     order by content_hash, content_ordinal`,
    [importId, hashes],
  );
  for (const r of rows) {
    const list = known.records.get(r.content_hash);
    if (list) list.push(r.id);
    else known.records.set(r.content_hash, [r.id]);
    if (r.mine) known.seenInImport.set(r.content_hash, (known.seenInImport.get(r.content_hash) ?? 0) + 1);
  }
  const already = await tx.query<{ content_hash: string; n: number }>(
    `select content_hash, count(*)::int as n from seizure_import_rows
     where import_id = $1 and outcome = 'already-imported' and content_hash = any($2::text[]) group by content_hash`,
    [importId, hashes],
  );
  for (const r of already.rows)
    known.seenInImport.set(r.content_hash, (known.seenInImport.get(r.content_hash) ?? 0) + Number(r.n));
  if (likelyKeys.length) {
    const originals = await tx.query<{ likely_key: string; id: string }>(
      `select distinct on (likely_key) likely_key, id from seizures
       where likely_key = any($1::text[]) and duplicate_of is null order by likely_key, created_at, id`,
      [likelyKeys],
    );
    for (const r of originals.rows) known.originals.set(r.likely_key, r.id);
  }
  return known;
}

/** Columns of a seizure row as the batch JSON carries them (snake_case, the column names) with their SQL types. */
export const SEIZURE_COLUMNS: [string, string][] = [
  ['id', 'uuid'],
  ['origin', 'text'],
  ['seizure_date', 'date'],
  ['country', 'text'],
  ['country_text', 'text'],
  ['admin_division', 'text'],
  ['place', 'text'],
  ['latitude', 'double precision'],
  ['longitude', 'double precision'],
  ['drug_code', 'text'],
  ['drug_text', 'text'],
  ['quantity', 'numeric'],
  ['quantity_text', 'text'],
  ['unit_code', 'text'],
  ['unit_text', 'text'],
  ['kg', 'double precision'],
  ['kg_table', 'text'],
  ['kg_note', 'text'],
  ['concealment', 'text'],
  ['installation', 'text'],
  ['transport_mode', 'text'],
  ['routing', 'text'],
  ['producing_countries', 'text[]'],
  ['departure_country', 'text'],
  ['transit_countries', 'text[]'],
  ['destination_country', 'text'],
  ['trafficker_nationalities', 'text[]'],
  ['route_reported', 'jsonb'],
  ['reporting_agency', 'text'],
  ['warnings', 'jsonb'],
  ['import_id', 'uuid'],
  ['source_file', 'text'],
  ['source_row', 'integer'],
  ['content_hash', 'text'],
  ['content_ordinal', 'integer'],
  ['likely_key', 'text'],
  ['duplicate_of', 'uuid'],
  ['duplicate_rule', 'text'],
];

const names = SEIZURE_COLUMNS.map(([n]) => n).join(', ');
// One array parameter per column (unnest): much cheaper for the server to read than a JSON document of rows.
const arrays = SEIZURE_COLUMNS.map(([, t], i) => `$${i + 1}::${t === 'text[]' ? 'text' : t}[]`).join(', ');
const selectList = SEIZURE_COLUMNS.map(([n, t]) => (t === 'text[]' ? `${n}::text[] as ${n}` : n)).join(', ');
const EMPTY_AUDIENCE = '{"agencies": [], "mechanisms": [], "taskForces": []}';

/**
 * One statement: the seizures, their outbox rows (version 1, handling H2, empty audience, record date = seizure
 * date, payload built from the same row) and the increments of the six rollups.
 */
const INSERT_SEIZURES = `
with r as materialized (select ${selectList} from unnest(${arrays}) as u(${names})),
ins as (insert into seizures (${names}) select ${names} from r),
chg as (
  insert into record_changes (record_type, record_id, version, origin, handling, handling_text, audience, onward_sharing, record_date, tombstone, payload)
  select '${SEIZURE_RECORD_TYPE}', id, 1, origin, 'H2', null, '${EMPTY_AUDIENCE}'::jsonb, false, seizure_date, null, ${PAYLOAD_SQL} from r),
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

/** A PostgreSQL array literal of text, for a text[] column passed inside an array parameter. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

function columnValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'text[]') return textArrayLiteral(value as string[]);
  if (type === 'jsonb') return JSON.stringify(value);
  return value;
}

/** Rows keyed by column name (SEIZURE_COLUMNS), written with their outbox rows and rollup increments. */
export async function insertSeizures(tx: Queryable, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const params = SEIZURE_COLUMNS.map(([name, type]) => rows.map((r) => columnValue(r[name], type)));
  await tx.query(INSERT_SEIZURES, params);
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
