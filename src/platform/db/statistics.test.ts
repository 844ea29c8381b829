import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/db.js';
import { keepStatistics } from './statistics.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.exec('create table bulk (id int primary key, grp int not null)');
});
afterAll(() => t?.cleanup());

const analysedRows = async () =>
  Number(
    (await t.db.query<{ n: number }>("select reltuples::float8 as n from pg_class where relname = 'bulk'"))
      .rows[0]?.n,
  );

describe('keeping planner statistics after bulk writes', () => {
  it('analyses a table once enough rows were written since the last time', async () => {
    await t.db.query('insert into bulk select g, g % 7 from generate_series(1, 40) g');
    expect(await keepStatistics(t.db, { bulk: 40 })).toEqual([]);
    await t.db.query('insert into bulk select g, g % 7 from generate_series(41, 1000) g');
    expect(await keepStatistics(t.db, { bulk: 960 })).toEqual(['bulk']);
    expect(await analysedRows()).toBe(1000);
    // 10% of 1,000 + 50 more rows are needed before the next analysis.
    await t.db.query('insert into bulk select g, g % 7 from generate_series(1001, 1100) g');
    expect(await keepStatistics(t.db, { bulk: 100 })).toEqual([]);
    await t.db.query('insert into bulk select g, g % 7 from generate_series(1101, 1200) g');
    expect(await keepStatistics(t.db, { bulk: 100 })).toEqual(['bulk']);
    expect(await analysedRows()).toBe(1200);
  });

  it('refuses what is not a plain table name', async () => {
    await expect(keepStatistics(t.db, { 'bulk; drop table bulk': 1 })).rejects.toThrow(/not a table name/);
  });
});
