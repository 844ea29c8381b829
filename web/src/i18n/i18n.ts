import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types';
import { storeLocale } from './locale';
import type en from './locales/en.json';

// Every t('…') key is checked by the compiler against the English file; scripts/check-i18n.ts checks the
// other languages against it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

// One file per language, fetched when first needed, so a page carries one language, not three.
const bundles: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./locales/en.json'),
  'zh-CN': () => import('./locales/zh-CN.json'),
  ru: () => import('./locales/ru.json'),
};

async function ensureBundle(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const { default: resources } = await bundles[locale]();
  i18next.addResourceBundle(locale, 'translation', resources, true, true);
}

function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
}

export async function startI18n(locale: Locale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: locale,
    // check-i18n guarantees every language has every key, so nothing falls back to another language.
    fallbackLng: false,
    supportedLngs: ['en', 'zh-CN', 'ru'],
    // Keep 'zh-CN' as one code; by default i18next would also look for a 'zh' bundle.
    load: 'currentOnly',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes what it renders.
    react: { useSuspense: false },
  });
  await ensureBundle(locale);
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
  return i18next;
}

/** Switches the page's language and remembers it on this browser (the account is the session's job). */
export async function switchLanguage(locale: Locale): Promise<void> {
  await ensureBundle(locale);
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
  storeLocale(locale);
}

export function currentLocale(): Locale {
  const language = i18next.language;
  return language === 'zh-CN' || language === 'ru' ? language : 'en';
}
