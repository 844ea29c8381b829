import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/db.js';
import { openPglite } from '../../src/platform/db/pglite.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import { createTestDb, type TestDb } from '../support/db.js';

const ENTRY = path.resolve(import.meta.dirname, '../../src/cli/entry.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One real `liaison` process on this test's data folder and database. */
function liaison(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

function startServe(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  port: Promise<number>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      output += d;
      const match = /"url":"http:\/\/localhost:(\d+)"/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, output: () => output, port };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });
}

let dataDir: string;
let testDb: TestDb | undefined;
let env: Record<string, string>;

/** Direct access to the node's database while no node process holds it (PGlite allows one process). */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = testDb?.url
    ? await openPostgres(testDb.url, { max: 1 })
    : await openPglite(path.join(dataDir, 'pgdata'));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-cli-'));
  env = { LIAISON_DATA_DIR: dataDir, LIAISON_AGENCY_CODE: 'MM-CCDAC', LIAISON_AGENCY_NAME: 'Test bureau' };
  if (process.env.DATABASE_URL) {
    testDb = await createTestDb();
    await testDb.db.close();
    env.DATABASE_URL = testDb.url as string;
  }
});

afterAll(async () => {
  if (testDb) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(
      `drop database if exists ${new URL(testDb.url as string).pathname.slice(1)} with (force)`,
    );
    await client.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('liaison serve', () => {
  it('starts a node that prints its one-time admin password once and serves health, OpenAPI and sign-in', async () => {
    const node = startServe(env);
    try {
      const port = await node.port;
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { openapi: string };
      expect(doc.openapi).toBe('3.1.0');
      const password = /one-time password: (\S+)/.exec(node.output())?.[1];
      expect(password).toBeDefined();
      expect(node.output()).not.toContain('PRIVATE KEY');
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const me = (await login.json()) as { user: { passwordChangeRequired: boolean } };
      expect(me.user.passwordChangeRequired).toBe(true);
      if (!testDb) {
        const second = await liaison(['user', 'list'], env);
        expect(second.code).toBe(2);
        expect(second.stderr).toMatch(/another Liaison process \(pid \d+\) is using the embedded database/);
      }
    } finally {
      await stop(node.child);
    }
    const again = startServe(env);
    try {
      await again.port;
      expect(again.output()).not.toContain('one-time password');
    } finally {
      await stop(again.child);
    }
  });

  it('refuses to start with a bad configuration value, naming the variable', async () => {
    const run = await liaison(['serve'], { ...env, PORT: 'eighty' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('configuration error: PORT: must be a whole number, got "eighty"');
  });

  it('refuses to start on an unreachable DATABASE_URL with a message that hides the password', async () => {
    const run = await liaison(['serve'], {
      ...env,
      DATABASE_URL: 'postgres://liaison:s3cret@127.0.0.1:1/nowhere',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'cannot connect to PostgreSQL at DATABASE_URL=postgres://liaison:***@127.0.0.1:1/nowhere',
    );
    expect(run.stderr).not.toContain('s3cret');
  });
});

describe('liaison user, token and audit commands', () => {
  it('adds, lists and disables users, and creates and revokes tokens', async () => {
    const add = await liaison(
      ['user', 'add', 'somchai', '--role', 'liaison_officer', '--password-stdin'],
      env,
      'a long enough password 1\n',
    );
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('created somchai (liaison_officer)');
    const generated = await liaison(['user', 'add', 'aung', '--role', 'viewer'], env);
    expect(generated.stdout).toMatch(/one-time password: \S{20}/);
    const dup = await liaison(['user', 'add', 'SOMCHAI', '--role', 'viewer'], env);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('A user named "SOMCHAI" already exists');
    const badRole = await liaison(['user', 'add', 'x1', '--role', 'chief'], env);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('chief');
    const list = JSON.parse((await liaison(['user', 'list', '--json'], env)).stdout) as {
      username: string;
    }[];
    expect(list.map((u) => u.username).sort()).toEqual(['admin', 'aung', 'somchai']);
    const token = await liaison(
      ['token', 'create', '--user', 'somchai', '--name', 'nightly', '--scope', 'registry:read'],
      env,
    );
    expect(token.stdout).toMatch(/^lia_[0-9a-f]{32}_\S{43}$/m);
    const tokenId = /token (\S+) for somchai/.exec(token.stdout)?.[1] as string;
    expect((await liaison(['token', 'revoke', tokenId], env)).stdout).toContain(`revoked ${tokenId}`);
    const disable = await liaison(['user', 'disable', 'aung'], env);
    expect(disable.stdout).toContain('disabled aung');
  });

  it('audit verify passes on an intact log and fails after an entry is edited by hand', async () => {
    const ok = await liaison(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit log intact: \d+ entries/);
    await withDb((db) => db.query("update audit_log set actor = 'someone-else' where seq = 2"));
    const broken = await liaison(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('entry 2: its content does not match its hash (the entry was edited)');
  });

  it('refuses to start on a database migrated by a newer version', async () => {
    await withDb((db) =>
      db.query("insert into schema_migrations (id, checksum) values ('9999_future', 'x')"),
    );
    const run = await liaison(['serve'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'the database has migration "9999_future" that this version of Liaison does not know',
    );
    const doctor = await liaison(['doctor'], env);
    expect(doctor.code).toBe(1);
  });

  it('prints help for every command', async () => {
    for (const command of [
      [],
      ['serve'],
      ['migrate'],
      ['user', 'add'],
      ['user', 'list'],
      ['user', 'disable'],
      ['token', 'create'],
      ['token', 'revoke'],
      ['audit', 'verify'],
      ['doctor'],
    ]) {
      const run = await liaison([...command, '--help'], env);
      expect(run.code, command.join(' ')).toBe(0);
      expect(run.stdout).toContain('Usage: liaison');
    }
  });
});
