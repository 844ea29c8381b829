import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Db, Queryable } from '../platform/db/db.js';
import { referenceData } from './content/index.js';
import type { ConversionTable, ReferenceData } from './model.js';
import { type TableRows, tableRows } from './rows.js';

// Bump when the way rows are written changes, so every node reloads once even though the data did not change.
const LOAD_FORMAT = 'reference-load-1';
// Any fixed number, shared by node processes that start at once against one PostgreSQL database.
const REFERENCE_LOCK = 4_716_002;

export class ReferenceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceDataError';
  }
}

const sha256 = (value: unknown) =>
  createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');

export function contentHash(data: ReferenceData): string {
  return sha256({ format: LOAD_FORMAT, data });
}

/** The hash of what a conversion table version says (not whether it is current): once published it must not change. */
export function conversionTableHash(data: ReferenceData, version: string): string {
  const { isCurrent: _, ...table } = data.conversionTables.find((t) => t.version === version)!;
  const rows = data.unitConversions.filter((r) => r.tableVersion === version);
  const parameters = data.conversionParameters.filter((p) => p.tableVersion === version);
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => order(`${a.unitCode} ${a.drugCode}`, `${b.unitCode} ${b.drugCode}`));
  parameters.sort((a, b) => order(a.name, b.name));
  return sha256({ table, rows, parameters });
}

function recordset(spec: TableRows, columns = spec.columns): string {
  return `jsonb_to_recordset($1::jsonb) as r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`;
}

/** One multi-row upsert per table: the whole table is one parameter, however many rows it has. */
async function upsert(tx: Queryable, spec: TableRows): Promise<void> {
  const names = spec.columns.map(([name]) => name);
  const updates = names
    .filter((name) => !spec.key.includes(name))
    .map((name) => `${name} = excluded.${name}`);
  await tx.query(
    `insert into ${spec.table} (${names.join(', ')}) select ${names.join(', ')} from ${recordset(spec)}
     on conflict (${spec.key.join(', ')}) do update set ${updates.join(', ')}`,
    [JSON.stringify(spec.rows)],
  );
}

/** Removes rows the data no longer has (an alias that was wrong); a row still referenced elsewhere makes this fail. */
async function deleteStale(tx: Queryable, spec: TableRows): Promise<void> {
  const keyColumns = spec.columns.filter(([name]) => spec.key.includes(name));
  const match = spec.key.map((k) => `r.${k} = t.${k}`).join(' and ');
  await tx.query(
    `delete from ${spec.table} t where not exists (select 1 from ${recordset(spec, keyColumns)} where ${match})`,
    [JSON.stringify(spec.rows)],
  );
}

async function checkPublishedTables(tx: Queryable, data: ReferenceData): Promise<ConversionTable[]> {
  const { rows } = await tx.query<{ version: string; content_hash: string | null }>(
    'select version, content_hash from conversion_tables',
  );
  const stored = new Map(rows.map((r) => [r.version, r.content_hash]));
  for (const table of data.conversionTables) {
    const was = stored.get(table.version);
    if (was !== undefined && was !== conversionTableHash(data, table.version)) {
      throw new ReferenceDataError(
        `conversion table ${table.version} is already published and its content changed in this version of Liaison. ` +
          'A published table must never change (seizures were converted with it): restore it, and publish the ' +
          'correction as a new version in src/reference/content/conversions.ts.',
      );
    }
  }
  return data.conversionTables.filter((t) => !stored.has(t.version));
}

async function writeConversionTables(
  tx: Queryable,
  data: ReferenceData,
  fresh: ConversionTable[],
): Promise<void> {
  const current = data.conversionTables.filter((t) => t.isCurrent);
  if (current.length !== 1) throw new ReferenceDataError('exactly one conversion table must be current');
  await tx.query('update conversion_tables set is_current = false where is_current and version <> $1', [
    current[0]!.version,
  ]);
  for (const table of fresh) {
    await tx.query(
      `insert into conversion_tables (version, name, description, published_on, is_current, content_hash)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        table.version,
        table.name,
        table.description,
        table.publishedOn,
        table.isCurrent,
        conversionTableHash(data, table.version),
      ],
    );
    const rows = data.unitConversions.filter((r) => r.tableVersion === table.version);
    await tx.query(
      `insert into unit_conversions (table_version, unit_code, drug_code, kg_equivalent, basis)
       select $2, unit_code, drug_code, kg_equivalent, basis
       from jsonb_to_recordset($1::jsonb) as r(unit_code text, drug_code text, kg_equivalent numeric, basis text)`,
      [
        JSON.stringify(
          rows.map((r) => ({
            unit_code: r.unitCode,
            drug_code: r.drugCode,
            kg_equivalent: r.kgEquivalent,
            basis: r.basis,
          })),
        ),
        table.version,
      ],
    );
    const parameters = data.conversionParameters.filter((p) => p.tableVersion === table.version);
    await tx.query(
      `insert into conversion_parameters (table_version, name, value, basis)
       select $2, name, value, basis from jsonb_to_recordset($1::jsonb) as r(name text, value numeric, basis text)`,
      [JSON.stringify(parameters), table.version],
    );
  }
  await tx.query('update conversion_tables set is_current = true where version = $1 and not is_current', [
    current[0]!.version,
  ]);
}

async function storedHash(db: Queryable): Promise<string | undefined> {
  const { rows } = await db.query<{ content_hash: string }>('select content_hash from reference_data_state');
  return rows[0]?.content_hash;
}

/**
 * Brings the reference tables in line with the data this version ships. Called on every start: when the stored
 * content hash matches, it does nothing and returns false; otherwise it writes everything in one transaction
 * (one statement per table) and returns true. Refuses to change a published conversion table.
 */
export async function loadReferenceData(db: Db, data: ReferenceData = referenceData()): Promise<boolean> {
  const hash = contentHash(data);
  if ((await storedHash(db)) === hash) return false;
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [REFERENCE_LOCK]);
    if ((await storedHash(tx)) === hash) return false;
    const fresh = await checkPublishedTables(tx, data);
    const tables = tableRows(data);
    for (const spec of tables) await upsert(tx, spec);
    for (const spec of [...tables].reverse()) await deleteStale(tx, spec);
    await writeConversionTables(tx, data, fresh);
    await tx.query(
      `insert into reference_data_state (singleton, content_hash, loaded_at) values (true, $1, now())
       on conflict (singleton) do update set content_hash = excluded.content_hash, loaded_at = excluded.loaded_at`,
      [hash],
    );
    return true;
  });
}
