import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/db.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { IMPORT_BATCH_ROWS } from '../../src/seizures/importer.js';
import { createTestDb, type TestDb } from '../support/db.js';
import {
  counts,
  HAVE_DATA,
  idsSlice,
  importFile,
  removeDir,
  seizureDb,
  snapshot,
  tempDir,
} from './support.js';

const ENTRY = path.resolve(import.meta.dirname, '../../src/cli/entry.ts');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `liaison import seizures FILE`, killed with SIGKILL after `killAfterBatches` committed batches if given. */
function liaisonImport(file: string, env: Record<string, string>, killAfterBatches?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', ENTRY, 'import', 'seizures', file, '--json', '--progress', 'lines'],
      {
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (killAfterBatches !== undefined && (stderr.match(/^progress /gm)?.length ?? 0) >= killAfterBatches)
        child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe.skipIf(!HAVE_DATA)('an import killed mid-way', () => {
  let dir: string;
  let file: string;
  let nodeDb: TestDb | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = tempDir();
    file = path.join(dir, 'slice.csv');
    await idsSlice(file, 20_000);
    env = { LIAISON_DATA_DIR: path.join(dir, 'node'), LIAISON_AGENCY_CODE: 'TEST-NNCB' };
    if (process.env.DATABASE_URL) {
      nodeDb = await createTestDb();
      env.DATABASE_URL = nodeDb.url!;
    }
  }, 120_000);
  afterAll(async () => {
    await nodeDb?.cleanup();
    removeDir(dir);
  });

  async function withNodeDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = nodeDb?.url
      ? await openPostgres(nodeDb.url, { max: 1 })
      : await openPglite(path.join(dir, 'node', 'pgdata'));
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  it('resumes after the last committed batch and ends equal to one clean import', async () => {
    const killed = await liaisonImport(file, env, 1);
    expect(killed.signal).toBe('SIGKILL');
    const cursor = await withNodeDb(
      async (db) =>
        (
          await db.query<{ rows_read: number; status: string }>(
            'select rows_read, status from seizure_imports',
          )
        ).rows,
    );
    expect(cursor).toHaveLength(1);
    expect(cursor[0]!.status).toBe('running');
    expect(cursor[0]!.rows_read % IMPORT_BATCH_ROWS).toBe(0);
    expect(cursor[0]!.rows_read).toBeGreaterThanOrEqual(IMPORT_BATCH_ROWS);
    expect(cursor[0]!.rows_read).toBeLessThan(19_999);

    const resumed = await liaisonImport(file, env);
    expect(resumed.code).toBe(0);
    const report = JSON.parse(resumed.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      status: 'done',
      resumed: true,
      rowsRead: 19_999,
      accepted: 17_809,
      duplicates: 2_188,
      rejected: 2,
      alreadyImported: 0,
    });

    const afterCrash = await withNodeDb((db) => snapshot(db));
    const clean = await seizureDb();
    try {
      const imp = await importFile(clean.db, file);
      expect(counts(imp)).toEqual({
        rowsRead: 19_999,
        accepted: 17_809,
        duplicates: 2_188,
        rejected: 2,
        alreadyImported: 0,
      });
      expect(afterCrash).toEqual(await snapshot(clean.db));
    } finally {
      await clean.cleanup();
    }
  }, 600_000);
});
