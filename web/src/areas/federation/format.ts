import type { Locale } from '../../api/types';

// Times and durations for the federation pages (format.ts in src/i18n has dates and numbers; sync state needs the
// time of day and "how long ago"). Intl does the wording, so no plural forms are needed in the translations.

const intl = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

/** "23 November 2026, 09:41" in the user's language and time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(
    `dt|${locale}`,
    () => new Intl.DateTimeFormat(intl(locale), { dateStyle: 'long', timeStyle: 'short' }),
  ).format(date);
}

/** A duration in the largest whole unit that fits: "45 seconds", "3 minutes", "2 hours", "4 days". */
export function formatDuration(seconds: number, locale: Locale): string {
  const steps: [Intl.NumberFormatOptions['unit'], number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const [unit, size] = steps.find(([, s]) => seconds >= s) ?? ['second', 1];
  return cached(
    `u|${locale}|${unit}`,
    () => new Intl.NumberFormat(intl(locale), { style: 'unit', unit, unitDisplay: 'long' }),
  ).format(Math.floor(seconds / size));
}
