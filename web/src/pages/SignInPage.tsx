import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type Message } from '../api/errors';
import { type SignedOutReason, useSession } from '../session/session';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';

export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError({ key: 'signIn.missing' });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
    } catch (failure) {
      setError(describeError(failure, 'sign-in'));
      setPassword('');
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
          <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
          <p className="lead">{t('app.tagline')}</p>
          {reason === 'signed-out' && <Notice tone="info">{t('signIn.signedOut')}</Notice>}
          {reason === 'session-ended' && <Notice tone="info">{t('errors.sessionEnded')}</Notice>}
          {error && <Notice tone="error">{t(error.key, error.values)}</Notice>}
          <form onSubmit={submit} noValidate>
            <Field
              label={t('signIn.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
            <Field
              label={t('signIn.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('signIn.busy') : t('signIn.submit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
