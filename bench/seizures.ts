// Seizure benchmarks: bulk import of the UNODC IDS file beside a plain COPY, and dashboard statistics at scale.
// Run: npx tsx bench/seizures.ts import [--lines N]          (PGlite in a temp data folder; --lines: a slice)
//      npx tsx bench/seizures.ts stats --rows 1000000 [--runs 30]
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/seizures.ts import|stats ...
// The database named by DATABASE_URL is used only to create and drop a scratch database of its own.
// Each figure is printed beside a baseline measured in the same run on the same database.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import yauzl from 'yauzl';
import type { Db, Queryable, QueryResult } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { loadReferenceData } from '../src/reference/load.js';
import { loadDemoRegistry } from '../src/registry/demo.js';
import { runImport } from '../src/seizures/importer.js';
import { importForFile } from '../src/seizures/jobs.js';
import { rebuildRollups } from '../src/seizures/recompute.js';
import {
  membershipIntervals,
  reconciliation,
  summary,
  topRoutes,
  totals,
} from '../src/seizures/stats-store.js';
import { fmt, machine, timeEach } from './stats.js';

const IDS_ZIP = path.resolve(import.meta.dirname, '../../shared/data/unodc-ids-2011-2016.zip');
const WDR_XLSX = path.resolve(import.meta.dirname, '../../shared/data/unodc-wdr2024-seizures-2018-2022.xlsx');

const args = process.argv.slice(2);
const which = args[0] ?? 'import';
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

// ---- a scratch database with COPY available on both engines ----

interface Scratch {
  db: Db;
  engine: string;
  /** Exports a table to CSV and loads it back with COPY; returns the milliseconds of the load. */
  copyBack(table: string, columns: string): Promise<number>;
  close(): Promise<void>;
}

function wrapPglite(target: PGlite | Transaction): Queryable {
  return {
    engine: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await target.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    exec: async (sql) => {
      await target.exec(sql);
    },
  };
}

async function scratch(): Promise<Scratch> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(path.join(tmpdir(), 'liaison-bench-'));
    const lite = new PGlite(path.join(dir, 'pgdata'));
    await lite.waitReady;
    const db: Db = {
      ...wrapPglite(lite),
      transaction: (fn) => lite.transaction((tx) => fn(wrapPglite(tx))),
      close: () => lite.close(),
    };
    return {
      db,
      engine: 'PGlite (data folder)',
      async copyBack(table, columns) {
        const out = await lite.query(
          `copy (select ${columns} from ${table}) to '/dev/blob' with (format csv)`,
        );
        const blob = out.blob!;
        await lite.exec(`truncate ${table} cascade`);
        await lite.exec('checkpoint');
        const t = performance.now();
        await lite.query(`copy ${table} (${columns}) from '/dev/blob' with (format csv)`, [], { blob });
        return performance.now() - t;
      },
      async close() {
        await lite.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `liaison_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgres(target.toString(), { max: 4 });
  const version = (await db.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v;
  return {
    db,
    engine: `PostgreSQL ${version}`,
    async copyBack(table, columns) {
      // Server-side COPY through a file the server writes and reads (the benchmark runs on the database host).
      const file = `/tmp/${name}_${table}.csv`;
      await db.query(`copy (select ${columns} from ${table}) to '${file}' with (format csv)`);
      await db.exec(`truncate ${table} cascade`);
      await db.exec('checkpoint');
      const t = performance.now();
      await db.query(`copy ${table} (${columns}) from '${file}' with (format csv)`);
      const ms = performance.now() - t;
      await db.query(`copy (select 1) to program 'rm -f ${file}'`).catch(() => undefined);
      return ms;
    },
    async close() {
      await db.close();
      if (args.includes('--keep')) process.stderr.write(`kept database ${name}\n`);
      else await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function prepared(): Promise<Scratch> {
  const s = await scratch();
  await migrate(s.db);
  await loadReferenceData(s.db);
  return s;
}

/** The first `lines` lines of the IDS CSV as a file (a quick run), or the zip itself. */
async function idsInput(lines: number, dir: string): Promise<string> {
  if (!lines) return IDS_ZIP;
  const zip = await yauzl.openPromise(IDS_ZIP, { lazyEntries: true });
  const entry = await new Promise<yauzl.Entry>((resolve) => {
    zip.once('entry', resolve);
    zip.readEntry();
  });
  const input = await zip.openReadStreamPromise(entry);
  const file = path.join(dir, 'ids-slice.csv');
  const out = createWriteStream(file);
  let n = 0;
  for await (const line of createInterface({ input })) {
    out.write(`${line}\n`);
    if (++n > lines) break;
  }
  input.destroy();
  zip.close();
  await new Promise((r) => out.end(r));
  return file;
}

const rows: string[][] = [];
const add = (...r: string[]) => rows.push(r);

async function benchImport(): Promise<string> {
  const lines = option('lines', 0);
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-bench-in-'));
  const file = await idsInput(lines, dir);
  const s = await prepared();
  try {
    // Each timed phase starts from a checkpoint, so neither pays for flushing the other's writes.
    await s.db.exec('checkpoint');
    const rssBefore = process.resourceUsage().maxRSS / 1024;
    const t0 = performance.now();
    const { imp } = await importForFile(s.db, {
      filePath: file,
      fileName: path.basename(file),
      mapping: null,
      mappingName: null,
      createdBy: 'bench',
    });
    const done = await runImport(s.db, imp.id, { agencyCode: 'BENCH' });
    const importMs = performance.now() - t0;
    const rss = process.resourceUsage().maxRSS / 1024;
    const written = done.accepted + done.duplicates;
    // The baseline: the same normalised rows, exported and loaded back into the same (emptied) table with COPY.
    const columns = (
      await s.db.query<{ c: string }>(
        "select string_agg(column_name, ', ' order by ordinal_position) as c from information_schema.columns where table_name = 'seizures'",
      )
    ).rows[0]!.c;
    const copyMs = await s.copyBack('seizures', columns);
    const perSecond = (done.rows_read / importMs) * 1000;
    const copyPerSecond = (written / copyMs) * 1000;
    add(
      `import ${path.basename(file)} (${done.rows_read.toLocaleString('en-US')} rows read, ${written.toLocaleString('en-US')} records + outbox + rollups)`,
      `${fmt(perSecond, 0)} rows/s (${fmt(importMs / 1000, 1)} s)`,
      `${fmt(copyPerSecond, 0)} rows/s plain COPY of the ${written.toLocaleString('en-US')} normalised rows into seizures (${fmt(copyMs / 1000, 1)} s)`,
      fmt(((written / importMs) * 1000) / copyPerSecond, 2),
    );
    add(
      'peak RSS of the process during the import',
      `${fmt(rss, 0)} MB`,
      `${fmt(rssBefore, 0)} MB before the import`,
      '-',
    );
    return s.engine;
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Generates `n` seizures that follow the IDS file's distributions: each copies the country, drug, unit, place and
 * route of a row of the real file picked at random (so countries, drugs and units keep their real frequencies),
 * on a random day of a random year 2011-2024, with the quantity scaled by a random factor 0.5-1.5. Seeded: the same
 * n gives the same rows. Generated in SQL, then the rollups are built by the same rebuild a recompute uses.
 */
async function generate(db: Db, n: number, seedImportId: string): Promise<void> {
  await db.query('select setseed(0.42)');
  await db.exec(
    `create table bench_seed as select row_number() over (order by content_hash, content_ordinal) as k, * from seizures where duplicate_of is null`,
  );
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from bench_seed');
  const seedRows = rows[0]!.n;
  // Bulk-load practice: statistics never read the seizures table, so its secondary indexes are dropped and its
  // foreign-key triggers skipped while the generated rows go in (the rollups are what is measured).
  await db.exec(`truncate seizures cascade; truncate record_changes;
    drop index seizures_likely, seizures_date, seizures_country_date, seizures_import, seizures_kg_table;
    alter table seizures drop constraint seizures_content_hash_content_ordinal_key;`);
  const chunk = 250_000;
  for (let done = 0; done < n; done += chunk) {
    const size = Math.min(chunk, n - done);
    await db.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica');
      await tx.query(
        `insert into seizures (id, origin, seizure_date, country, country_text, admin_division, place, drug_code, drug_text, quantity, quantity_text,
         unit_code, unit_text, kg, kg_table, kg_note, transport_mode, producing_countries, departure_country, destination_country,
         import_id, source_row, content_hash, content_ordinal, likely_key)
       select gen_random_uuid(), 'BENCH', make_date(2011 + (random() * 13.999)::int % 14, 1, 1) + (random() * 364)::int,
              s.country, s.country_text, s.admin_division, s.place, s.drug_code, s.drug_text, s.quantity * f, s.quantity_text,
              s.unit_code, s.unit_text, s.kg * f, s.kg_table, s.kg_note, s.transport_mode, s.producing_countries, s.departure_country,
              s.destination_country, $3::uuid, g, md5(g::text), 1, md5(g::text)
         from (select g, 1 + floor(random() * $2)::int as k, 0.5 + random() as f from generate_series($1::bigint + 1, $1::bigint + $4) g) x
         join bench_seed s on s.k = x.k`,
        [done, seedRows, seedImportId, size],
      );
    });
    process.stderr.write(`\rgenerated ${(done + size).toLocaleString('en-US')} rows`);
  }
  process.stderr.write('\n');
  await db.exec('drop table bench_seed; analyze seizures;');
  await db.transaction((tx) => rebuildRollups(tx));
  // Fresh tables have no planner statistics yet; a running node's autovacuum gathers them.
  await db.exec(
    'analyze seizure_rollups; analyze seizure_yearly_rollups; analyze seizure_drug_monthly_rollups; analyze seizure_daily_rollups; analyze seizure_route_rollups; analyze seizure_route_yearly_rollups; analyze reported_totals;',
  );
}

async function benchStats(): Promise<string> {
  const n = option('rows', 1_000_000);
  const runs = option('runs', 30);
  const s = await prepared();
  try {
    await loadDemoRegistry(s.db, 'BENCH');
    const dir = mkdtempSync(path.join(tmpdir(), 'liaison-bench-in-'));
    const seedFile = await idsInput(option('seed-lines', 60_000), dir);
    const { imp } = await importForFile(s.db, {
      filePath: seedFile,
      fileName: 'seed.csv',
      mapping: null,
      mappingName: null,
      createdBy: 'bench',
    });
    await runImport(s.db, imp.id, { agencyCode: 'BENCH' });
    rmSync(dir, { recursive: true, force: true });
    const { imp: wdr } = await importForFile(s.db, {
      filePath: WDR_XLSX,
      fileName: 'wdr.xlsx',
      mapping: null,
      mappingName: null,
      createdBy: 'bench',
    });
    await runImport(s.db, wdr.id, { agencyCode: 'BENCH' });
    const g0 = performance.now();
    await generate(s.db, n, imp.id);
    const genMs = performance.now() - g0;
    const sizes = (
      await s.db.query<{ s: number; m: number; d: number; r: number }>(
        `select (select count(*) from seizures)::int as s, (select count(*) from seizure_rollups)::int as m,
                (select count(*) from seizure_daily_rollups)::int as d, (select count(*) from seizure_route_rollups)::int as r`,
      )
    ).rows[0]!;
    add(
      `generated ${sizes.s.toLocaleString('en-US')} seizures; rollups: ${sizes.m.toLocaleString('en-US')} monthly, ${sizes.d.toLocaleString('en-US')} daily, ${sizes.r.toLocaleString('en-US')} route rows`,
      `${fmt(genMs / 1000, 0)} s`,
      '-',
      '-',
    );
    const mechanisms = [...(await membershipIntervals(s.db)).keys()].map((k) => k.split('\u0000')[0]!);
    const mechanism = mechanisms.includes('SCO') ? 'SCO' : (mechanisms[0] ?? 'SCO');
    const db = s.db;
    const queries: [string, () => Promise<unknown>][] = [
      ['totals by country, all years', () => totals(db, ['country'], {})],
      ['totals by region and year', () => totals(db, ['region', 'year'], {})],
      ['totals by drug group, one year', () => totals(db, ['drugGroup'], { from: '2016-01', to: '2016-12' })],
      ['top drugs, one region (142 Asia)', () => totals(db, ['drug'], { areas: ['142'] })],
      [
        'monthly series by drug group, 2020-2024',
        () => totals(db, ['month', 'drugGroup'], { from: '2020-01', to: '2024-12' }),
      ],
      [
        'monthly series by drug group, 2011-2024 (all 14 years)',
        () => totals(db, ['month', 'drugGroup'], { from: '2011-01', to: '2024-12' }),
      ],
      ['year-on-year, one country (CO)', () => totals(db, ['year'], { countries: ['CO'] })],
      [`totals by mechanism membership at the time (all mechanisms)`, () => totals(db, ['mechanism'], {})],
      [
        `share: ${mechanism} heroin in Asia + Europe`,
        () =>
          Promise.all([
            totals(db, [], { mechanisms: [mechanism], drugs: ['heroin'] }),
            totals(db, [], { areas: ['142', '150'], drugs: ['heroin'] }),
          ]),
      ],
      ['top 20 routes', () => topRoutes(db, {}, 20)],
      [
        'reconciliation 2018-2022, a page of 500 (WDR annex beside records)',
        () => reconciliation(db, { fromYear: 2018, toYear: 2022 }, 500),
      ],
      [
        'reconciliation 2018-2022, one country (IN)',
        () => reconciliation(db, { fromYear: 2018, toYear: 2022, countries: ['IN'] }, 20_000),
      ],
      ['home-page summary', () => summary(db)],
      [
        'with duplicates: totals by country and year',
        () => totals(db, ['country', 'year'], { includeDuplicates: true }),
      ],
    ];
    const baseline = await timeEach(Math.max(3, Math.floor(runs / 10)), () =>
      db.query('select country, sum(kg), count(*) from seizures where duplicate_of is null group by 1'),
    );
    for (const [what, fn] of queries) {
      await fn();
      const r = await timeEach(runs, fn);
      add(
        what,
        `${fmt(r.p50, 1)} / ${fmt(r.p95, 1)} ms`,
        what === 'totals by country, all years'
          ? `${fmt(baseline.p50, 0)} / ${fmt(baseline.p95, 0)} ms scanning the seizures table`
          : '-',
        '-',
      );
    }
    return s.engine;
  } finally {
    await s.close();
  }
}

const started = Date.now();
const engine = which === 'stats' ? await benchStats() : await benchImport();
const command = `${process.env.DATABASE_URL ? 'DATABASE_URL=... ' : ''}npx tsx bench/seizures.ts ${args.join(' ')}`;
console.log(
  `\nSeizure benchmark (${which}) on ${engine}; ${machine()}; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB; ` +
    `took ${fmt((Date.now() - started) / 1000, 0)} s; command: \`${command}\`\n`,
);
console.log(
  which === 'stats'
    ? '| what | p50 / p95 | baseline (same run) | ratio |'
    : '| what | measured | baseline (same run) | ratio |',
);
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
