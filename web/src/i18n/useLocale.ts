import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { isLocale } from './locale';

/** The page's language; components using it re-render when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : 'en';
}
