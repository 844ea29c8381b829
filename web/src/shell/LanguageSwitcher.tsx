import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_AUTONYMS, LOCALES } from '../i18n/locale';
import { useLocale } from '../i18n/useLocale';
import { useSession } from '../session/session';

/**
 * The three languages as buttons, each written in its own language and script, so a person who cannot read
 * the current language still finds theirs.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { chooseLanguage } = useSession();
  const locale = useLocale();
  const [failed, setFailed] = useState(false);
  return (
    <div className="language-switcher">
      <fieldset className="language-buttons">
        <legend className="visually-hidden">{t('language.label')}</legend>
        {LOCALES.map((l) => (
          <button
            key={l}
            type="button"
            lang={l}
            aria-pressed={l === locale}
            onClick={() => {
              setFailed(false);
              chooseLanguage(l).catch(() => setFailed(true));
            }}
          >
            {LOCALE_AUTONYMS[l]}
          </button>
        ))}
      </fieldset>
      {failed && (
        <p className="language-error" role="alert">
          {t('language.notSaved')}
        </p>
      )}
    </div>
  );
}
