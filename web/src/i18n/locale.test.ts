// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { initialLocale, localeAfterSignIn, matchLocale, readStoredLocale, storeLocale } from './locale';

describe('matchLocale', () => {
  it('reads every Chinese as the simplified Chinese UI, and Russian and English as themselves', () => {
    expect(matchLocale('zh')).toBe('zh-CN');
    expect(matchLocale('zh-CN')).toBe('zh-CN');
    expect(matchLocale('zh-Hans-SG')).toBe('zh-CN');
    expect(matchLocale('zh_TW')).toBe('zh-CN');
    expect(matchLocale('ru-KZ')).toBe('ru');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('fr-FR')).toBeUndefined();
  });
});

describe('initialLocale (before sign-in)', () => {
  it('keeps the language chosen earlier on this browser', () => {
    expect(initialLocale('ru', ['zh-CN'])).toBe('ru');
  });
  it('otherwise takes the first browser language that Liaison ships', () => {
    expect(initialLocale(null, ['fr-FR', 'ru-RU', 'en-US'])).toBe('ru');
    expect(initialLocale('klingon', ['zh-HK'])).toBe('zh-CN');
  });
  it('falls back to English', () => {
    expect(initialLocale(null, ['fr', 'de'])).toBe('en');
    expect(initialLocale(null, [])).toBe('en');
  });
});

describe('localeAfterSignIn', () => {
  it("adopts the account's language when nothing was picked on the sign-in screen", () => {
    expect(localeAfterSignIn('ru', undefined)).toEqual({ locale: 'ru', saveToAccount: false });
  });
  it('keeps a language picked on the sign-in screen and saves it to the account', () => {
    expect(localeAfterSignIn('en', 'zh-CN')).toEqual({ locale: 'zh-CN', saveToAccount: true });
  });
  it('saves nothing when the pick equals the account language', () => {
    expect(localeAfterSignIn('ru', 'ru')).toEqual({ locale: 'ru', saveToAccount: false });
  });
});

describe('stored language', () => {
  afterEach(() => window.localStorage.clear());
  it('round-trips through localStorage', () => {
    expect(readStoredLocale()).toBeNull();
    storeLocale('zh-CN');
    expect(readStoredLocale()).toBe('zh-CN');
  });
});
