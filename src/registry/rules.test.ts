import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkMeetingInLife,
  checkMembershipDates,
  checkOrder,
  daysOverdue,
  isIsoDate,
  isOverdue,
  periodsOverlap,
  searchForm,
  searchKey,
} from './rules.js';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
  });

  it('adds months, keeping month ends on month ends', () => {
    expect(addMonths('1995-05-01', 24)).toBe('1997-05-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2000-10-01', 60)).toBe('2005-10-01');
    expect(addMonths('2000-03-15', -3)).toBe('1999-12-15');
  });
});

describe('membership dates', () => {
  it('refuses a leave date before the join date, with both dates in the message', () => {
    expect(checkMembershipDates('2001-08-01', '2001-07-31')).toEqual([
      { field: 'leftOn', message: 'leave date 2001-07-31 is not after the join date 2001-08-01' },
    ]);
  });
  it('refuses leaving on the day of joining (a membership lasts at least a day)', () => {
    expect(checkMembershipDates('2001-08-01', '2001-08-01')).toHaveLength(1);
  });
  it('accepts an open membership and a later leave date', () => {
    expect(checkMembershipDates('2001-08-01', null)).toEqual([]);
    expect(checkMembershipDates('2001-08-01', '2001-08-02')).toEqual([]);
  });
  it('finds overlapping half-open periods', () => {
    expect(
      periodsOverlap(
        { joinedOn: '2000-01-01', leftOn: '2001-01-01' },
        { joinedOn: '2001-01-01', leftOn: null },
      ),
    ).toBe(false);
    expect(
      periodsOverlap(
        { joinedOn: '2000-01-01', leftOn: '2001-01-02' },
        { joinedOn: '2001-01-01', leftOn: null },
      ),
    ).toBe(true);
    expect(
      periodsOverlap({ joinedOn: '2000-01-01', leftOn: null }, { joinedOn: '1990-01-01', leftOn: null }),
    ).toBe(true);
  });
});

describe("a meeting within its mechanism's life", () => {
  const life = { code: 'GMS-MOU', establishedOn: '1993-10-01', dissolvedOn: '2020-01-01' };
  it('refuses a meeting before the establishment', () => {
    expect(checkMeetingInLife(life, '1993-09-30', null)).toEqual([
      { field: 'startsOn', message: '1993-09-30 is before mechanism GMS-MOU was established (1993-10-01)' },
    ]);
  });
  it('refuses a meeting that ends on or after the dissolution', () => {
    expect(checkMeetingInLife(life, '2019-12-30', '2020-01-01')).toEqual([
      { field: 'endsOn', message: '2020-01-01 is not before mechanism GMS-MOU was dissolved (2020-01-01)' },
    ]);
  });
  it('accepts meetings inside, and any date when the life is unknown', () => {
    expect(checkMeetingInLife(life, '1995-05-01', '1995-05-03')).toEqual([]);
    expect(
      checkMeetingInLife({ code: 'X', establishedOn: null, dissolvedOn: null }, '1800-01-01', null),
    ).toEqual([]);
  });
  it('orders a start and an end', () => {
    expect(
      checkOrder({ field: 'startsOn', value: '2001-01-02' }, { field: 'endsOn', value: '2001-01-01' }),
    ).toEqual([{ field: 'endsOn', message: '2001-01-01 is before startsOn 2001-01-02' }]);
  });
});

describe('overdue commitments', () => {
  it('is overdue after the due date while open or in progress', () => {
    expect(isOverdue({ dueOn: '2005-10-01', status: 'open' }, '2005-10-02')).toBe(true);
    expect(isOverdue({ dueOn: '2005-10-01', status: 'in_progress' }, '2005-10-02')).toBe(true);
    expect(isOverdue({ dueOn: '2005-10-01', status: 'open' }, '2005-10-01')).toBe(false);
    expect(isOverdue({ dueOn: '2005-10-01', status: 'done' }, '2030-01-01')).toBe(false);
    expect(isOverdue({ dueOn: '2005-10-01', status: 'dropped' }, '2030-01-01')).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'open' }, '2030-01-01')).toBe(false);
  });
  it('counts the days late', () => {
    expect(daysOverdue({ dueOn: '2024-02-28', status: 'open' }, '2024-03-01')).toBe(2);
    expect(daysOverdue({ dueOn: '2024-02-28', status: 'done' }, '2024-03-01')).toBe(0);
  });
});

describe('search form', () => {
  it('folds width, case, accents and punctuation, and keeps Chinese and Cyrillic', () => {
    expect(searchForm('ＧＲＥＡＴＥＲ-Mekong')).toBe('greater mekong');
    expect(searchForm('大湄公河次区域')).toBe('大湄公河次区域');
    expect(searchForm('Большого Меконга')).toBe('большого меконга');
    expect(searchForm('Côte d’Ivoire')).toBe('cote d ivoire');
  });
  it('joins several names so that a query cannot span two of them', () => {
    const key = searchKey(['Greater Mekong', null, '大湄公河', undefined, 'GMS-MOU']);
    expect(key).toBe('greater mekong | 大湄公河 | gms mou');
    expect(key.includes(searchForm('mekong 大湄'))).toBe(false);
  });
});
