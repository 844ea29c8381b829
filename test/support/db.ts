import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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

// Initialising a PGlite cluster (initdb) takes seconds; loading a dump of an empty one a fraction of that. The dump
// is kept in the temporary folder, one per PGlite version, and shared by test processes.
let cluster: Blob | undefined;

function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

async function emptyCluster(): Promise<Blob> {
  if (cluster) return cluster;
  const file = path.join(tmpdir(), `liaison-test-pglite-${pgliteVersion()}.tar`);
  if (!existsSync(file)) {
    const fresh = new PGlite();
    // Without this the dump can wait forever on a cluster that is still starting (a cold cache, e.g. a new machine).
    await fresh.waitReady;
    const dump = await fresh.dumpDataDir('none');
    await fresh.close();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file); // atomic: another test process sees the whole file or none
  }
  cluster = new Blob([readFileSync(file)]);
  return cluster;
}

/**
 * A fresh, empty database for one test file: in-memory PGlite by default, or a new database on the PostgreSQL
 * server of DATABASE_URL, dropped again by cleanup(), so no run depends on what an earlier one left.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite(undefined, { loadDataDir: await emptyCluster() });
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

/**
 * Empties a test database (drops every schema and what is in it, then makes an empty public schema), much faster
 * than opening a new one: an in-memory PGlite takes seconds to start, a reset milliseconds.
 */
export async function resetTestDb(db: Db): Promise<void> {
  await db.exec(`
    do $$
    declare s text;
    begin
      for s in select nspname from pg_namespace where nspname !~ '^pg_' and nspname <> 'information_schema' loop
        execute format('drop schema %I cascade', s);
      end loop;
    end $$;
    create schema public;`);
}
