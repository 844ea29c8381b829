import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export class MigrationStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationStateError';
  }
}

export function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

interface AppliedRow {
  id: string;
  checksum: string;
}

/**
 * Compares what the database has applied with what this version knows (pure).
 * Returns the migrations still to apply, or throws when the database is in a state this version must not touch.
 */
export function planMigrations(known: readonly Migration[], applied: readonly AppliedRow[]): Migration[] {
  const knownById = new Map(known.map((m) => [m.id, m]));
  for (const row of applied) {
    const migration = knownById.get(row.id);
    if (!migration) {
      throw new MigrationStateError(
        `the database has migration "${row.id}" that this version of Liaison does not know; it was written by a newer version or another program. Upgrade Liaison or point it at another database.`,
      );
    }
    if (checksum(migration) !== row.checksum) {
      throw new MigrationStateError(
        `migration "${row.id}" in the database differs from the one in this version (checksum mismatch); migrations are forward-only and must not be edited once released.`,
      );
    }
  }
  const appliedIds = new Set(applied.map((r) => r.id));
  const pending = known.filter((m) => !appliedIds.has(m.id));
  const lastApplied = known.findLastIndex((m) => appliedIds.has(m.id));
  const firstPending = known.findIndex((m) => !appliedIds.has(m.id));
  if (firstPending !== -1 && firstPending < lastApplied) {
    throw new MigrationStateError(
      `migration "${known[firstPending]?.id}" is missing from the database although later ones are applied; the migration history is inconsistent.`,
    );
  }
  return pending;
}

const LEDGER = `create table if not exists schema_migrations (
  id text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
)`;

// Any fixed number, shared by every node process that might migrate the same PostgreSQL database at once.
const MIGRATION_LOCK = 4_716_001;

/** Applies pending migrations in one transaction: either all of them land or none. Returns their ids. */
export async function migrate(db: Db, known: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(LEDGER);
    const { rows } = await tx.query<AppliedRow>('select id, checksum from schema_migrations order by id');
    const pending = planMigrations(known, rows);
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id, checksum) values ($1, $2)', [
        migration.id,
        checksum(migration),
      ]);
    }
    return pending.map((m) => m.id);
  });
}

/** Migrations this version knows but the database has not applied (for `liaison doctor`). */
export async function pendingMigrations(db: Db, known: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const { rows } = await db.query<{ exists: boolean }>(
    "select to_regclass('schema_migrations') is not null as exists",
  );
  if (!rows[0]?.exists) return known.map((m) => m.id);
  const applied = await db.query<AppliedRow>('select id, checksum from schema_migrations order by id');
  return planMigrations(known, applied.rows).map((m) => m.id);
}
