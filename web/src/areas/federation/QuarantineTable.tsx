import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { Notice } from '../../ui/Notice';
import { ActionError, useAction, useCanManage, ViaName } from './Common';
import { formatDateTime } from './format';
import { FEDERATION_API, type QuarantineEntry } from './model';

interface RetryResult {
  outcome: 'applied' | 'skipped' | 'still-quarantined';
  reason: string | null;
}

/** Envelopes refused on arrival, with their reasons; an administrator may apply one again after fixing the cause. */
export function QuarantineTable({
  entries,
  onRetried,
}: {
  entries: QuarantineEntry[];
  onRetried: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const manage = useCanManage();
  const [result, setResult] = useState<RetryResult | null>(null);
  const action = useAction((id: string) =>
    api<RetryResult>(`${FEDERATION_API}/quarantine/${id}/retry`, { method: 'POST' }),
  );
  const retry = async (id: string) => {
    setResult(null);
    const r = await action.go(id);
    if (r) setResult(r);
    onRetried();
  };
  return (
    <>
      <ActionError error={action.error} />
      {result && (
        <Notice tone={result.outcome === 'still-quarantined' ? 'error' : 'info'}>
          {result.outcome === 'still-quarantined'
            ? t('federation.quarantine.still', { reason: result.reason ?? '' })
            : t('federation.quarantine.released')}
        </Notice>
      )}
      {entries.length === 0 ? (
        <p data-testid="quarantine-empty">{t('federation.quarantine.empty')}</p>
      ) : (
        <div className="fed-table-wrap">
          <table className="fed-table">
            <thead>
              <tr>
                <th scope="col">{t('federation.quarantine.when')}</th>
                <th scope="col">{t('federation.received.origin')}</th>
                <th scope="col">{t('federation.received.record')}</th>
                <th scope="col">{t('federation.received.version')}</th>
                <th scope="col">{t('federation.quarantine.reason')}</th>
                {manage && <th scope="col">{t('federation.quarantine.action')}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((q) => (
                <tr key={q.id}>
                  <td>
                    {formatDateTime(q.createdAt, locale)}
                    <span className="fed-muted">
                      {' · '}
                      <ViaName via={q.via} />
                    </span>
                  </td>
                  <td>{q.origin ?? '—'}</td>
                  <td>
                    <code className="fed-id">{q.recordId ?? '—'}</code>
                  </td>
                  <td>{q.version === null ? '—' : formatNumber(q.version, locale)}</td>
                  <td>{q.reason}</td>
                  {manage && (
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        disabled={action.busy}
                        onClick={() => retry(q.id)}
                      >
                        {t('federation.quarantine.retry')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
