import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/platform/db/db.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';

export interface TestDb {
  db: Db;
  /** Connection string of the test database (PostgreSQL only). */
  url: string | undefined;
  cleanup(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: in-memory PGlite by default, or a new database on the PostgreSQL
 * server of DATABASE_URL, dropped again by cleanup(), so no run depends on what an earlier one left.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite(undefined);
    return { db, url: undefined, cleanup: () => db.close() };
  }
  const name = `liaison_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 4 });
  return {
    db,
    url: url.toString(),
    async cleanup() {
      await db.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
