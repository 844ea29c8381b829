import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/db.js';
import { keepStatistics } from './statistics.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.exec('create table bulk (id int primary key, grp int not null)');
});
afterAll(() => t?.cleanup());

const analysedRows = async (table = 'bulk') =>
  Number(
    (
      await t.db.query<{ n: number }>('select reltuples::float8 as n from pg_class where relname = $1', [
        table,
      ])
    ).rows[0]?.n,
  );

describe('keeping planner statistics after bulk writes', () => {
  it('analyses a table once enough rows were written since the last time', async () => {
    await t.db.query('insert into bulk select g, g % 7 from generate_series(1, 40) g');
    expect(await keepStatistics(t.db, { bulk: 40 })).toEqual([]);
    await t.db.query('insert into bulk select g, g % 7 from generate_series(41, 1000) g');
    expect(await keepStatistics(t.db, { bulk: 960 })).toEqual(['bulk']);
    expect(await analysedRows()).toBe(1000);
    // 1,000 + 50 more rows (the table doubled) are needed before the next analysis.
    await t.db.query('insert into bulk select g, g % 7 from generate_series(1001, 2000) g');
    expect(await keepStatistics(t.db, { bulk: 1000 })).toEqual([]);
    await t.db.query('insert into bulk select g, g % 7 from generate_series(2001, 2050) g');
    expect(await keepStatistics(t.db, { bulk: 50 })).toEqual(['bulk']);
    expect(await analysedRows()).toBe(2050);
  });

  it('analyses only the columns named for a table', async () => {
    await t.db.exec('create table wide (id int primary key, body text not null)');
    await t.db.query("insert into wide select g, repeat('x', 100) from generate_series(1, 500) g");
    expect(await keepStatistics(t.db, { wide: 500 }, { wide: ['id'] })).toEqual(['wide']);
    const { rows } = await t.db.query<{ attname: string }>(
      "select attname from pg_stats where tablename = 'wide' order by attname",
    );
    expect(rows.map((r) => r.attname)).toEqual(['id']);
  });

  it('samples coarsely: a statistics target of 10, not the default 100', async () => {
    await t.db.exec('create table sampled (id int primary key)');
    await t.db.query('insert into sampled select g from generate_series(1, 5000) g');
    expect(await keepStatistics(t.db, { sampled: 5000 })).toEqual(['sampled']);
    const { rows } = await t.db.query<{ bounds: number }>(
      "select array_length(histogram_bounds, 1) as bounds from pg_stats where tablename = 'sampled' and attname = 'id'",
    );
    // A histogram has at most target + 1 bounds.
    expect(Number(rows[0]?.bounds)).toBe(11);
    expect(await analysedRows('sampled')).toBe(5000);
  });

  it('refuses what is not a plain table name', async () => {
    await expect(keepStatistics(t.db, { 'bulk; drop table bulk': 1 })).rejects.toThrow(/not a table name/);
    await expect(keepStatistics(t.db, { bulk: 1 }, { bulk: ['id); drop table bulk; --'] })).rejects.toThrow(
      /not a column name/,
    );
  });
});
