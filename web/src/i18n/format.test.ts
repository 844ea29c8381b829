import { describe, expect, it } from 'vitest';
import { countryName, formatDate, formatNumber } from './format';

// Intl output uses narrow no-break spaces and no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting for the locale', () => {
  it('groups digits the way each language writes them', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(plain(formatNumber(1234567, 'ru'))).toBe('1 234 567');
    expect(plain(formatNumber(0.5, 'ru'))).toBe('0,5');
  });

  it('writes dates in words, the international way in English', () => {
    const iso = '2024-05-01T12:00:00Z';
    expect(formatDate(iso, 'en')).toBe('1 May 2024');
    expect(formatDate(iso, 'zh-CN')).toBe('2024年5月1日');
    expect(plain(formatDate(iso, 'ru'))).toBe('1 мая 2024 г.');
  });

  it('gives back what it cannot read instead of "Invalid Date"', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatDate('', 'ru')).toBe('');
  });

  it("names countries in the user's language from the browser's own data", () => {
    expect(countryName('CN', 'en')).toBe('China');
    expect(countryName('CN', 'zh-CN')).toBe('中国');
    expect(countryName('RU', 'ru')).toBe('Россия');
    expect(countryName('KZ', 'zh-CN')).toBe('哈萨克斯坦');
  });
});
