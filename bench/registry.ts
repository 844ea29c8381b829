// Registry benchmarks: membership at a date, search in any language, shared-record writes, demo data load.
// Run: npx tsx bench/registry.ts            (PGlite, in memory)
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/registry.ts   (PostgreSQL)
// Data come from a fixed generator; each figure is printed beside a baseline measured in the same run.
import { cpus, totalmem } from 'node:os';
import type { Db } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openPglite } from '../src/platform/db/pglite.js';
import { loadReferenceData } from '../src/reference/load.js';
import { loadDemoRegistry } from '../src/registry/demo.js';
import { meetingKind } from '../src/registry/kinds/index.js';
import { type MembershipFact, membersAt, membersAtIn } from '../src/registry/membership.js';
import { createIn } from '../src/registry/store.js';
import { membershipFacts, searchRegistry } from '../src/registry/views.js';
import { createTestDb } from '../test/support/db.js';
import { fmt, machine, timeEach } from './stats.js';

const AGENCIES = 2_000;
const MECHANISMS = 200;
const MEMBERSHIPS_PER_MECHANISM = 250; // 50,000 memberships
const MEETINGS = 20_000;

const rows: string[][] = [];
const add = (what: string, value: string, baseline: string, ratio: string) =>
  rows.push([what, value, baseline, ratio]);

async function open(): Promise<{ db: Db; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const t = await createTestDb();
    return { db: t.db, close: t.cleanup };
  }
  const db = await openPglite(undefined);
  return { db, close: () => db.close() };
}

const { db, close } = await open();
await migrate(db);
await loadReferenceData(db);
const engine = db.engine;

// Demo data load (81 records in one transaction, each with audit entry and outbox change) beside the same number of
// plain inserts into a table of the same width.
const demoStart = performance.now();
await loadDemoRegistry(db, 'CN-NNCC');
const demoMs = performance.now() - demoStart;
const { rows: demoCount } = await db.query<{ n: number }>(
  "select count(*)::int as n from record_changes where record_type like 'registry.%'",
);
const nDemo = Number(demoCount[0]?.n);
await db.exec('create table bench_plain (id uuid primary key, payload jsonb, at timestamptz default now())');
const plainStart = performance.now();
await db.transaction(async (tx) => {
  for (let i = 0; i < nDemo; i++)
    await tx.query('insert into bench_plain (id, payload) values (gen_random_uuid(), $1)', [
      JSON.stringify({ i }),
    ]);
});
const plainMs = performance.now() - plainStart;
add(
  `demo data load (${nDemo} shared records, one transaction)`,
  `${fmt(demoMs, 0)} ms`,
  `${fmt(plainMs, 0)} ms ${nDemo} plain inserts`,
  fmt(demoMs / plainMs, 1),
);

// Fixed generator: agencies, mechanisms, memberships with joins and leaves over 30 years, meetings with names.
await db.exec(`
  insert into agencies (id, origin, code, kind, name_en, name_zh, search_key)
  select gen_random_uuid(), 'BENCH', 'AG-' || lpad(g::text, 5, '0'), 'national_bureau', 'Agency ' || g, '机构' || g,
         'agency ' || g || ' | 机构' || g
    from generate_series(1, ${AGENCIES}) g;
  insert into mechanisms (id, origin, code, kind, name_en, name_zh, established_on, search_key)
  select gen_random_uuid(), 'BENCH', 'MX-' || lpad(g::text, 4, '0'), 'regional', 'Mechanism ' || g, '机制' || g, date '1990-01-01',
         'mechanism ' || g || ' | 机制' || g
    from generate_series(1, ${MECHANISMS}) g;
  insert into mechanism_memberships (id, origin, mechanism_id, agency_id, role, joined_on, left_on)
  select gen_random_uuid(), 'BENCH', m.id, a.id,
         case when j % 10 = 0 then 'observer' else 'member' end,
         date '1990-01-01' + ((m.n * 37 + j * 101) % 10000)::int,
         case when j % 3 = 0 then date '1990-01-01' + ((m.n * 37 + j * 101) % 10000 + 1 + (j * 13) % 2000)::int end
    from (select id, row_number() over (order by code) as n from mechanisms where origin = 'BENCH') m
    cross join generate_series(1, ${MEMBERSHIPS_PER_MECHANISM}) j
    join (select id, row_number() over (order by code) as n from agencies where origin = 'BENCH') a
      on a.n = 1 + ((m.n * 7 + j) % ${AGENCIES});
  insert into meetings (id, origin, mechanism_id, level, starts_on, name_en, name_zh, search_key)
  select gen_random_uuid(), 'BENCH', (select id from mechanisms where code = 'MX-' || lpad((1 + g % ${MECHANISMS})::text, 4, '0')),
         'expert', date '1990-01-01' + g % 12000, 'Expert meeting ' || g, '专家会议' || g, 'expert meeting ' || g || ' | 专家会议' || g
    from generate_series(1, ${MEETINGS}) g;
  analyze;
`);
const { rows: counted } = await db.query<{ n: number }>(
  'select count(*)::int as n from mechanism_memberships',
);
const memberships = Number(counted[0]?.n);

const codes = Array.from(
  { length: 500 },
  (_, i) => `MX-${String(1 + ((i * 53) % MECHANISMS)).padStart(4, '0')}`,
);
const dates = Array.from(
  { length: 500 },
  (_, i) => `${1990 + ((i * 7) % 35)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
);

const atDate = await timeEach(500, (i) => membersAt(db, codes[i] as string, dates[i] as string));
const byCode = await timeEach(500, (i) => db.query('select id from mechanisms where code = $1', [codes[i]]));
add(
  `membersAt(mechanism, date) over ${memberships.toLocaleString('en-US')} memberships, p50 / p95`,
  `${fmt(atDate.p50, 2)} / ${fmt(atDate.p95, 2)} ms`,
  `${fmt(byCode.p50, 2)} / ${fmt(byCode.p95, 2)} ms mechanism by code`,
  fmt(atDate.p50 / byCode.p50, 1),
);

const facts: MembershipFact[] = await membershipFacts(db);
const pure = await timeEach(500, async (i) => membersAtIn(facts, codes[i] as string, dates[i] as string));
const filterOnly = await timeEach(500, async (i) => facts.filter((f) => f.mechanismCode === codes[i]).length);
add(
  `membersAtIn (pure) over ${facts.length.toLocaleString('en-US')} facts in memory, p50`,
  `${fmt(pure.p50, 3)} ms`,
  `${fmt(filterOnly.p50, 3)} ms one Array.filter`,
  fmt(pure.p50 / filterOnly.p50, 1),
);

const queries = [
  'mekong',
  '大湄公河',
  'expert meeting 1999',
  '专家会议123',
  'ＧＲＥＡＴＥＲ ＭＥＫＯＮＧ',
  'agency 17',
];
const search = await timeEach(120, (i) => searchRegistry(db, queries[i % queries.length] as string));
const exact = await timeEach(120, (i) =>
  db.query('select id from meetings where name_en = $1', [`Expert meeting ${i + 1}`]),
);
add(
  `search in names (${(AGENCIES + MECHANISMS + MEETINGS).toLocaleString('en-US')} named records, 7 kinds), p50 / p95`,
  `${fmt(search.p50, 1)} / ${fmt(search.p95, 1)} ms`,
  `${fmt(exact.p50, 2)} / ${fmt(exact.p95, 2)} ms exact name, no index`,
  fmt(search.p50 / exact.p50, 1),
);

// A shared-record write: checks, row, audit entry and outbox change in one transaction, beside a plain insert.
const writer = { actor: 'user:bench', origin: 'BENCH' };
const N = 300;
const writes = await timeEach(N, (i) =>
  db.transaction((tx) =>
    createIn(
      tx,
      meetingKind,
      { mechanism: 'GMS-MOU', level: 'expert', names: { en: `Bench meeting ${i}` }, startsOn: '2020-01-01' },
      writer,
    ),
  ),
);
const plain = await timeEach(N, (i) =>
  db.transaction((tx) =>
    tx.query('insert into bench_plain (id, payload) values (gen_random_uuid(), $1)', [JSON.stringify({ i })]),
  ),
);
add(
  `create a meeting (checks + row + audit + outbox), ${N} transactions`,
  `${fmt(writes.perSecond, 0)} /s`,
  `${fmt(plain.perSecond, 0)} /s plain insert`,
  fmt(plain.perSecond / writes.perSecond, 1),
);

await close();

console.log(
  `\nRegistry benchmark on ${engine}; ${machine()}; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB; peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB\n`,
);
console.log('| what | measured | baseline (same run) | ratio |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
