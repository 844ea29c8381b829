import { describe, expect, it } from 'vitest';
import { adTotals, officersByCountry, type TrainingFacts } from './totals.js';

const programme = (p: Partial<TrainingFacts> & { id: string }): TrainingFacts => ({
  startsOn: null,
  endsOn: null,
  participants: [],
  officersTotal: null,
  officersTotalIsMinimum: false,
  ...p,
});

describe('officers trained by country and year', () => {
  it('adds counts by country and keeps a joint figure joint', () => {
    const rows = officersByCountry([
      programme({
        id: 'a',
        startsOn: '2002-01-01',
        participants: [{ country: 'MM' }, { country: 'LA' }],
        officersTotal: 175,
      }),
      programme({
        id: 'b',
        endsOn: '2004-12-31',
        participants: [
          { country: 'MM', officers: 20 },
          { country: 'LA', officers: 10 },
        ],
        officersTotal: 30,
      }),
      programme({
        id: 'c',
        endsOn: '2004-06-30',
        participants: [{ country: 'MM', officers: 5 }, { country: 'TH' }],
        officersTotal: 12,
      }),
    ]);
    expect(rows).toEqual([
      { countries: 'LA', year: 2004, officers: 10, isMinimum: false, programmes: 1 },
      { countries: 'LA+MM', year: 2002, officers: 175, isMinimum: false, programmes: 1 },
      { countries: 'MM', year: 2004, officers: 25, isMinimum: false, programmes: 2 },
      { countries: 'TH', year: 2004, officers: 7, isMinimum: false, programmes: 1 },
    ]);
  });
  it('marks "over N" figures and keeps programmes without countries as unallocated', () => {
    const rows = officersByCountry([
      programme({
        id: 'af',
        participants: [{ country: 'AF' }],
        officersTotal: 200,
        officersTotalIsMinimum: true,
      }),
      programme({ id: 'sco', officersTotal: 69 }),
    ]);
    expect(rows).toEqual([
      { countries: 'AF', year: null, officers: 200, isMinimum: true, programmes: 1 },
      { countries: 'unallocated', year: null, officers: 69, isMinimum: false, programmes: 1 },
    ]);
  });
  it('keeps only programmes that overlap the period asked for', () => {
    const all = [
      programme({
        id: 'x',
        startsOn: '2001-01-01',
        endsOn: '2001-12-31',
        participants: [{ country: 'MM', officers: 1 }],
        officersTotal: 1,
      }),
      programme({
        id: 'y',
        startsOn: '2010-01-01',
        participants: [{ country: 'MM', officers: 2 }],
        officersTotal: 2,
      }),
      programme({ id: 'undated', participants: [{ country: 'MM', officers: 4 }], officersTotal: 4 }),
    ];
    expect(officersByCountry(all, '2001-06-01', '2005-01-01').map((r) => r.officers)).toEqual([1]);
    expect(officersByCountry(all).reduce((n, r) => n + r.officers, 0)).toBe(7);
  });
});

describe('alternative-development totals', () => {
  const projects = [
    {
      id: 'mm',
      countries: ['MM'],
      areaValue: 550_000,
      areaUnit: 'mu',
      areaAsOf: '2003-12-31',
      startsOn: null,
      endsOn: null,
      funding: [],
    },
    {
      id: 'la',
      countries: ['LA'],
      areaValue: 70_000,
      areaUnit: 'mu',
      areaAsOf: '2003-12-31',
      startsOn: null,
      endsOn: null,
      funding: [],
    },
    {
      id: 'ha',
      countries: ['LA'],
      areaValue: 100,
      areaUnit: 'ha',
      areaAsOf: '2003-06-30',
      startsOn: null,
      endsOn: null,
      funding: [],
    },
    {
      id: 'usd',
      countries: ['LA'],
      areaValue: null,
      areaUnit: null,
      areaAsOf: null,
      startsOn: '2003-01-01',
      endsOn: null,
      funding: [
        { amount: 500_000, currency: 'CNY', on: '2003-01-01' },
        { amount: 100_000, currency: 'USD', on: '2003-05-01' },
      ],
    },
  ];
  it('adds areas in hectares (15 mu = 1 ha) by country and year', () => {
    const rows = adTotals(projects);
    expect(rows.map((r) => [r.countries, r.year, Math.round(r.hectares * 100) / 100])).toEqual([
      ['LA', 2003, 4766.67],
      ['MM', 2003, 36666.67],
    ]);
  });
  it('keeps funding per original currency and converts with the dated rate', () => {
    const rates = [
      { currency: 'USD', toCurrency: 'CNY', rate: 8.27, validOn: '2003-01-01' },
      { currency: 'USD', toCurrency: 'CNY', rate: 9, validOn: '2003-06-01' },
    ];
    const la = adTotals(projects, { currency: 'CNY', rates }).find((r) => r.countries === 'LA');
    expect(la?.funding).toEqual({ CNY: 500_000, USD: 100_000 });
    expect(la?.converted).toBeCloseTo(500_000 + 827_000, 6);
    expect(la?.unconverted).toEqual([]);
  });
  it('reports amounts it cannot convert instead of guessing', () => {
    const la = adTotals(projects, { currency: 'EUR', rates: [] }).find((r) => r.countries === 'LA');
    expect(la?.converted).toBeNull();
    expect(la?.unconverted.map((u) => u.reason)).toEqual([
      'no CNY→EUR exchange rate valid on 2003-01-01; enter one',
      'no USD→EUR exchange rate valid on 2003-05-01; enter one',
    ]);
  });
});
