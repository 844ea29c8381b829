import path from 'node:path';
import type { Config } from '../config.js';
import type { Db } from './db.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite in `<dataDir>/pgdata`. */
export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(path.join(config.dataDir, 'pgdata'));
}

export async function databaseVersion(db: Db): Promise<string> {
  const { rows } = await db.query<{ version: string }>('select version() as version');
  return rows[0]?.version ?? 'unknown';
}
