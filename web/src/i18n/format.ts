import type { Locale } from '../api/types';

// Intl formatters are costly to build and pure: keep one per locale and style.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
  key: string,
  make: () => T,
): T {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter as T;
}

/**
 * English dates are written the international way ("23 November 2026", as the UN writes them), not the US way.
 * Chinese and Russian use their own locale as is.
 */
function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}

/** A calendar date written out for the locale: "1 May 2024", "2024年5月1日", "1 мая 2024 г.". */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(
    `d|${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long' }),
  ).format(date);
}

/** A country's name in the locale from its ISO 3166 alpha-2 code, from the browser's own CLDR data. */
export function countryName(alpha2: string, locale: Locale): string {
  try {
    return (
      cached(`r|${locale}`, () => new Intl.DisplayNames([intlLocale(locale)], { type: 'region' })).of(
        alpha2,
      ) ?? alpha2
    );
  } catch {
    return alpha2;
  }
}
