import { describe, expect, it } from 'vitest';
import { meetingBody, valuesOf } from './MeetingForm';
import { errorsByField, nameIn, pageWindow, recordTitle, timelineBar } from './model';
import { totalsByCountry } from './TrainingChart';

describe('registry model', () => {
  it('files the node’s field errors under the form’s fields, the rest under ""', () => {
    const problem = {
      title: 'Bad Request',
      status: 400,
      errors: [
        { path: '/body/endsOn', message: '2027-05-08 is before startsOn 2027-05-10' },
        { path: '/body/names/zh', message: 'too long' },
        { path: '/body/names', message: 'at least one name' },
        { path: '/body/participants/0/agency', message: 'not an agency' },
      ],
    };
    expect(errorsByField(problem, ['names/en', 'names/zh', 'names', 'endsOn'])).toEqual({
      endsOn: ['2027-05-08 is before startsOn 2027-05-10'],
      'names/zh': ['too long'],
      names: ['at least one name'],
      '': ['not an agency'],
    });
    expect(errorsByField(undefined, ['x'])).toEqual({});
  });

  it('pages through a list', () => {
    expect(pageWindow(45, 20, 0)).toEqual({ from: 1, to: 20, previous: null, next: 20 });
    expect(pageWindow(45, 20, 40)).toEqual({ from: 41, to: 45, previous: 20, next: null });
    expect(pageWindow(0, 20, 0)).toEqual({ from: 0, to: 0, previous: null, next: null });
  });

  it('places timeline bars between the first date and today', () => {
    expect(timelineBar('2000-01-01', null, '2000-01-01', '2010-01-01')).toEqual({ left: 0, width: 100 });
    const later = timelineBar('2005-01-01', '2010-01-01', '2000-01-01', '2020-01-01');
    expect(later.left).toBeCloseTo(25, 0);
    expect(later.width).toBeCloseTo(25, 0);
  });

  it('names a record in the user’s language, falling back to another, then its code', () => {
    const names = { en: 'Greater Mekong', zh: '大湄公河', ru: null };
    expect(nameIn(names, 'zh-CN')).toBe('大湄公河');
    expect(nameIn(names, 'ru')).toBe('Greater Mekong');
    expect(
      recordTitle({ id: 'x', version: 1, demo: false, source: null, notes: null, code: 'GMS-MOU' }, 'en'),
    ).toBe('GMS-MOU');
  });

  it('builds a meeting body: a new meeting leaves out empty fields, a change clears them', () => {
    const values = {
      ...valuesOf(undefined),
      mechanism: 'GMS-MOU',
      nameEn: ' Senior officials ',
      startsOn: '2027-05-10',
      country: 'la',
    };
    expect(meetingBody(values, false)).toEqual({
      names: { en: 'Senior officials' },
      mechanism: 'GMS-MOU',
      level: 'senior_officials',
      startsOn: '2027-05-10',
      status: 'planned',
      country: 'LA',
    });
    expect(meetingBody(values, true)).toMatchObject({
      names: { en: 'Senior officials', zh: null, ru: null },
      endsOn: null,
      place: null,
    });
  });

  it('adds up officers trained by country over the years, largest first', () => {
    const rows = [
      { countries: 'AF', year: 2003, officers: 50, isMinimum: false, programmes: 1 },
      { countries: 'LA+MM', year: 2004, officers: 175, isMinimum: true, programmes: 1 },
      { countries: 'AF', year: 2004, officers: 150, isMinimum: false, programmes: 1 },
      { countries: 'TH', year: 2004, officers: 0, isMinimum: false, programmes: 1 },
    ];
    expect(totalsByCountry(rows)).toEqual([
      { countries: 'AF', officers: 200, isMinimum: false },
      { countries: 'LA+MM', officers: 175, isMinimum: true },
    ]);
  });
});
