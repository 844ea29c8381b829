import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totals } from '../../src/seizures/stats-store.js';
import type { ImportRow } from '../../src/seizures/store.js';
import type { TestDb } from '../support/db.js';
import { counts, HAVE_DATA, IDS_ZIP, importFile, seizureDb } from './support.js';

// The whole UNODC IDS file (311,038 rows), imported once per database straight from the zip. Slow by nature
// (a couple of minutes); every other import behaviour is tested on slices.
describe.skipIf(!HAVE_DATA)('the full IDS file', () => {
  let t: TestDb;
  let imp: ImportRow;
  beforeAll(async () => {
    t = await seizureDb();
    imp = await importFile(t.db, IDS_ZIP);
  }, 900_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('accounts for every row: accepted, flagged as duplicates or rejected, adding up to the rows read', () => {
    expect(imp.status).toBe('done');
    expect(imp.layout).toBe('unodc-ids');
    expect(counts(imp)).toEqual({
      rowsRead: 311_038,
      accepted: 265_681,
      duplicates: 45_310,
      rejected: 47,
      alreadyImported: 0,
    });
    expect(imp.accepted + imp.duplicates + imp.rejected + imp.already_imported).toBe(imp.rows_read);
  });

  it('rejects only rows a person can act on, each with its field and reason', async () => {
    const { rows } = await t.db.query<{ field: string; reason: string; n: number }>(
      'select field, reason, count(*)::int as n from seizure_import_rows where import_id = $1 group by 1, 2 order by 3 desc',
      [imp.id],
    );
    expect(rows).toEqual([
      { field: 'quantity', reason: 'the quantity is zero: a seizure of nothing is not a seizure', n: 26 },
      { field: 'unit', reason: 'the unit is blank', n: 20 },
      { field: 'quantity', reason: 'the quantity is blank', n: 1 },
    ]);
  });

  it('flags exact and likely duplicates, never drops them', async () => {
    const { rows } = await t.db.query<{ rule: string | null; n: number }>(
      'select duplicate_rule as rule, count(*)::int as n from seizures group by 1 order by 1 nulls first',
    );
    const byRule = Object.fromEntries(rows.map((r) => [r.rule ?? 'original', r.n]));
    expect(byRule.original).toBe(265_681);
    expect(byRule.exact! + byRule.likely!).toBe(45_310);
    expect(byRule.exact).toBeGreaterThan(40_000);
    expect(byRule.likely).toBeGreaterThan(500);
  });

  it('normalised every country string of the file (no row rejected for its country)', async () => {
    const { rows } = await t.db.query<{ n: number; strings: number }>(
      `select (select count(*)::int from seizure_import_rows where import_id = $1 and field = 'country') as n,
              (select count(distinct country_text)::int from seizures) as strings`,
      [imp.id],
    );
    expect(rows[0]).toEqual({ n: 0, strings: expect.any(Number) });
    expect(rows[0]!.strings).toBeGreaterThan(100);
    // Route fields too: every producing, departure and destination country resolved (no "not a known country"
    // warning); the only warnings are units without a kilogram equivalent (units, pieces, pills, doses...).
    const warned = await t.db.query<{ warning: string; n: number }>(
      `select split_part(w, ':', 1) as warning, count(*)::int as n
         from seizures, jsonb_array_elements_text(warnings) as w group by 1 order by 1`,
    );
    expect(warned.rows).toEqual([{ warning: 'no kilogram equivalent', n: 7_425 }]);
    expect(imp.warnings).toBe(7_425);
  });

  it('published every record to the outbox and kept the rollups equal to the records', async () => {
    const { rows } = await t.db.query<{
      outbox: number;
      records: number;
      rolled: number;
      kg_rows: number;
      rolled_kg: number;
    }>(
      `select (select count(*)::int from record_changes where record_type = 'seizures.seizure') as outbox,
              (select count(*)::int from seizures) as records,
              (select sum(n)::int from seizure_rollups) as rolled,
              (select count(kg)::int from seizures) as kg_rows,
              (select sum(n_kg)::int from seizure_rollups) as rolled_kg`,
    );
    expect(rows[0]).toEqual({
      outbox: 311_038 - 47,
      records: 311_038 - 47,
      rolled: 311_038 - 47,
      kg_rows: rows[0]!.rolled_kg,
      rolled_kg: rows[0]!.kg_rows,
    });
    const byYear = await totals(t.db, ['year'], { includeDuplicates: false });
    expect(byYear.map((r) => r.keys.year)).toEqual([2011, 2012, 2013, 2014, 2015, 2016]);
    expect(byYear.reduce((s, r) => s + r.count, 0)).toBe(265_681);
  });
});
