import type { Locale } from '../api/types';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'ru'];

/**
 * Each language named in itself, so a person finds their own language whatever language the page is in.
 * These are the same in every language, so they are not translation keys.
 */
export const LOCALE_AUTONYMS: Record<Locale, string> = { en: 'English', 'zh-CN': '中文', ru: 'Русский' };

const STORAGE_KEY = 'liaison.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The shipped language for a BCP 47 tag: any Chinese reads the simplified Chinese UI, any English the English one. */
export function matchLocale(tag: string): Locale | undefined {
  const language = tag.toLowerCase().split(/[-_]/)[0];
  if (language === 'zh') return 'zh-CN';
  if (language === 'ru') return 'ru';
  if (language === 'en') return 'en';
  return undefined;
}

/** Before sign-in: the language chosen earlier on this browser, else the browser's first language we ship, else English. */
export function initialLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return 'en';
}

/**
 * After sign-in the user's saved language wins, unless they picked a language on the sign-in screen just
 * now: then that choice is theirs and is saved to their account.
 */
export function localeAfterSignIn(
  userLocale: Locale,
  pickedBeforeSignIn: Locale | undefined,
): { locale: Locale; saveToAccount: boolean } {
  if (pickedBeforeSignIn && pickedBeforeSignIn !== userLocale)
    return { locale: pickedBeforeSignIn, saveToAccount: true };
  return { locale: userLocale, saveToAccount: false };
}

// Storage can be unavailable (privacy modes, quota): the language then lasts for this page only.
export function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See readStoredLocale.
  }
}
