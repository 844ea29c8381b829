// Federation benchmark: two real nodes (separate processes) on loopback.
//   1. Backlog: N intel.note records written at CN for MM (CN seals each as its dispatcher meets it: canonical JSON,
//      SHA-256, Ed25519), then the pairing is confirmed and MM pulls them all: index pages, envelopes, every
//      signature verified, applied. Records/s, beside the same records as a plain unsigned HTTP JSON stream (same
//      page size, stored with a plain upsert) in the same run, once before the backlog and once after (the baseline is
//      the mean of their times); sealing and end to end reported too.
//   2. Latency: write at CN → visible at MM through the "something new" notice path, p50 / p95.
//   3. Memory of both nodes (peak and current RSS).
// Run: npx tsx bench/federation.ts [records=100000] [latency samples=100]
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/federation.ts   (both nodes on PostgreSQL)
// Looking inside: BENCH_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles both nodes and prints the backlog's
// window in the profiles' clock and in UTC (for PostgreSQL's statement log; BENCH_WINDOW=1 prints it alone);
// BENCH_NODE_LOG=<dir> keeps each node's standard output (e.g. with --trace-gc) in <dir>/node-<agency>.log.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { buildApp, prepareNode } from '../src/app.js';
import { signerFromPem } from '../src/federation/crypto.js';
import { bodyOfChange, seal, verifyEnvelope } from '../src/federation/envelope.js';
import { federationOf, startFederation } from '../src/federation/routes.js';
import {
  startVerifyThreads,
  stopVerifyThreads,
  verifyOffThread,
  verifyThreadCount,
} from '../src/federation/verify-pool.js';
import { loadConfig } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/context.js';
import type { App } from '../src/platform/http/server.js';
import { generateAgencyKeyPair } from '../src/platform/identity/keys.js';
import { createLogger } from '../src/platform/logger.js';
import { fmt, machine, percentile } from './stats.js';

const PAGE = 500;
const ADMIN_PASSWORD = 'correct horse battery staple 7';
const OFFICER_PASSWORD = 'a long enough passphrase 42';

// ---------------------------------------------------------------------------------------------------------------
// Node mode: a Liaison node with a few benchmark-only routes (loopback, public).

function benchRoutes(app: App, ctx: AppContext): void {
  const config = { access: 'public' as const };
  // The generator: N notes for one recipient, appended to the outbox exactly as the note store would write them.
  app.post(
    '/bench/seed',
    { config, schema: { body: Type.Object({ count: Type.Integer(), to: Type.String() }) } },
    async (request) => {
      const { count, to } = request.body;
      for (let done = 0; done < count; done += 5000) {
        const n = Math.min(5000, count - done);
        const ids = Array.from({ length: n }, () => uuidv7());
        const numbers = Array.from({ length: n }, (_, i) => done + i);
        await ctx.db.query(
          `insert into record_changes (record_type, record_id, version, origin, handling, handling_text, audience, onward_sharing, record_date, payload)
         select 'intel.note', t.id, 1, $3, 'H2', null, $4::jsonb, false, date '2025-01-01' + (t.n % 365),
                jsonb_build_object('subject', 'Seizure report ' || t.n, 'body', repeat('Methamphetamine tablets, Shan State route. ', 5), 'refersTo', null)
           from unnest($1::uuid[], $2::int[]) as t(id, n)`,
          [
            ids,
            numbers,
            ctx.config.agencyCode,
            JSON.stringify({ agencies: [to], mechanisms: [], taskForces: [] }),
          ],
        );
      }
      return { count };
    },
  );
  // Baseline, origin side: the same outbox rows as plain JSON pages, unsigned.
  app.get(
    '/bench/plain',
    { config, schema: { querystring: Type.Object({ after: Type.Integer(), limit: Type.Integer() }) } },
    async (request) => {
      const { rows } = await ctx.db.query(
        `select seq, record_id as id, record_type as type, version, origin, handling, handling_text as "handlingText", audience,
              onward_sharing as "onwardSharing", record_date::text as "recordDate", tombstone, payload
         from record_changes where seq > $1 order by seq limit $2`,
        [request.query.after, request.query.limit],
      );
      return { rows };
    },
  );
  // Baseline, receiver side: pull those pages over HTTP and store them with a plain upsert, one transaction a page.
  app.post(
    '/bench/plain-pull',
    { config, schema: { body: Type.Object({ from: Type.String() }) } },
    async (request) => {
      await ctx.db.exec(`create table if not exists bench_plain (origin text, id uuid, type text, version int, handling text,
      audience jsonb, record_date date, payload jsonb, primary key (origin, id))`);
      // Each run stores into an empty table, so that a second run does the same work as the first.
      await ctx.db.exec('truncate bench_plain');
      let after = 0;
      let records = 0;
      const started = performance.now();
      for (;;) {
        const res = await fetch(`${request.body.from}/bench/plain?after=${after}&limit=${PAGE}`);
        const { rows } = (await res.json()) as { rows: { seq: number }[] };
        if (!rows.length) break;
        await ctx.db.transaction((tx) =>
          tx.query(
            `insert into bench_plain select x.origin, x.id, x.type, x.version, x.handling, x.audience, x."recordDate"::date, x.payload
             from jsonb_to_recordset($1::jsonb) as x(origin text, id uuid, type text, version int, handling text, audience jsonb, "recordDate" text, payload jsonb)
           on conflict (origin, id) do update set version = excluded.version, payload = excluded.payload`,
            [JSON.stringify(rows)],
          ),
        );
        records += rows.length;
        after = Number(rows.at(-1)?.seq);
      }
      return { records, ms: performance.now() - started };
    },
  );
  // Polled while the origin seals: whether the dispatcher has met every outbox change (it seals them in the same
  // transaction that advances its cursor). Counting the sealed envelopes every 100 ms slowed the sealing it timed.
  app.get('/bench/dispatched', { config }, async () => {
    const { rows } = await ctx.db.query<{ done: boolean }>(
      'select dispatch_seq >= (select coalesce(max(seq), 0) from record_changes) as done from federation_settings',
    );
    return { done: rows[0]?.done ?? false };
  });
  app.get('/bench/sealed', { config }, async () => {
    const { rows } = await ctx.db.query<{ n: number }>(
      "select count(*)::int as n from federation_envelopes where kind = 'change'",
    );
    return { n: rows[0]?.n ?? 0 };
  });
  // At the origin: how many feed entries (releases to partners) the dispatcher has written so far.
  app.get('/bench/feed', { config }, async () => {
    const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from federation_feed');
    return { n: rows[0]?.n ?? 0 };
  });
  // Polled during the backlog instead of counting the feed: the new partner's re-evaluation is over.
  app.get('/bench/feed-done', { config }, async () => {
    const { rows } = await ctx.db.query<{ done: boolean }>(
      'select not exists (select 1 from federation_reconcile) as done',
    );
    return { done: rows[0]?.done ?? false };
  });
  app.get('/bench/count', { config }, async () => {
    const { rows } = await ctx.db.query<{ n: number }>(
      'select count(*)::int as n from federation_received where version > 0',
    );
    return { n: rows[0]?.n ?? 0 };
  });
  // Polled while the backlog arrives: the applied counter, committed with each page (a count over the growing table
  // every 100 ms took a tenth of the receiver's time). The count above confirms the result once at the end.
  app.get('/bench/applied', { config }, async () => {
    const { rows } = await ctx.db.query<{ n: number }>(
      'select coalesce(sum(applied), 0)::int as n from federation_sync',
    );
    return { n: rows[0]?.n ?? 0 };
  });
  // Latency: answers when a record is visible here (checked on every apply, and once at once).
  app.get(
    '/bench/wait',
    { config, schema: { querystring: Type.Object({ origin: Type.String(), id: Type.String() }) } },
    async (request) => {
      const { origin, id } = request.query;
      const service = federationOf(app);
      const held = async () =>
        (
          await ctx.db.query(
            'select 1 from federation_received where origin = $1 and record_id = $2 and version > 0',
            [origin, id],
          )
        ).rows.length > 0;
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('not visible within 30 s')), 30_000);
        const check = async () => {
          if (await held()) {
            clearTimeout(timeout);
            service.events.off('applied', check);
            resolve({ at: Date.now() });
          }
        };
        service.events.on('applied', check);
        void check();
      });
    },
  );
}

async function runNode(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const prepared = await prepareNode(config, log);
  const app = await buildApp(prepared.ctx);
  benchRoutes(app, prepared.ctx);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  startFederation(app);
  process.stdout.write(`${JSON.stringify({ ready: address })}\n`);
  process.once('SIGTERM', async () => {
    await app.close();
    await prepared.ctx.db.close();
    process.exit(0);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Driver.

interface BenchNode {
  agency: string;
  base: string;
  child: ChildProcess;
  dataDir: string;
  databaseUrl: string | undefined;
  admin: string;
  officer: string;
}

async function request<T>(
  node: BenchNode,
  method: string,
  url: string,
  cookie?: string,
  body?: unknown,
  expected = 200,
): Promise<T> {
  const res = await fetch(`${node.base}${url}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(600_000),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${node.agency} ${method} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function login(node: BenchNode, username: string, password: string): Promise<string> {
  const res = await fetch(`${node.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  return (res.headers.getSetCookie().find((c) => c.startsWith('liaison_session=')) as string).split(
    ';',
  )[0] as string;
}

async function database(): Promise<string | undefined> {
  if (!process.env.DATABASE_URL) return undefined;
  const name = `liaison_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function startBenchNode(agency: string): Promise<BenchNode> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `liaison-bench-${agency}-`));
  const databaseUrl = await database();
  const child = spawn(
    process.execPath,
    // BENCH_NODE_FLAGS passes flags to the node processes, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'.
    [
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      import.meta.filename,
      '--node',
    ],
    {
      env: {
        ...process.env,
        LIAISON_DATA_DIR: dataDir,
        LIAISON_AGENCY_CODE: agency,
        LIAISON_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LIAISON_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        DATABASE_URL: databaseUrl ?? '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (process.env.BENCH_NODE_LOG)
    child.stdout?.pipe(createWriteStream(path.join(process.env.BENCH_NODE_LOG, `node-${agency}.log`)));
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const match = /"ready":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.on('close', (code) => reject(new Error(`${agency} exited with ${code}`)));
  });
  const node: BenchNode = { agency, base, child, dataDir, databaseUrl, admin: '', officer: '' };
  node.admin = await login(node, 'admin', ADMIN_PASSWORD);
  await request(
    node,
    'POST',
    '/api/v1/users',
    node.admin,
    {
      username: 'officer',
      role: 'liaison_officer',
      password: OFFICER_PASSWORD,
      passwordChangeRequired: false,
    },
    201,
  );
  node.officer = await login(node, 'officer', OFFICER_PASSWORD);
  await request(node, 'PUT', '/api/v1/federation/settings', node.admin, {
    endpoint: base,
    pullIntervalSeconds: 3600,
  });
  return node;
}

async function stopBenchNode(node: BenchNode): Promise<void> {
  await new Promise<void>((resolve) => {
    if (node.child.exitCode !== null) return resolve();
    node.child.removeAllListeners('close');
    node.child.on('close', () => resolve());
    node.child.kill('SIGTERM');
  });
  if (node.databaseUrl) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`drop database if exists ${new URL(node.databaseUrl).pathname.slice(1)} with (force)`);
    await client.end();
  }
  rmSync(node.dataDir, { recursive: true, force: true });
}

/** Peak and current resident memory of a node process, in MB (Linux /proc). */
function memory(node: BenchNode): { peak: number; now: number } {
  const status = readFileSync(`/proc/${node.child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

/** CPU seconds (user + system) of a process or thread, from its /proc stat file. */
function statCpu(statFile: string): number {
  const fields = readFileSync(statFile, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by a process's threads: its main thread, the others together (workers, libuv, GC) and each. */
function threadCpu(pid: number): { main: number; others: number; threads: Record<string, number> } {
  const out = { main: 0, others: 0, threads: {} as Record<string, number> };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const seconds = statCpu(`/proc/${pid}/task/${tid}/stat`);
    if (Number(tid) === pid) {
      out.main = seconds;
      continue;
    }
    out.others += seconds;
    out.threads[tid] = seconds;
  }
  return out;
}

/**
 * One connection for the sampling, kept for the run: connecting anew every second started a PostgreSQL backend each
 * time, about 3 % of the machine's CPU during the backlog (perf, session 9), taken from the nodes being measured.
 */
let sampling: Promise<pg.Client> | undefined;

function samplingClient(): Promise<pg.Client> {
  sampling ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return client;
  })();
  return sampling;
}

/** Last CPU seconds seen of each PostgreSQL backend that served a node, by pid (a backend may end mid-phase). */
const backendsSeen = new Map<string, Map<number, number>>();

/**
 * CPU seconds used so far by the PostgreSQL backends serving a node (on this machine): the last reading of every
 * backend seen, including those that ended since. Sampled every second during a phase, so that a pool connection
 * closed meanwhile loses at most its last second.
 */
async function backendCpu(node: BenchNode): Promise<number> {
  if (!node.databaseUrl) return 0;
  const seen = backendsSeen.get(node.agency) ?? new Map<number, number>();
  backendsSeen.set(node.agency, seen);
  const { rows } = await (await samplingClient()).query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [new URL(node.databaseUrl).pathname.slice(1)],
  );
  for (const { pid } of rows) {
    try {
      seen.set(pid, statCpu(`/proc/${pid}/stat`));
    } catch {
      // The backend ended meanwhile: its last reading stands.
    }
  }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

interface CpuSnapshot {
  cn: { main: number; others: number; backends: number; threads: Record<string, number> };
  mm: { main: number; others: number; backends: number; threads: Record<string, number> };
}

async function cpuSnapshot(cn: BenchNode, mm: BenchNode): Promise<CpuSnapshot> {
  return {
    cn: { ...threadCpu(cn.child.pid as number), backends: await backendCpu(cn) },
    mm: { ...threadCpu(mm.child.pid as number), backends: await backendCpu(mm) },
  };
}

/**
 * Starts accounting both nodes' CPU for a phase (their backends sampled every second meanwhile); the returned
 * function ends it and gives the snapshots before and after.
 */
async function startCpuPhase(
  cn: BenchNode,
  mm: BenchNode,
): Promise<() => Promise<{ before: CpuSnapshot; after: CpuSnapshot }>> {
  const before = await cpuSnapshot(cn, mm);
  const timer = setInterval(() => {
    void Promise.all([backendCpu(cn), backendCpu(mm)]).catch(() => undefined);
  }, 1000);
  return async () => {
    clearInterval(timer);
    return { before, after: await cpuSnapshot(cn, mm) };
  };
}

/** The benchmark's record as CN's dispatcher seals it. */
function sealedNote(signer: ReturnType<typeof signerFromPem>, i: number) {
  const at = new Date().toISOString();
  const payload = {
    subject: `Seizure report ${i}`,
    body: 'Methamphetamine tablets, Shan State route. '.repeat(5),
    refersTo: null,
  };
  const audience = { agencies: ['MM'], mechanisms: [], taskForces: [] };
  return seal(
    bodyOfChange(
      {
        type: 'intel.note',
        id: uuidv7(),
        version: 1,
        origin: 'CN',
        handling: 'H2',
        handlingText: null,
        audience,
        onwardSharing: false,
        recordDate: '2025-01-01',
        payload,
        tombstone: null,
        createdAt: at,
      },
      signer,
      at,
    ),
    signer,
  );
}

/**
 * The verification pool alone, in this process: pages of 500 envelopes handed to it together, records/s with one
 * thread and with one a core this process may use (or LIAISON_VERIFY_THREADS), after a round that starts the threads.
 */
async function verifyPoolRates(pages = 8): Promise<{ threads: number; rate: number }[]> {
  const pair = generateAgencyKeyPair();
  const signer = signerFromPem('CN', pair.privateKeyPem);
  const keys = new Map([
    ['CN', [{ fingerprint: pair.fingerprint, publicKey: pair.publicKey, retiredAt: null }]],
  ]);
  const batch = Array.from({ length: pages }, (_, p) =>
    Array.from({ length: 500 }, (_, i) => {
      const envelope = sealedNote(signer, p * 500 + i);
      return { pos: i + 1, envelope, expectedHash: envelope.contentHash };
    }),
  );
  const sizes = [...new Set([1, Number(process.env.LIAISON_VERIFY_THREADS) || availableParallelism()])];
  const rates: { threads: number; rate: number }[] = [];
  for (const threads of sizes) {
    await stopVerifyThreads();
    startVerifyThreads(threads);
    await Promise.all(batch.slice(0, threads).map((items) => verifyOffThread(items, keys)));
    const started = performance.now();
    const verdicts = await Promise.all(batch.map((items) => verifyOffThread(items, keys)));
    const ms = performance.now() - started;
    if (!verdicts.flat().every((v) => v.ok)) throw new Error('the pool refused a valid envelope');
    rates.push({ threads: verifyThreadCount(), rate: ((pages * 500) / ms) * 1000 });
  }
  await stopVerifyThreads();
  return rates;
}

/** The crypto alone, in this process: sealing (canonical JSON, SHA-256, Ed25519 sign) and verifying, records/s. */
function cryptoCeiling(n = 2000): { seal: number; verify: number } {
  const pair = generateAgencyKeyPair();
  const signer = signerFromPem('CN', pair.privateKeyPem);
  const keys = [{ fingerprint: pair.fingerprint, publicKey: pair.publicKey, retiredAt: null }];
  const started = performance.now();
  const envelopes = Array.from({ length: n }, (_, i) => sealedNote(signer, i));
  const sealed = performance.now();
  const wire = JSON.parse(JSON.stringify(envelopes)) as unknown[];
  const parsed = performance.now();
  for (const e of wire) if (!verifyEnvelope(e, () => keys).ok) throw new Error('verification failed');
  const verified = performance.now();
  return { seal: (n / (sealed - started)) * 1000, verify: (n / (verified - parsed)) * 1000 };
}

async function driver(): Promise<void> {
  const records = Number(process.argv[2] ?? 100_000);
  const samples = Number(process.argv[3] ?? 100);
  if (!Number.isInteger(records) || records < 1 || !Number.isInteger(samples) || samples < 1)
    throw new Error('usage: bench/federation.ts [records] [latency samples]');
  const [cn, mm] = await Promise.all([startBenchNode('CN'), startBenchNode('MM')]);
  try {
    const engine = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
    // The backlog: N records written at CN, signed once by its dispatcher as it meets them (no partner yet).
    const seedStarted = performance.now();
    await request(cn, 'POST', '/bench/seed', undefined, { count: records, to: 'MM' });
    const seededMs = performance.now() - seedStarted;
    for (;;) {
      const { done } = await request<{ done: boolean }>(cn, 'GET', '/bench/dispatched');
      if (done) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const sealedMs = performance.now() - seedStarted;
    const sealed = await request<{ n: number }>(cn, 'GET', '/bench/sealed');
    if (sealed.n < records) throw new Error(`CN sealed ${sealed.n} of ${records} records`);

    // Baseline: the same records as a plain unsigned JSON stream, stored with a plain upsert; once here and once right
    // after the backlog, so that a change in the machine's speed during the run moves both sides of the ratio alike.
    const plainPull = () =>
      request<{ records: number; ms: number }>(mm, 'POST', '/bench/plain-pull', undefined, { from: cn.base });
    const endPlainCpu = await startCpuPhase(cn, mm);
    const plainBefore = await plainPull();
    const plainCpu = await endPlainCpu();

    // Federation: accept both invitations, then time from the confirmations until MM holds every record.
    const fromCn = await request<{ invitation: string; fingerprint: string }>(
      cn,
      'POST',
      '/api/v1/federation/invitations',
      cn.admin,
      {},
      201,
    );
    const fromMm = await request<{ invitation: string; fingerprint: string }>(
      mm,
      'POST',
      '/api/v1/federation/invitations',
      mm.admin,
      {},
      201,
    );
    await request(
      mm,
      'POST',
      '/api/v1/federation/partners',
      mm.admin,
      { invitation: fromCn.invitation },
      201,
    );
    await request(
      cn,
      'POST',
      '/api/v1/federation/partners',
      cn.admin,
      { invitation: fromMm.invitation },
      201,
    );
    const endBacklogCpu = await startCpuPhase(cn, mm);
    const started = performance.now();
    const startedUs = process.hrtime.bigint() / 1000n;
    const startedAt = new Date().toISOString();
    await request(cn, 'POST', '/api/v1/federation/partners/MM/confirm', cn.admin, {
      fingerprint: fromMm.fingerprint,
    });
    await request(mm, 'POST', '/api/v1/federation/partners/CN/confirm', mm.admin, {
      fingerprint: fromCn.fingerprint,
    });
    const deadline = Date.now() + 3_600_000;
    let feedBuiltMs: number | null = null;
    for (;;) {
      if (feedBuiltMs === null) {
        const feed = await request<{ done: boolean }>(cn, 'GET', '/bench/feed-done');
        if (feed.done) feedBuiltMs = performance.now() - started;
      }
      const { n } = await request<{ n: number }>(mm, 'GET', '/bench/applied');
      if (n >= records) break;
      if (Date.now() > deadline) throw new Error(`only ${n} of ${records} records arrived`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const federatedMs = performance.now() - started;
    // In the clock of V8's CPU profiles (monotonic, µs) and in UTC, to cut the backlog out of a profile or a log.
    if (process.env.BENCH_WINDOW || process.env.BENCH_NODE_FLAGS?.includes('--cpu-prof'))
      console.error(
        `backlog window (µs, monotonic): ${startedUs} ${process.hrtime.bigint() / 1000n}; ${startedAt} ${new Date().toISOString()}`,
      );
    const backlogCpu = await endBacklogCpu();
    const plainAfter = await plainPull();
    const plain = { records, ms: (plainBefore.ms + plainAfter.ms) / 2 };
    if (plainBefore.records !== records || plainAfter.records !== records)
      throw new Error(
        `the plain stream carried ${plainBefore.records} and ${plainAfter.records} of ${records} records`,
      );
    const held = await request<{ n: number }>(mm, 'GET', '/bench/count');
    const fed = await request<{ n: number }>(cn, 'GET', '/bench/feed');
    if (held.n < records || fed.n < records)
      throw new Error(`MM holds ${held.n} and CN's feed has ${fed.n} of ${records} records`);
    const sync = await request<{ quarantined: number; applied: number }>(
      mm,
      'GET',
      '/api/v1/federation/partners/CN/sync',
      mm.admin,
    );
    const verified = await request<{ checked: number; invalid: unknown[] }>(
      mm,
      'POST',
      '/api/v1/federation/received/verify',
      mm.admin,
    );
    const memoryAfterBacklog = { cn: memory(cn), mm: memory(mm) };

    // Latency: one note at a time at CN, timed from the write request to visible at MM (notice path, no polling).
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      const note = await request<{ id: string }>(
        cn,
        'POST',
        '/api/v1/federation/notes',
        cn.officer,
        {
          subject: `latency ${i}`,
          body: 'controlled delivery, leg 2 handed over at the border',
          policy: { audience: { agencies: ['MM'], mechanisms: [], taskForces: [] } },
        },
        201,
      );
      await request(mm, 'GET', `/bench/wait?origin=CN&id=${note.id}`).catch(async (error) => {
        const state = {
          cn: await request(cn, 'GET', '/api/v1/federation/partners/MM/sync', cn.admin),
          mm: await request(mm, 'GET', '/api/v1/federation/partners/CN/sync', mm.admin),
          cnStatus: await request(cn, 'GET', '/api/v1/federation/status', cn.admin),
        };
        console.error(JSON.stringify(state, null, 1));
        throw error;
      });
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
    }
    latencies.sort((a, b) => a - b);
    const mem = { cn: memory(cn), mm: memory(mm) };

    const crypto = cryptoCeiling();
    const pool = await verifyPoolRates();
    const fedRate = (records / federatedMs) * 1000;
    const rate = (run: { records: number; ms: number }) => (run.records / run.ms) * 1000;
    const plainRate = rate(plain);
    console.log(
      `\nFederation benchmark, two nodes on ${engine}; ${machine()}; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB\n`,
    );
    console.log('| what | measured | baseline (same run) | ratio | goal |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| backlog of ${records.toLocaleString('en-US')} signed records to a new partner: index, fetch, verify each signature, apply | ${fmt(fedRate, 0)} records/s (${fmt(federatedMs / 1000, 1)} s) | ${fmt(plainRate, 0)} records/s plain JSON stream + upsert (mean time of a run before the backlog, ${fmt(rate(plainBefore), 0)} records/s, and one after, ${fmt(rate(plainAfter), 0)}) | ${fmt(fedRate / plainRate, 2)} | ≥ 0.5 |`,
    );
    console.log(
      `| of which: the origin's feed for the new partner complete (egress filter over every record) | after ${feedBuiltMs === null ? '?' : fmt(feedBuiltMs / 1000, 1)} s | - | - | - |`,
    );
    console.log(
      `| the same backlog written at CN, then sealed there as written (canonical JSON + SHA-256 + Ed25519, stored) | ${fmt((records / sealedMs) * 1000, 0)} records/s (writes ${fmt(seededMs / 1000, 1)} s, all sealed after ${fmt(sealedMs / 1000, 1)} s) | - | - | - |`,
    );
    console.log(
      `| end to end: write + seal + pull + verify + apply | ${fmt((records / (sealedMs + federatedMs)) * 1000, 0)} records/s | ${fmt((records / (seededMs + plain.ms)) * 1000, 0)} records/s write + plain stream | ${fmt(((records / (sealedMs + federatedMs)) * 1000) / ((records / (seededMs + plain.ms)) * 1000), 2)} | - |`,
    );
    console.log(
      `| crypto alone in one process, one core: seal (canonical JSON + SHA-256 + Ed25519 sign) / verify | ${fmt(crypto.seal, 0)} / ${fmt(crypto.verify, 0)} records/s | ${fmt(plainRate, 0)} records/s plain | ${fmt(crypto.verify / plainRate, 2)} (verify alone) | - |`,
    );
    console.log(
      `| verification pool alone in one process, 8 pages of 500 handed over together: records/s by threads | ${pool.map((p) => `${p.threads}: ${fmt(p.rate, 0)}`).join(', ')} | ${fmt(plainRate, 0)} records/s plain | ${pool.map((p) => fmt(p.rate / plainRate, 2)).join(', ')} | - |`,
    );
    console.log(
      `| write at CN → visible at MM (notice path), ${samples} samples | p50 ${fmt(percentile(latencies, 50), 0)} ms, p95 ${fmt(percentile(latencies, 95), 0)} ms, max ${fmt(latencies.at(-1) ?? 0, 0)} ms | - | - | p95 < 1000 ms |`,
    );
    const cpuUsed = ({ before, after }: { before: CpuSnapshot; after: CpuSnapshot }) => {
      const d = (side: 'cn' | 'mm', part: 'main' | 'others' | 'backends') =>
        fmt(after[side][part] - before[side][part], 1);
      const busiest = (side: 'cn' | 'mm') =>
        fmt(
          Math.max(
            ...Object.entries(after[side].threads).map(([tid, t]) => t - (before[side].threads[tid] ?? 0)),
          ),
          1,
        );
      return `CN ${d('cn', 'main')} / ${d('cn', 'others')} (busiest ${busiest('cn')}) / ${d('cn', 'backends')}, MM ${d('mm', 'main')} / ${d('mm', 'others')} (busiest ${busiest('mm')}) / ${d('mm', 'backends')}`;
    };
    console.log(
      `| CPU seconds used, node main thread / its other threads / its PostgreSQL backends | backlog: ${cpuUsed(backlogCpu)} (wall ${fmt(federatedMs / 1000, 1)} s × ${cpus().length} cores) | plain: ${cpuUsed(plainCpu)} (wall ${fmt(plain.ms / 1000, 1)} s) | - | - |`,
    );
    console.log(
      `| memory after the backlog, peak / now | CN ${fmt(memoryAfterBacklog.cn.peak, 0)} / ${fmt(memoryAfterBacklog.cn.now, 0)} MB, MM ${fmt(memoryAfterBacklog.mm.peak, 0)} / ${fmt(memoryAfterBacklog.mm.now, 0)} MB | - | - | - |`,
    );
    console.log(
      `| memory at the end, peak / now | CN ${fmt(mem.cn.peak, 0)} / ${fmt(mem.cn.now, 0)} MB, MM ${fmt(mem.mm.peak, 0)} / ${fmt(mem.mm.now, 0)} MB | - | - | - |`,
    );
    console.log(
      `\nchecks: ${held.n} held at MM, ${fed.n} in CN's feed; ${sync.applied} applied, ${sync.quarantined} quarantined; ${verified.checked} held envelopes re-verified, ${verified.invalid.length} invalid`,
    );
  } finally {
    await Promise.all([stopBenchNode(cn), stopBenchNode(mm)]);
    await (await sampling)?.end();
  }
}

if (process.argv.includes('--node')) await runNode();
else await driver();
