import type { Locale } from '../../api/types';

const intl = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

/**
 * An amount in its currency as the locale writes money ("CN¥500,000.00", "500 000,00 CN¥"), whole amounts
 * without decimals. A code Intl does not know is written after the number, as given.
 */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(intl(locale), {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(intl(locale)).format(amount)} ${currency}`;
  }
}
