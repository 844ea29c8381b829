import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { FederationNav, RECORD_STATE_NAMES, ViaName } from './Common';
import { formatDateTime } from './format';
import { FEDERATION_API, type ReceivedRecord, recordState } from './model';
import { useResource } from './useResource';

const PAGE = 100;

/** Records received from partners: origin, type, version, handling and state, a page at a time. */
export default function ReceivedList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const origin = params.get('origin') ?? '';
  const type = params.get('type') ?? '';
  const after = params.get('after') ?? '';
  const [originText, setOrigin] = useState(origin);
  const [typeText, setType] = useState(type);
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (origin) query.set('origin', origin);
  if (type) query.set('type', type);
  if (after) query.set('after', after);
  const [list] = useResource<ReceivedRecord[]>(`${FEDERATION_API}/received?${query}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (originText.trim()) next.origin = originText.trim().toUpperCase();
    if (typeText.trim()) next.type = typeText.trim();
    setParams(next);
  };
  const title = t('federation.received.title');
  return (
    <article className="area federation" data-area="federation">
      <PageHeading title={title}>{title}</PageHeading>
      <FederationNav />
      <search>
        <form onSubmit={submit} className="fed-filters">
          <div className="field">
            <label htmlFor="fed-received-origin">{t('federation.received.origin')}</label>
            <input id="fed-received-origin" value={originText} onChange={(e) => setOrigin(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="fed-received-type">{t('federation.received.type')}</label>
            <input id="fed-received-type" value={typeText} onChange={(e) => setType(e.target.value)} />
          </div>
          <button type="submit" className="primary">
            {t('federation.common.filter')}
          </button>
        </form>
      </search>
      <LoadState loadable={list}>
        {(rows) => (
          <>
            <ReceivedTable rows={rows} />
            {rows.length === PAGE && (
              <nav className="pager" aria-label={t('federation.common.pages')}>
                <button
                  type="button"
                  onClick={() => {
                    const last = rows.at(-1) as ReceivedRecord;
                    const next = new URLSearchParams(params);
                    next.set('after', `${last.origin}/${last.id}`);
                    setParams(next);
                  }}
                >
                  {t('federation.common.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </LoadState>
    </article>
  );
}

function ReceivedTable({ rows }: { rows: ReceivedRecord[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!rows.length) return <p role="status">{t('federation.received.empty')}</p>;
  return (
    <div className="fed-table-wrap">
      <table className="fed-table" data-testid="received-list">
        <thead>
          <tr>
            <th scope="col">{t('federation.received.record')}</th>
            <th scope="col">{t('federation.received.origin')}</th>
            <th scope="col">{t('federation.received.type')}</th>
            <th scope="col">{t('federation.received.version')}</th>
            <th scope="col">{t('federation.banner.handling')}</th>
            <th scope="col">{t('federation.received.state')}</th>
            <th scope="col">{t('federation.banner.received')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.origin}/${r.id}`}>
              <th scope="row">
                <Link to={`/federation/received/${r.origin}/${r.id}`} state={{ record: r }}>
                  <code className="fed-id">{r.id}</code>
                </Link>
              </th>
              <td>{r.origin}</td>
              <td>{r.type ?? '—'}</td>
              <td>{formatNumber(r.version, locale)}</td>
              <td>{r.handling ?? '—'}</td>
              <td>{t(RECORD_STATE_NAMES[recordState(r)])}</td>
              <td>
                <ViaName via={r.via} />
                {r.via && ` · ${formatDateTime(r.receivedAt, locale)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
