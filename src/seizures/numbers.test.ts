import { describe, expect, it } from 'vitest';
import { parseNumber } from './numbers.js';

const ok = (text: string | number, format: 'point' | 'comma' | 'auto') => {
  const r = parseNumber(text, format);
  return r.ok ? r.value : r.reason;
};

describe('parseNumber', () => {
  it('reads decimal-point numbers with grouping and exponents', () => {
    expect(ok('1,234.5', 'point')).toBe(1234.5);
    expect(ok('1 234.5', 'point')).toBe(1234.5);
    expect(ok("1'234'567.25", 'point')).toBe(1234567.25);
    expect(ok('1\u00a0234.5', 'point')).toBe(1234.5);
    expect(ok('1234.5', 'point')).toBe(1234.5);
    expect(ok('490.0', 'point')).toBe(490);
    expect(ok('5e-05', 'point')).toBe(0.00005);
    expect(ok('2.5E-3', 'point')).toBe(0.0025);
    expect(ok('.5', 'point')).toBe(0.5);
    expect(ok('-3', 'point')).toBe(-3);
  });

  it('reads decimal-comma numbers', () => {
    expect(ok('1.234,5', 'comma')).toBe(1234.5);
    expect(ok('1 234,5', 'comma')).toBe(1234.5);
    expect(ok('1\u202f234,5', 'comma')).toBe(1234.5);
    expect(ok('0,25', 'comma')).toBe(0.25);
    expect(ok('12', 'comma')).toBe(12);
  });

  it('refuses malformed groups and mixed separators', () => {
    expect(ok('1,23.5', 'point')).toBe('invalid');
    expect(ok('1,2345', 'point')).toBe('invalid');
    expect(ok('1.234,5', 'point')).toBe('invalid');
    expect(ok('1,234.5', 'comma')).toBe('invalid');
    expect(ok('1.2.3', 'point')).toBe('invalid');
    expect(ok('12 kg', 'point')).toBe('invalid');
    expect(ok('abc', 'auto')).toBe('invalid');
    expect(ok('1 234,5 678', 'comma')).toBe('invalid');
  });

  it('in auto mode reads unambiguous values and refuses ambiguous ones', () => {
    expect(ok('1.234,5', 'auto')).toBe(1234.5);
    expect(ok('1,234.5', 'auto')).toBe(1234.5);
    expect(ok('1 234,5', 'auto')).toBe(1234.5);
    expect(ok('1,5', 'auto')).toBe(1.5);
    expect(ok('1.5', 'auto')).toBe(1.5);
    expect(ok('1234', 'auto')).toBe(1234);
    expect(ok('1,234', 'auto')).toBe('ambiguous');
    expect(ok('1.500', 'auto')).toBe('ambiguous');
    const r = parseNumber('1,234', 'auto');
    expect(!r.ok && r.detail).toMatch(/1234.*1\.234|number format/);
  });

  it('passes spreadsheet numbers through and reports blanks', () => {
    expect(ok(12.5, 'comma')).toBe(12.5);
    expect(ok(Number.NaN, 'point')).toBe('invalid');
    expect(ok('  ', 'point')).toBe('blank');
    expect(parseNumber(null, 'point')).toMatchObject({ ok: false, reason: 'blank' });
  });
});
