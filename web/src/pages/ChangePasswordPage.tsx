import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type Message } from '../api/errors';
import { useMe, useSession } from '../session/session';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { newPasswordProblem } from './passwordRules';

/**
 * Shown instead of everything else while the account still has a one-time password: the node answers 403
 * to every other request until it is changed.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { changePassword, signOut } = useSession();
  const { user } = useMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = newPasswordProblem({ current, next, again, username: user.username });
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await changePassword(current, next);
    } catch (failure) {
      setError(describeError(failure, 'change-password'));
      setBusy(false);
    }
  }

  return (
    <div className="auth-layout">
      <header className="auth-bar">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="auth-main">
        <div className="auth-card">
          <PageHeading title={t('changePassword.title')}>{t('changePassword.title')}</PageHeading>
          <p className="lead">{t('changePassword.why', { name: user.displayName })}</p>
          {error && <Notice tone="error">{t(error.key, error.values)}</Notice>}
          <form onSubmit={submit} noValidate>
            {/* Lets password managers file the new password under the right account. */}
            <input
              type="text"
              name="username"
              autoComplete="username"
              value={user.username}
              readOnly
              hidden
            />
            <Field
              label={t('changePassword.current')}
              name="current-password"
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
            <Field
              label={t('changePassword.new')}
              hint={t('changePassword.rules', { min: 12 })}
              name="new-password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
            <Field
              label={t('changePassword.again')}
              name="new-password-again"
              type="password"
              autoComplete="new-password"
              required
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
            <div className="form-actions">
              <button type="submit" className="primary" disabled={busy}>
                {busy ? t('changePassword.busy') : t('changePassword.submit')}
              </button>
              <button type="button" className="secondary" onClick={() => void signOut()}>
                {t('shell.signOut')}
              </button>
            </div>
          </form>
        </div>
      </main>
    </div>
  );
}
