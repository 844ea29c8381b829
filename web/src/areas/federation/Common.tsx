import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { describeError } from '../../api/errors';
import { useMe } from '../../session/session';
import { Notice } from '../../ui/Notice';
import { fingerprintRows, type Handling, type PartnerState, type Tombstone } from './model';

export const STATE_NAMES: Record<PartnerState, ParseKeys> = {
  pending: 'federation.state.pending',
  active: 'federation.state.active',
  suspended: 'federation.state.suspended',
};

export const HANDLING_NAMES: Record<Handling, ParseKeys> = {
  H0: 'federation.handling.H0',
  H1: 'federation.handling.H1',
  H2: 'federation.handling.H2',
  H3: 'federation.handling.H3',
};

export const RECORD_STATE_NAMES: Record<Tombstone | 'content' | 'placeholder', ParseKeys> = {
  content: 'federation.recordState.content',
  placeholder: 'federation.recordState.placeholder',
  retracted: 'federation.recordState.retracted',
  'access-revoked': 'federation.recordState.access-revoked',
  expired: 'federation.recordState.expired',
};

export const VIA_NAMES: Record<string, ParseKeys> = {
  pull: 'federation.via.pull',
  bundle: 'federation.via.bundle',
};

/** How a record came: by pull or in a bundle file. */
export function ViaName({ via }: { via: string | null }) {
  const { t } = useTranslation();
  const key = via ? VIA_NAMES[via] : undefined;
  return <>{key ? t(key) : (via ?? '—')}</>;
}

/** Whether the signed-in user may pair, confirm, pull, retry and change defaults (administrators). */
export function useCanManage(): boolean {
  return useMe().permissions.includes('federation:manage');
}

/** A fingerprint in numbered rows of four groups: read aloud one row at a time, compared on paper. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  const { t } = useTranslation();
  const rows = fingerprintRows(value);
  return (
    <div className="fed-fingerprint" data-testid={testId} data-fingerprint={rows.join(' ')}>
      <ol aria-label={t('federation.fingerprint.rows')}>
        {rows.map((row, i) => (
          // Rows are positions in one fixed string.
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity
          <li key={i}>
            <code className="fingerprint">{row}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function PartnerStateTag({ state }: { state: PartnerState }) {
  const { t } = useTranslation();
  return <span className={`fed-state fed-state-${state}`}>{t(STATE_NAMES[state])}</span>;
}

/** The federation area's own pages. */
export function FederationNav() {
  const { t } = useTranslation();
  const manage = useCanManage();
  const links: [string, ParseKeys][] = [
    ['/federation', 'federation.nav.overview'],
    ['/federation/pairing', 'federation.nav.pairing'],
    ['/federation/received', 'federation.nav.received'],
    ['/federation/report', 'federation.nav.report'],
    ['/federation/defaults', 'federation.nav.defaults'],
    // Only administrators export and import bundles.
    ...(manage ? ([['/federation/bundles', 'federation.nav.bundles']] as [string, ParseKeys][]) : []),
  ];
  return (
    <nav className="fed-nav" aria-label={t('federation.nav.label')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end={to === '/federation'}>
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A request started by a button: whether it runs, and its error in the user's language. */
export function useAction<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const go = async (...args: A): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await run(...args);
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, go };
}

export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = describeError(error);
  return <Notice tone="error">{t(message.key, message.values)}</Notice>;
}
