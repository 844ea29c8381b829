// Platform benchmarks: node start, sign-in, authenticated requests, audit append and verify.
// Run: npx tsx bench/platform.ts            (PGlite, in memory)
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/platform.ts   (PostgreSQL)
// Each figure is printed beside a baseline measured in the same run on the same database.
import { cpus, totalmem } from 'node:os';
import { appendAudit, verifyAudit } from '../src/platform/audit/log.js';
import { startTestNode } from '../test/support/node.js';
import { fmt, machine, timeEach } from './stats.js';

const rows: string[][] = [];
const add = (what: string, value: string, baseline: string, ratio: string) =>
  rows.push([what, value, baseline, ratio]);

const startedAt = performance.now();
const node = await startTestNode();
const startMs = performance.now() - startedAt;
const engine = node.ctx.db.engine;
add('fresh node start (migrate, reference data, key, admin)', `${fmt(startMs, 0)} ms`, '-', '-');

// Sign-in is argon2id-bound by design; the baseline is an unauthenticated request through the same stack.
const health = await timeEach(200, () => node.app.inject('/healthz'));
const login = await timeEach(40, () =>
  node.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'correct horse battery staple' },
  }),
);
add(
  'sign-in (argon2id verify + session), p50',
  `${fmt(login.p50)} ms`,
  `${fmt(health.p50, 2)} ms /healthz`,
  '-',
);

const cookie = await node.login('admin', 'correct horse battery staple');
const authed = await timeEach(500, () => node.app.inject({ url: '/api/v1/node', headers: { cookie } }));
const publicNode = await timeEach(500, () => node.app.inject('/readyz'));
add(
  'authenticated GET /api/v1/node, p50 / p95',
  `${fmt(authed.p50, 2)} / ${fmt(authed.p95, 2)} ms`,
  `${fmt(publicNode.p50, 2)} / ${fmt(publicNode.p95, 2)} ms /readyz`,
  '-',
);

// Audit append: one entry per transaction (as every write does) beside a plain insert into a same-shaped table.
const db = node.ctx.db;
await db.exec(
  'create table bench_plain (seq bigint primary key, at timestamptz, actor text, action text, target text, detail jsonb)',
);
const N = 2000;
const plain = await timeEach(N, (i) =>
  db.transaction((tx) =>
    tx.query('insert into bench_plain values ($1, now(), $2, $3, $4, $5)', [
      i,
      'user:bench',
      'record.changed',
      `record:${i}`,
      JSON.stringify({ i }),
    ]),
  ),
);
const chained = await timeEach(N, (i) =>
  db.transaction((tx) =>
    appendAudit(tx, { actor: 'user:bench', action: 'record.changed', target: `record:${i}`, detail: { i } }),
  ),
);
add(
  `audit append, ${N} single-entry transactions`,
  `${fmt(chained.perSecond, 0)} /s`,
  `${fmt(plain.perSecond, 0)} /s plain insert`,
  fmt(chained.perSecond / plain.perSecond, 2),
);

// Verify: grow the log to 100k entries with a fixed generator, then time one full verification.
const TARGET = 100_000;
const { rows: headRows } = await db.query<{ seq: number }>('select seq from audit_head');
let seq = Number(headRows[0]?.seq ?? 0);
while (seq < TARGET) {
  await db.transaction(async (tx) => {
    for (let k = 0; k < 500 && seq < TARGET; k++, seq++) {
      await appendAudit(tx, {
        actor: `user:u${seq % 37}`,
        action: 'record.read',
        target: `seizure:${seq}`,
        detail: { n: seq },
      });
    }
  });
}
const v0 = performance.now();
const check = await verifyAudit(db);
const verifyMs = performance.now() - v0;
const s0 = performance.now();
await db.query('select * from audit_log order by seq');
const scanMs = performance.now() - s0;
add(
  `audit verify, ${check.entries.toLocaleString('en-US')} entries (ok=${check.ok})`,
  `${fmt(verifyMs, 0)} ms`,
  `${fmt(scanMs, 0)} ms plain read of the table`,
  fmt(scanMs / verifyMs, 2),
);

await node.close();

console.log(
  `\nPlatform benchmark on ${engine}; ${machine()}; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB; peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB\n`,
);
console.log('| what | measured | baseline (same run) | ratio |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
