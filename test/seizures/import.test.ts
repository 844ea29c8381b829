import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/db.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { kgTable } from '../../src/reference/convert.js';
import { loadReferenceData } from '../../src/reference/load.js';
import { referenceIndex } from '../../src/reference/lookup.js';
import type { ReferenceData } from '../../src/reference/model.js';
import { previewImport } from '../../src/seizures/importer.js';
import { hasStale, recomputeKg } from '../../src/seizures/recompute.js';
import { reportCsv } from '../../src/seizures/report.js';
import type { ImportRow } from '../../src/seizures/store.js';
import { resetTestDb, type TestDb } from '../support/db.js';
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

// Import behaviour on slices of the IDS file: lines 1-20,000, 10,000-30,000 and 1-30,000.
describe.skipIf(!HAVE_DATA)('importing IDS slices', () => {
  let t: TestDb;
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = tempDir();
    await idsSlice(file('a.csv'), 20_000);
    await idsSlice(file('b.csv'), 30_000, 10_000);
    await idsSlice(file('ab.csv'), 30_000);
    t = await seizureDb();
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
    removeDir(dir);
  });

  const fresh = async (db: Db) => {
    await resetTestDb(db);
    await migrate(db);
    await loadReferenceData(db);
  };

  it('accounts for every row of a slice and writes one outbox row per record', async () => {
    const imp = await importFile(t.db, file('a.csv'));
    expect(counts(imp)).toEqual({
      rowsRead: 19_999,
      accepted: 17_809,
      duplicates: 2_188,
      rejected: 2,
      alreadyImported: 0,
    });
    const { rows } = await t.db.query<{
      n: number;
      h2: number;
      empty: number;
      dated: number;
      unstored: number;
    }>(
      `select count(*)::int as n, count(*) filter (where c.handling = 'H2')::int as h2,
              count(*) filter (where c.audience = '{"agencies": [], "mechanisms": [], "taskForces": []}'::jsonb)::int as empty,
              count(*) filter (where c.record_date = s.seizure_date
                and outbox_payload(c.record_type, c.record_id)->>'date' = to_char(s.seizure_date, 'YYYY-MM-DD'))::int as dated,
              count(*) filter (where c.payload is null)::int as unstored
         from record_changes c join seizures s on s.id = c.record_id where c.record_type = 'seizures.seizure' and c.version = 1`,
    );
    // The payload is read from the seizures row (migration 0009), not stored a second time.
    expect(rows[0]).toEqual({ n: 19_997, h2: 19_997, empty: 19_997, dated: 19_997, unstored: 19_997 });
  });

  it('stores the route as reported and the warnings of each row as normalisation gave them', async () => {
    const imp = (await t.db.query<ImportRow>('select * from seizure_imports order by created_at limit 1'))
      .rows[0]!;
    const { rows: prepared } = await previewImport(imp, 20_000);
    const expected = new Map<number, { route: Record<string, string>; warnings: string[] }>();
    for (const p of prepared) {
      if (p.ok && p.seizure) expected.set(p.rowNo, { route: p.seizure.route.reported, warnings: p.warnings });
    }
    const { rows } = await t.db.query<{
      source_row: number;
      route_reported: Record<string, string>;
      warnings: string[];
    }>('select source_row, route_reported, warnings from seizures where import_id = $1', [imp.id]);
    expect(rows).toHaveLength(19_997);
    const stored = new Map(
      rows.map((r) => [r.source_row, { route: r.route_reported, warnings: r.warnings }]),
    );
    expect(stored).toEqual(expected);
    // The slice has both: rows with reported routes and warnings, and rows with neither.
    expect(rows.some((r) => Object.keys(r.route_reported).length > 1)).toBe(true);
    expect(rows.some((r) => r.warnings.length > 0)).toBe(true);
    expect(rows.some((r) => Object.keys(r.route_reported).length === 0)).toBe(true);
  });

  it('keeps the rollups equal to the records they summarise', async () => {
    const { rows } = await t.db.query<{ diff: number }>(
      `select count(*)::int as diff from (
         select country, drug_code, date_trunc('month', seizure_date)::date as month, duplicate_of is not null as duplicate,
                count(*) as n, count(kg) as n_kg, round(coalesce(sum(kg), 0)::numeric, 6) as kg from seizures group by 1, 2, 3, 4
         except
         select country, drug_code, month, duplicate, n, n_kg, round(kg::numeric, 6) from seizure_rollups) x`,
    );
    expect(rows[0]!.diff).toBe(0);
    const yearly = await t.db.query<{ diff: number }>(
      `select count(*)::int as diff from (
         select country, drug_code, extract(year from month)::int, duplicate, sum(n), round(sum(kg)::numeric, 6) from seizure_rollups group by 1, 2, 3, 4
         except select country, drug_code, year, duplicate, n, round(kg::numeric, 6) from seizure_yearly_rollups) x`,
    );
    expect(yearly.rows[0]!.diff).toBe(0);
    const byDrug = await t.db.query<{ diff: number }>(
      `select count(*)::int as diff from (
         select drug_code, month, duplicate, sum(n), round(sum(kg)::numeric, 6) from seizure_rollups group by 1, 2, 3
         except select drug_code, month, duplicate, n, round(kg::numeric, 6) from seizure_drug_monthly_rollups) x`,
    );
    expect(byDrug.rows[0]!.diff).toBe(0);
    const routeYears = await t.db.query<{ diff: number; rows: number; grouped: number }>(
      `select (select count(*)::int from (
         select departure, destination, drug_code, extract(year from month)::int, duplicate, sum(n), round(sum(kg)::numeric, 6)
           from seizure_route_rollups group by 1, 2, 3, 4, 5
         except select departure, destination, drug_code, year, duplicate, n, round(kg::numeric, 6) from seizure_route_yearly_rollups) x) as diff,
         (select count(*)::int from seizure_route_yearly_rollups) as rows,
         (select count(distinct (departure, destination, drug_code, extract(year from month), duplicate))::int
            from seizure_route_rollups) as grouped`,
    );
    const route = routeYears.rows[0]!;
    expect([route.diff, route.rows]).toEqual([0, route.grouped]);
    expect(route.rows).toBeGreaterThan(0);
  });

  it('gives a report with one line per input row that adds up to the counts', async () => {
    const imp = (
      await t.db.query<{ id: string }>('select id from seizure_imports order by created_at limit 1')
    ).rows[0]!;
    let csv = '';
    for await (const chunk of reportCsv(t.db, imp.id, 'seizures')) csv += chunk;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('row,outcome,rule,field,reason,record_id,duplicate_of');
    expect(lines.length - 1).toBe(19_999);
    const rows = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(new Set(rows).size).toBe(19_999);
    expect(Math.min(...rows)).toBe(2);
    const outcomes = lines.slice(1).reduce<Record<string, number>>((acc, l) => {
      const o = l.split(',')[1]!;
      acc[o] = (acc[o] ?? 0) + 1;
      return acc;
    }, {});
    expect(outcomes).toEqual({ accepted: 17_809, duplicate: 2_188, rejected: 2 });
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await snapshot(t.db);
    const again = await importFile(t.db, file('a.csv'));
    expect(counts(again)).toEqual({
      rowsRead: 19_999,
      accepted: 0,
      duplicates: 0,
      rejected: 2,
      alreadyImported: 19_997,
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('adds only the new rows of an overlapping file, and ends where one clean import of both ends', async () => {
    const overlap = await importFile(t.db, file('b.csv'));
    expect(overlap.already_imported).toBeGreaterThan(9_000);
    expect(overlap.accepted + overlap.duplicates + overlap.rejected + overlap.already_imported).toBe(20_000);
    const twoSteps = await snapshot(t.db);
    await fresh(t.db);
    const clean = await importFile(t.db, file('ab.csv'));
    expect(clean.rows_read).toBe(29_999);
    const one = await snapshot(t.db);
    expect(one.outbox).toEqual(twoSteps.outbox);
    expect(one.rollups).toEqual(twoSteps.rollups);
    expect(one.routes).toEqual(twoSteps.routes);
    expect(one.daily).toEqual(twoSteps.daily);
    expect(one.seizures.length).toBe(twoSteps.seizures.length);
    const key = (r: Record<string, unknown>) => JSON.stringify({ ...r, source_row: undefined });
    const a = new Set(one.seizures.map(key));
    expect(
      twoSteps.seizures
        .map(key)
        .filter((k) => !a.has(k))
        .slice(0, 3),
    ).toEqual([]);
  });

  it('converts again with a new conversion table version and rebuilds the rollups', async () => {
    const data = referenceIndex().data;
    const current = data.conversionTables.find((x) => x.isCurrent)!;
    const next = { ...current, version: 'test-2', name: 'test table 2', isCurrent: false };
    const changed: ReferenceData = {
      ...data,
      conversionTables: [...data.conversionTables, next],
      // Every tablet of this table weighs 1 g; every other row as before.
      unitConversions: [
        ...data.unitConversions,
        ...data.unitConversions
          .filter((r) => r.tableVersion === current.version)
          .map((r) => ({
            ...r,
            tableVersion: 'test-2',
            kgEquivalent: r.unitCode === 'tablet' ? 0.001 : r.kgEquivalent,
          })),
      ],
      conversionParameters: data.conversionParameters,
    };
    await t.db.query(
      `insert into conversion_tables (version, name, description, published_on, is_current, content_hash) values ('test-2', 'test', 'test', '2026-01-01', false, 'x')`,
    );
    const tablets = await t.db.query<{ n: number; q: number }>(
      "select count(*)::int as n, sum(quantity)::float8 as q from seizures where unit_code = 'tablet'",
    );
    const table = kgTable(changed, 'test-2');
    expect(await hasStale(t.db, 'test-2')).toBe(true);
    const result = await recomputeKg(t.db, table);
    expect(result.seizures).toBe(
      (await t.db.query<{ n: number }>('select count(*)::int as n from seizures')).rows[0]!.n,
    );
    expect(await hasStale(t.db, 'test-2')).toBe(false);
    const after = await t.db.query<{ kg: number }>(
      "select sum(kg)::float8 as kg from seizures where unit_code = 'tablet'",
    );
    expect(after.rows[0]!.kg).toBeCloseTo(tablets.rows[0]!.q * 0.001, 6);
    const { rows } = await t.db.query<{ diff: number }>(
      `select count(*)::int as diff from (
         select country, drug_code, date_trunc('month', seizure_date)::date, duplicate_of is not null, count(*), round(coalesce(sum(kg), 0)::numeric, 6) from seizures group by 1, 2, 3, 4
         except select country, drug_code, month, duplicate, n, round(kg::numeric, 6) from seizure_rollups) x`,
    );
    expect(rows[0]!.diff).toBe(0);
  });
});
