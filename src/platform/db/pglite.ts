import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db.js';
import { lockDataDir } from './lock.js';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    engine: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL in a folder (or in memory when `dataDir` is undefined, for tests). `options` go to PGlite,
 * e.g. `loadDataDir` to start from a dump rather than initialise a new cluster.
 */
export async function openPglite(
  dataDir: string | undefined,
  options: Omit<PGliteOptions, 'dataDir'> = {},
): Promise<Db> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`));
  }
  const pg = new PGlite(dataDir, options);
  try {
    await pg.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const base = wrap(pg);
  return {
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
