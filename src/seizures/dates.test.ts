import { describe, expect, it } from 'vitest';
import { parseDate, parseYear } from './dates.js';

const d = (v: string | Date | number, f: 'iso' | 'dmy' | 'mdy') => {
  const r = parseDate(v, f);
  return r.ok ? r.value : r.reason;
};

describe('parseDate', () => {
  it('reads ISO dates, with or without a time', () => {
    expect(d('2014-03-09', 'iso')).toBe('2014-03-09');
    expect(d('2014-3-9', 'iso')).toBe('2014-03-09');
    expect(d('2014-03-09T10:00:00Z', 'iso')).toBe('2014-03-09');
  });

  it('reads day-first and month-first dates only as the mapping says', () => {
    expect(d('09/03/2014', 'dmy')).toBe('2014-03-09');
    expect(d('9.3.2014', 'dmy')).toBe('2014-03-09');
    expect(d('03/09/2014', 'mdy')).toBe('2014-03-09');
    expect(d('09/03/2014', 'iso')).toBe('invalid');
    expect(d('13/13/2014', 'dmy')).toBe('invalid');
  });

  it('refuses impossible and blank dates', () => {
    expect(d('2015-02-29', 'iso')).toBe('invalid');
    expect(d('2016-02-29', 'iso')).toBe('2016-02-29');
    expect(d('1850-01-01', 'iso')).toBe('invalid');
    expect(d('', 'iso')).toBe('blank');
  });

  it('takes a spreadsheet date at its UTC day', () => {
    expect(d(new Date(Date.UTC(2020, 0, 31)), 'dmy')).toBe('2020-01-31');
  });
});

describe('parseYear', () => {
  it('reads four-digit years', () => {
    expect(parseYear(2022)).toEqual({ ok: true, value: 2022 });
    expect(parseYear(' 2019 ')).toEqual({ ok: true, value: 2019 });
    expect(parseYear('19')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(parseYear('')).toMatchObject({ ok: false, reason: 'blank' });
  });
});
