import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { signerFromPem } from '../../src/federation/crypto.js';
import { encryptionKeyFile } from '../../src/federation/local-keys.js';
import { keyFilePath } from '../../src/platform/identity/identity.js';

// Real Liaison nodes on loopback for the multi-node federation tests and the benchmark: each a separate
// `liaison serve` process with its own data folder and database (PGlite, or a fresh PostgreSQL database).

const ENTRY = path.resolve(import.meta.dirname, '../../src/cli/entry.ts');
export const ADMIN_PASSWORD = 'correct horse battery staple 7';
export const OFFICER_PASSWORD = 'a long enough passphrase 42';
/** The PostgreSQL server the PostgreSQL nodes use: DATABASE_URL's, else the local one CI provides. */
export const PG_SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface NodeOptions {
  postgres?: boolean;
  port?: number;
  env?: Record<string, string>;
  /** Start with these private keys (PEM) in the keys folder: the same agency on another machine. */
  keys?: { agency: string; encryption: string };
}

export interface Node {
  agency: string;
  dataDir: string;
  env: Record<string, string>;
  port: number;
  base: string;
  databaseUrl: string | undefined;
  admin: string;
  officer: string;
  child: ChildProcess;
  output(): string;
}

async function createDatabase(): Promise<string> {
  const name = `liaison_fed_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  databases.add(url.toString());
  return url.toString();
}

export async function dropDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  await client.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await client.end();
  databases.delete(url);
}

/** Every node process and database this test process started, so that nothing outlives it even after a failure. */
const children = new Set<ChildProcess>();
const databases = new Set<string>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Stops every node still running and drops every database still there (for afterAll, whatever happened before). */
export async function removeAll(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('close', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const url of databases) await dropDatabase(url).catch(() => undefined);
}

function spawnServe(env: Record<string, string>): {
  child: ChildProcess;
  port: Promise<number>;
  output: () => string;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('close', () => children.delete(child));
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-200_000);
  };
  const port = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      keep(d);
      const match = /"url":"http:\/\/localhost:(\d+)"/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.on('data', keep);
    child.on('close', (code) =>
      reject(new Error(`${env.LIAISON_AGENCY_CODE} exited with ${code}: ${output.slice(-3000)}`)),
    );
  });
  return { child, port, output: () => output };
}

export async function api<T = unknown>(
  node: { base: string },
  method: string,
  url: string,
  credential?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${node.base}${url}`, {
    method,
    headers: {
      ...(credential ? { cookie: credential } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Like api(), but throws unless the status is the expected one. */
export async function ok<T = unknown>(
  node: { base: string; agency?: string },
  method: string,
  url: string,
  credential?: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const res = await api<T>(node, method, url, credential, body);
  if (res.status !== status)
    throw new Error(
      `${node.agency ?? node.base} ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  return res.body;
}

async function login(node: { base: string }, username: string, password: string): Promise<string> {
  const res = await fetch(`${node.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('liaison_session='));
  return (cookie as string).split(';')[0] as string;
}

export async function startNode(agency: string, options: NodeOptions = {}): Promise<Node> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `liaison-fed-${agency}-`));
  if (options.keys) {
    mkdirSync(path.join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    writeFileSync(keyFilePath(dataDir), options.keys.agency, { mode: 0o600 });
    writeFileSync(encryptionKeyFile(dataDir), options.keys.encryption, { mode: 0o600 });
  }
  const databaseUrl = options.postgres ? await createDatabase() : undefined;
  const env: Record<string, string> = {
    LIAISON_DATA_DIR: dataDir,
    LIAISON_AGENCY_CODE: agency,
    LIAISON_AGENCY_NAME: `${agency} narcotics bureau`,
    LIAISON_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LIAISON_DEMO_DATA: 'false',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(options.port ?? 0),
    DATABASE_URL: databaseUrl ?? '',
    ...options.env,
  };
  const node = { agency, dataDir, env, databaseUrl } as Node;
  await launch(node);
  const admin = await login(node, 'admin', ADMIN_PASSWORD);
  await ok(
    node,
    'POST',
    '/api/v1/users',
    admin,
    {
      username: 'officer',
      role: 'liaison_officer',
      password: OFFICER_PASSWORD,
      passwordChangeRequired: false,
    },
    201,
  );
  node.admin = admin;
  node.officer = await login(node, 'officer', OFFICER_PASSWORD);
  await ok(node, 'PUT', '/api/v1/federation/settings', admin, {
    endpoint: node.base,
    pullIntervalSeconds: 3600,
  });
  return node;
}

async function launch(node: Node): Promise<void> {
  const started = spawnServe({ ...node.env, PORT: String(node.port ?? node.env.PORT) });
  node.child = started.child;
  node.output = started.output;
  node.port = await started.port;
  node.base = `http://127.0.0.1:${node.port}`;
}

/** Stops the node's process (its data stays). */
export function stopNode(node: Node): Promise<void> {
  return new Promise((resolve) => {
    if (node.child.exitCode !== null || node.child.signalCode !== null) return resolve();
    node.child.removeAllListeners('close');
    node.child.on('close', () => resolve());
    node.child.kill('SIGTERM');
  });
}

/** Starts a stopped node again on the same port, with the same data; sessions survive in its database. */
export async function restartNode(node: Node): Promise<void> {
  await launch(node);
}

export async function removeNode(node: Node): Promise<void> {
  await stopNode(node);
  if (process.env.FEDERATION_TEST_LOGS)
    writeFileSync(
      path.join(process.env.FEDERATION_TEST_LOGS, `${node.agency}-${node.port}.log`),
      node.output(),
    );
  if (node.databaseUrl) await dropDatabase(node.databaseUrl);
  rmSync(node.dataDir, { recursive: true, force: true });
}

/** Query a PostgreSQL node's database directly (the test's view from outside the node). */
export async function sql<T>(node: Node, text: string, params: unknown[] = []): Promise<T[]> {
  if (!node.databaseUrl) throw new Error(`${node.agency} is not on PostgreSQL`);
  const client = new pg.Client({ connectionString: node.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A `liaison` command on a node's data folder and database (the node must be stopped unless on PostgreSQL). */
export function cli(
  node: Node,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      env: { ...process.env, ...node.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Pairs two nodes as their administrators would: invitations both ways, fingerprints compared, both confirm. */
export async function pair(a: Node, b: Node): Promise<void> {
  const fromA = await ok<{ invitation: string; fingerprint: string }>(
    a,
    'POST',
    '/api/v1/federation/invitations',
    a.admin,
    { for: b.agency },
    201,
  );
  const fromB = await ok<{ invitation: string; fingerprint: string }>(
    b,
    'POST',
    '/api/v1/federation/invitations',
    b.admin,
    { for: a.agency },
    201,
  );
  const atB = await ok<{ fingerprint: string; state: string }>(
    b,
    'POST',
    '/api/v1/federation/partners',
    b.admin,
    { invitation: fromA.invitation },
    201,
  );
  const atA = await ok<{ fingerprint: string; state: string }>(
    a,
    'POST',
    '/api/v1/federation/partners',
    a.admin,
    { invitation: fromB.invitation },
    201,
  );
  if (atB.fingerprint !== fromA.fingerprint || atA.fingerprint !== fromB.fingerprint)
    throw new Error('fingerprints differ');
  await ok(b, 'POST', `/api/v1/federation/partners/${a.agency}/confirm`, b.admin, {
    fingerprint: fromA.fingerprint,
  });
  await ok(a, 'POST', `/api/v1/federation/partners/${b.agency}/confirm`, a.admin, {
    fingerprint: fromB.fingerprint,
  });
}

/** A signer holding a node's private key, read from its data folder (to forge and replay requests in tests). */
export function signerOf(node: Node) {
  return signerFromPem(node.agency, readFileSync(keyFilePath(node.dataDir), 'utf8'));
}

/** Polls until `check` returns true (every 50 ms, at most `ms`). */
export async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
