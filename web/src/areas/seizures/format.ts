import type { Locale } from '../../api/types';
import { formatNumber } from '../../i18n/format';

// Formats the seizure pages need beyond web/src/i18n/format.ts, with the same locale rule (English the UN way).
const intl = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

/** A kilogram figure: to the gram below 100 kg, whole kilograms above (more digits than that are noise). */
export function formatKg(kg: number, locale: Locale): string {
  return new Intl.NumberFormat(intl(locale), {
    maximumFractionDigits: Math.abs(kg) < 100 ? 3 : 0,
  }).format(kg);
}

/** A share or relative difference: 0.1234 → "12.3%". */
export function formatPercent(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(intl(locale), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** "2014-03" → "Mar 2014" / "2014年3月" / "март 2014 г.". */
export function formatMonth(month: string, locale: Locale): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(intl(locale), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}

/** A quantity as the file gave it, with its unit code. */
export function formatQuantity(quantity: number, unit: string, locale: Locale): string {
  return `${formatNumber(quantity, locale)} ${unit}`;
}

/** Bytes in the largest unit that keeps the figure above 1. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(intl(locale), { maximumFractionDigits: i ? 1 : 0 }).format(value)} ${units[i]}`;
}
