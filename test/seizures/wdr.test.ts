import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRow } from '../../src/seizures/store.js';
import type { TestDb } from '../support/db.js';
import { counts, HAVE_DATA, importFile, seizureDb, WDR_XLSX } from './support.js';

describe.skipIf(!HAVE_DATA)('the WDR 2024 seizures annex', () => {
  let t: TestDb;
  let imp: ImportRow;
  beforeAll(async () => {
    t = await seizureDb();
    imp = await importFile(t.db, WDR_XLSX);
  }, 300_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('is recognised below its title row and imported as reported totals, every row accounted for', () => {
    expect(imp).toMatchObject({ status: 'done', layout: 'unodc-wdr-annex', kind: 'totals' });
    expect(counts(imp)).toEqual({
      rowsRead: 11_013,
      accepted: 10_605,
      duplicates: 336,
      rejected: 72,
      alreadyImported: 0,
    });
    expect(imp.accepted + imp.duplicates + imp.rejected).toBe(11_013);
  });

  it('rejects the blank quantities and keeps reported zeros', async () => {
    const rejected = await t.db.query<{ field: string; reason: string; n: number }>(
      'select field, reason, count(*)::int as n from seizure_import_rows where import_id = $1 group by 1, 2',
      [imp.id],
    );
    expect(rejected.rows).toEqual([{ field: 'quantity', reason: 'the quantity is blank', n: 72 }]);
    const zeros = await t.db.query<{ n: number }>(
      'select count(*)::int as n from reported_totals where quantity = 0',
    );
    expect(zeros.rows[0]!.n).toBeGreaterThan(1000);
  });

  it('adds nothing when the workbook is imported again', async () => {
    const again = await importFile(t.db, WDR_XLSX);
    expect(counts(again)).toEqual({
      rowsRead: 11_013,
      accepted: 0,
      duplicates: 0,
      rejected: 72,
      alreadyImported: 10_941,
    });
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from reported_totals');
    expect(rows[0]!.n).toBe(10_941);
  });
});
