import { describe, expect, it } from 'vitest';
import {
  difference,
  mergeIntervals,
  monthsBetween,
  share,
  splitByGrain,
  splitInterval,
  yearOnYear,
} from './stats.js';

describe('yearOnYear', () => {
  it('gives the change against the calendar year before, a missing year counting as zero', () => {
    const r = yearOnYear([
      { year: 2013, kg: 100, count: 10 },
      { year: 2014, kg: 150, count: 12 },
      { year: 2016, kg: 30, count: 3 },
    ]);
    expect(r.map((y) => y.year)).toEqual([2013, 2014, 2015, 2016]);
    expect(r[0]).toMatchObject({ kgChange: null, kgChangeRatio: null });
    expect(r[1]).toMatchObject({ kgChange: 50, kgChangeRatio: 0.5, countChange: 2 });
    expect(r[2]).toMatchObject({ kg: 0, kgChange: -150, kgChangeRatio: -1 });
    expect(r[3]).toMatchObject({ kg: 30, kgChange: 30, kgChangeRatio: null });
    expect(yearOnYear([])).toEqual([]);
  });
});

describe('share', () => {
  it('divides part by whole and refuses a zero whole', () => {
    expect(share({ kg: 25, count: 1 }, { kg: 100, count: 4 })).toMatchObject({
      kgShare: 0.25,
      countShare: 0.25,
    });
    expect(share({ kg: 0, count: 0 }, { kg: 0, count: 0 })).toMatchObject({
      kgShare: null,
      countShare: null,
    });
  });
});

describe('mergeIntervals', () => {
  it('merges overlapping and touching intervals, open ones last', () => {
    expect(
      mergeIntervals([
        { from: '2015-01-01', to: '2016-01-01' },
        { from: '2010-01-01', to: '2012-06-15' },
        { from: '2012-06-15', to: '2013-01-01' },
        { from: '2015-06-01', to: null },
      ]),
    ).toEqual([
      { from: '2010-01-01', to: '2013-01-01' },
      { from: '2015-01-01', to: null },
    ]);
    expect(
      mergeIntervals([
        { from: '2010-01-01', to: null },
        { from: '2011-01-01', to: '2012-01-01' },
      ]),
    ).toEqual([{ from: '2010-01-01', to: null }]);
  });
});

describe('splitInterval', () => {
  it('splits into whole months and the partial days at either end', () => {
    expect(splitInterval({ from: '2014-03-15', to: '2015-06-10' })).toEqual({
      fullMonths: { from: '2014-04-01', to: '2015-06-01' },
      partialDays: [
        { from: '2014-03-15', to: '2014-04-01' },
        { from: '2015-06-01', to: '2015-06-10' },
      ],
    });
    expect(splitInterval({ from: '2014-01-01', to: null })).toEqual({
      fullMonths: { from: '2014-01-01', to: null },
      partialDays: [],
    });
    expect(splitInterval({ from: '2014-01-01', to: '2014-03-01' })).toEqual({
      fullMonths: { from: '2014-01-01', to: '2014-03-01' },
      partialDays: [],
    });
    expect(splitInterval({ from: '2014-12-20', to: null })).toEqual({
      fullMonths: { from: '2015-01-01', to: null },
      partialDays: [{ from: '2014-12-20', to: '2015-01-01' }],
    });
  });

  it('keeps an interval inside one month as days only', () => {
    expect(splitInterval({ from: '2014-03-05', to: '2014-03-20' })).toEqual({
      fullMonths: null,
      partialDays: [{ from: '2014-03-05', to: '2014-03-20' }],
    });
    expect(splitInterval({ from: '2014-03-05', to: '2014-04-01' })).toEqual({
      fullMonths: null,
      partialDays: [{ from: '2014-03-05', to: '2014-04-01' }],
    });
  });
});

describe('monthsBetween and difference', () => {
  it('lists months inclusive across a year end', () => {
    expect(monthsBetween('2014-11-15', '2015-02-01')).toEqual([
      '2014-11-01',
      '2014-12-01',
      '2015-01-01',
      '2015-02-01',
    ]);
  });

  it('computes reconciliation differences', () => {
    expect(difference(100, 80)).toMatchObject({ reported: 100, recorded: 80, difference: -20 });
    expect(difference(100, 80).relative).toBeCloseTo(-0.2, 12);
    expect(difference(null, 5)).toMatchObject({ difference: null, relative: null });
    expect(difference(0, 5)).toMatchObject({ difference: 5, relative: null });
  });
});

describe('splitByGrain', () => {
  it('reads whole years from the yearly rollup, the months around them and the partial days', () => {
    expect(splitByGrain({ from: '2012-03-15', to: '2015-05-10' }, true)).toEqual({
      years: [{ from: 2013, to: 2015 }],
      months: [
        { from: '2012-04-01', to: '2013-01-01' },
        { from: '2015-01-01', to: '2015-05-01' },
      ],
      days: [
        { from: '2012-03-15', to: '2012-04-01' },
        { from: '2015-05-01', to: '2015-05-10' },
      ],
    });
    expect(splitByGrain({ from: '2001-01-01', to: null }, true)).toEqual({
      years: [{ from: 2001, to: null }],
      months: [],
      days: [],
    });
    expect(splitByGrain({ from: '2014-02-01', to: '2014-11-01' }, true)).toEqual({
      years: [],
      months: [{ from: '2014-02-01', to: '2014-11-01' }],
      days: [],
    });
    expect(splitByGrain({ from: '2012-03-15', to: '2015-05-10' }, false).years).toEqual([]);
  });
});
