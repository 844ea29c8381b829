import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { ActionError, useAction, useCanManage } from './Common';
import { formatDateTime, formatDuration } from './format';
import { FEDERATION_API, type Partner, type PullReport, type Sync } from './model';
import { QuarantineTable } from './QuarantineTable';
import { useResource } from './useResource';

/** A partner's sync page: last pull, cursor and lag, errors, counts, quarantine, and "pull now". */
export function SyncPanel({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const [sync, reload] = useResource<Sync>(`${FEDERATION_API}/partners/${partner.agency}/sync`);
  return (
    <>
      <section className="card" aria-labelledby="fed-sync-title">
        <h2 id="fed-sync-title">{t('federation.sync.title')}</h2>
        <LoadState loadable={sync}>{(s) => <SyncFacts sync={s} />}</LoadState>
        {useCanManage() && partner.state === 'active' && (
          <PullNow agency={partner.agency} onPulled={reload} />
        )}
      </section>
      <section className="card" aria-labelledby="fed-quarantine-title">
        <h2 id="fed-quarantine-title">{t('federation.quarantine.title')}</h2>
        <p>{t('federation.quarantine.lead')}</p>
        <LoadState loadable={sync}>
          {(s) => <QuarantineTable entries={s.recentQuarantine} onRetried={reload} />}
        </LoadState>
      </section>
    </>
  );
}

function SyncFacts({ sync }: { sync: Sync }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t('federation.sync.never'));
  const n = (value: number) => formatNumber(value, locale);
  return (
    <dl className="facts" data-testid="sync-facts">
      <dt>{t('federation.sync.lastPull')}</dt>
      <dd>{when(sync.lastSuccessAt)}</dd>
      <dt>{t('federation.sync.lastAttempt')}</dt>
      <dd>{when(sync.lastAttemptAt)}</dd>
      <dt>{t('federation.sync.cursor')}</dt>
      <dd>{t('federation.sync.cursorOf', { cursor: n(sync.cursor), head: n(sync.head) })}</dd>
      <dt>{t('federation.sync.lag')}</dt>
      <dd>
        {t('federation.sync.lagEntries', { entries: n(sync.lagEntries) })}
        {sync.lagSeconds !== null &&
          ` · ${t('federation.sync.since', { duration: formatDuration(sync.lagSeconds, locale) })}`}
      </dd>
      <dt>{t('federation.sync.errors')}</dt>
      <dd>
        {sync.lastError ? (
          <>
            <span className="fed-error-text">{sync.lastError}</span>
            {sync.lastErrorAt && ` · ${formatDateTime(sync.lastErrorAt, locale)}`}
            {` · ${t('federation.sync.failures', { n: n(sync.failures) })}`}
          </>
        ) : (
          t('federation.sync.noErrors')
        )}
      </dd>
      <dt>{t('federation.sync.counts')}</dt>
      <dd>
        {t('federation.sync.countsText', {
          applied: n(sync.applied),
          skipped: n(sync.skipped),
          quarantined: n(sync.quarantined),
        })}
      </dd>
      <dt>{t('federation.sync.notices')}</dt>
      <dd>
        {n(sync.notices)}
        {sync.lastNoticeAt && ` · ${formatDateTime(sync.lastNoticeAt, locale)}`}
      </dd>
      <dt>{t('federation.sync.held')}</dt>
      <dd>{n(sync.recordsHeld)}</dd>
      <dt>{t('federation.sync.sent')}</dt>
      <dd>{n(sync.recordsSent)}</dd>
    </dl>
  );
}

function PullNow({ agency, onPulled }: { agency: string; onPulled: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [report, setReport] = useState<PullReport | null>(null);
  const action = useAction(() =>
    api<PullReport>(`${FEDERATION_API}/partners/${agency}/pull`, { method: 'POST' }),
  );
  const pull = async () => {
    setReport(null);
    const result = await action.go();
    if (result) setReport(result);
    onPulled();
  };
  const n = (value: number) => formatNumber(value, locale);
  return (
    <div className="fed-pull">
      <ActionError error={action.error} />
      {report && (
        <Notice tone="info">
          {t('federation.sync.pulled', {
            applied: n(report.applied),
            skipped: n(report.skipped),
            quarantined: n(report.quarantined),
          })}
        </Notice>
      )}
      <button type="button" className="primary" disabled={action.busy} onClick={pull}>
        {action.busy ? t('federation.sync.pulling') : t('federation.sync.pullNow')}
      </button>
    </div>
  );
}
