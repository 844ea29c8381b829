import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mapping } from '../../src/seizures/mapping.js';
import { yearOnYear } from '../../src/seizures/stats.js';
import {
  reconciliation,
  type StatsFilter,
  summary,
  topRoutes,
  totals,
  wholeYears,
} from '../../src/seizures/stats-store.js';
import type { TestDb } from '../support/db.js';
import { counts, importFile, removeDir, seizureDb, tempDir } from './support.js';

// A fixture small enough to compute by hand (kg in brackets):
const FIXTURE = `Date,Country,Drug,Quantity,Unit,Place,From,To
2014-01-10,China,Heroin,10,kg,Kunming,Myanmar,China
2014-01-20,China,Heroin,5000,g,Ruili,Myanmar,China
2014-03-15,Kazakhstan,Heroin,2,kg,Almaty,Afghanistan,Russian Federation
2014-03-10,Kazakhstan,Heroin,3,kg,Astana,Afghanistan,Russian Federation
2015-06-01,Germany,Cocaine,4,kg,Hamburg,Colombia,Germany
2015-02-01,China,Methamphetamine,10000,Tablet,Kunming,Myanmar,China
2015-02-01,China,Methamphetamine,1,kg,KUNMING,Myanmar,China
2014-01-10,China,Heroin,10,kg,Kunming,Myanmar,China
2015-01-05,China,Heroin,20,kg,Kunming,,
2015-01-05,Atlantis,Heroin,1,kg,Nowhere,,
2015-04-04,Afghanistan,Opium,600,kg,Kandahar,,
`;
// Row 8 repeats row 1 exactly (exact duplicate); row 7 is row 6 in kilograms at "KUNMING" (likely duplicate:
// 10,000 methamphetamine tablets at 0.1 g = 1 kg); row 10 is rejected (Atlantis).

const MAPPING: Mapping = {
  kind: 'seizures',
  columns: {
    date: 'Date',
    country: 'Country',
    drug: 'Drug',
    quantity: 'Quantity',
    unit: 'Unit',
    place: 'Place',
    departureCountry: 'From',
    destinationCountry: 'To',
  },
  numberFormat: 'point',
  dateFormat: 'iso',
};

const TOTALS = `Country;Drug;Year;Kilograms
China;Heroin;2014;20
Kazakhstan;Heroin;2014;5
Germany;Cocaine;2016;7
`;
const TOTALS_MAPPING: Mapping = {
  kind: 'totals',
  columns: { country: 'Country', drug: 'Drug', year: 'Year', quantity: 'Kilograms' },
  constants: { unit: 'kg' },
  numberFormat: 'point',
  dateFormat: 'iso',
};

describe('statistics on a hand-computed fixture', () => {
  let t: TestDb;
  let dir: string;
  const kgOf = (rows: { kg: number; count: number }[]) =>
    rows.map((r) => [Math.round(r.kg * 1e6) / 1e6, r.count]);

  beforeAll(async () => {
    dir = tempDir();
    t = await seizureDb();
    writeFileSync(path.join(dir, 'fixture.csv'), FIXTURE);
    writeFileSync(path.join(dir, 'totals.csv'), TOTALS);
    const imp = await importFile(t.db, path.join(dir, 'fixture.csv'), MAPPING);
    expect(counts(imp)).toEqual({
      rowsRead: 11,
      accepted: 8,
      duplicates: 2,
      rejected: 1,
      alreadyImported: 0,
    });
    expect((await importFile(t.db, path.join(dir, 'totals.csv'), TOTALS_MAPPING)).accepted).toBe(3);
    // The registry: TESTMECH has China since 2001 (two agencies, overlapping) and Kazakhstan from 12 March 2014;
    // OTHER has Germany from 15 June 2015.
    const agency = async (code: string, country: string) => {
      const id = uuidv7();
      await t.db.query(
        "insert into agencies (id, origin, code, country_alpha2, kind, name_en) values ($1, 'TEST', $2, $3, 'national_bureau', $2)",
        [id, code, country],
      );
      return id;
    };
    const mechanism = async (code: string) => {
      const id = uuidv7();
      await t.db.query(
        "insert into mechanisms (id, origin, code, kind, name_en) values ($1, 'TEST', $2, 'regional', $2)",
        [id, code],
      );
      return id;
    };
    const member = (m: string, a: string, joined: string, left: string | null = null, role = 'member') =>
      t.db.query(
        'insert into mechanism_memberships (id, origin, mechanism_id, agency_id, role, joined_on, left_on) values ($1, $2, $3, $4, $5, $6, $7)',
        [uuidv7(), 'TEST', m, a, role, joined, left],
      );
    const testmech = await mechanism('TESTMECH');
    const other = await mechanism('OTHER');
    const cn1 = await agency('CN-A', 'CN');
    const cn2 = await agency('CN-B', 'CN');
    const kz = await agency('KZ-A', 'KZ');
    const de = await agency('DE-A', 'DE');
    await member(testmech, cn1, '2001-06-15');
    await member(testmech, cn2, '2010-01-01', '2012-01-01');
    await member(testmech, kz, '2014-03-12');
    await member(testmech, de, '2010-01-01', null, 'observer');
    await member(other, de, '2015-06-15');
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
    removeDir(dir);
  });

  const by = (rows: { keys: Record<string, unknown>; kg: number; count: number }[], dim: string) =>
    Object.fromEntries(rows.map((r) => [String(r.keys[dim]), [Math.round(r.kg * 1e6) / 1e6, r.count]]));

  it('totals by country, without and with the flagged duplicates', async () => {
    expect(by(await totals(t.db, ['country'], {}), 'country')).toEqual({
      AF: [600, 1],
      CN: [36, 4],
      DE: [4, 1],
      KZ: [5, 2],
    });
    expect(by(await totals(t.db, ['country'], { includeDuplicates: true }), 'country')).toMatchObject({
      CN: [47, 6],
    });
  });

  it('totals by year and year-on-year change', async () => {
    const years = await totals(t.db, ['year'], {});
    expect(by(years, 'year')).toEqual({ 2014: [20, 4], 2015: [625, 4] });
    const yoy = yearOnYear(years.map((r) => ({ year: Number(r.keys.year), kg: r.kg, count: r.count })));
    expect(yoy[1]).toMatchObject({ year: 2015, kgChange: 605, kgChangeRatio: 30.25, countChange: 0 });
  });

  it('totals by region, drug group and month, and filters by area and period', async () => {
    expect(by(await totals(t.db, ['region'], {}), 'region')).toEqual({ 142: [641, 7], 150: [4, 1] });
    expect(by(await totals(t.db, ['drugGroup'], {}), 'drugGroup')).toEqual({
      opioids: [640, 6],
      ats: [1, 1],
      'cocaine-type': [4, 1],
    });
    expect(kgOf(await totals(t.db, [], { areas: ['150'] }))).toEqual([[4, 1]]);
    expect(by(await totals(t.db, ['month'], { from: '2014-01', to: '2014-03' }), 'month')).toEqual({
      '2014-01': [15, 2],
      '2014-03': [5, 2],
    });
    expect(kgOf(await totals(t.db, [], { drugGroups: ['opiates'], countries: ['CN'] }))).toEqual([[35, 3]]);
  });

  it('counts a country for a mechanism only while it was a member, to the day', async () => {
    const f: StatsFilter = { mechanisms: ['TESTMECH'] };
    // China throughout (its two memberships do not count it twice); Kazakhstan's 15 March seizure but not the 10 March one.
    expect(by(await totals(t.db, ['country'], f), 'country')).toEqual({ CN: [36, 4], KZ: [2, 1] });
    expect(by(await totals(t.db, ['mechanism'], {}), 'mechanism')).toEqual({ TESTMECH: [38, 5] });
    // Germany joined OTHER on 15 June 2015, after its 1 June seizure; observers are not members.
    expect(await totals(t.db, [], { mechanisms: ['OTHER'] })).toEqual([
      { keys: {}, kg: 0, count: 0, converted: 0 },
    ]);
  });

  it("gives a group's share of a larger total", async () => {
    const [part] = await totals(t.db, [], { mechanisms: ['TESTMECH'], drugs: ['heroin'] });
    const [whole] = await totals(t.db, [], { areas: ['142', '150'], drugs: ['heroin'] });
    expect([part!.kg, part!.count, whole!.kg, whole!.count]).toEqual([37, 4, 40, 5]);
  });

  it('ranks routes by kilograms', async () => {
    expect(await topRoutes(t.db, {}, 10)).toEqual([
      { departure: 'MM', destination: 'CN', kg: 16, count: 3 },
      { departure: 'AF', destination: 'RU', kg: 5, count: 2 },
      { departure: 'CO', destination: 'DE', kg: 4, count: 1 },
    ]);
  });

  it('answers whole years from the yearly route rollup exactly as from the monthly one', async () => {
    expect([
      wholeYears({}),
      wholeYears({ from: '2014-01', to: '2016-12' }),
      wholeYears({ from: '2014-02' }),
    ]).toEqual([true, true, false]);
    for (const f of [{}, { from: '2014-01', to: '2015-12' }, { from: '2015-01' }, { to: '2014-12' }]) {
      const monthly = await topRoutes(t.db, f, 10, 'month');
      expect(await topRoutes(t.db, f, 10)).toEqual(monthly);
    }
    expect(await topRoutes(t.db, { from: '2015-01', to: '2015-12' }, 10)).not.toEqual(
      await topRoutes(t.db, {}, 10),
    );
  });

  it('puts reported totals beside the sums of records', async () => {
    const rows = await reconciliation(
      t.db,
      { fromYear: 2014, toYear: 2016, drugs: ['heroin', 'cocaine-ns'] },
      100,
    );
    const at = (c: string, d: string, y: number) =>
      rows.find((r) => r.country === c && r.drug === d && r.year === y);
    expect(at('CN', 'heroin', 2014)).toMatchObject({
      reportedKg: 20,
      recordedKg: 15,
      recordedCount: 2,
      reportedRows: 1,
    });
    expect(at('KZ', 'heroin', 2014)).toMatchObject({ reportedKg: 5, recordedKg: 5 });
    expect(at('DE', 'cocaine-ns', 2016)).toMatchObject({ reportedKg: 7, recordedKg: 0, recordedCount: 0 });
    expect(at('CN', 'heroin', 2015)).toMatchObject({ reportedKg: null, recordedKg: 20 });
  });

  it('summarises for the home page', async () => {
    expect(await summary(t.db)).toMatchObject({
      seizures: 8,
      duplicates: 2,
      kg: 645,
      countries: 4,
      firstMonth: '2014-01',
      lastMonth: '2015-06',
      reportedTotals: 3,
    });
  });
});
