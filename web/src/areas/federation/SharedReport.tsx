import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { FederationNav, RECORD_STATE_NAMES, ViaName } from './Common';
import { formatDateTime } from './format';
import { FEDERATION_API, type Partner, periodQuery, type SharedRow, sharedCsv } from './model';
import { useResource } from './useResource';

/** "What did we share with whom, when": every delivery from the audit log, by partner and period, as CSV too. */
export default function SharedReport() {
  const { t } = useTranslation();
  const [partners] = useResource<Partner[]>(`${FEDERATION_API}/partners`);
  const [form, setForm] = useState({ partner: '', since: '', until: '' });
  const [applied, setApplied] = useState(form);
  const [rows] = useResource<SharedRow[]>(
    `${FEDERATION_API}/report/shared?${periodQuery(applied.partner, applied.since, applied.until)}`,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(form);
  };
  const title = t('federation.report.title');
  return (
    <article className="area federation" data-area="federation">
      <PageHeading title={title}>{title}</PageHeading>
      <FederationNav />
      <p className="lead">{t('federation.report.lead')}</p>
      <search>
        <form onSubmit={submit} className="fed-filters">
          <div className="field">
            <label htmlFor="fed-report-partner">{t('federation.report.partner')}</label>
            <select
              id="fed-report-partner"
              value={form.partner}
              onChange={(e) => setForm({ ...form, partner: e.target.value })}
            >
              <option value="">{t('federation.report.allPartners')}</option>
              {(partners.state === 'ready' ? partners.data : []).map((p) => (
                <option key={p.agency} value={p.agency}>
                  {p.agency} · {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fed-report-since">{t('federation.report.since')}</label>
            <input
              id="fed-report-since"
              type="date"
              value={form.since}
              onChange={(e) => setForm({ ...form, since: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="fed-report-until">{t('federation.report.until')}</label>
            <input
              id="fed-report-until"
              type="date"
              value={form.until}
              onChange={(e) => setForm({ ...form, until: e.target.value })}
            />
          </div>
          <button type="submit" className="primary">
            {t('federation.common.filter')}
          </button>
        </form>
      </search>
      <LoadState loadable={rows}>{(list) => <ReportTable rows={list} />}</LoadState>
    </article>
  );
}

function ReportTable({ rows }: { rows: SharedRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const header = [
    t('federation.report.at'),
    t('federation.report.partner'),
    t('federation.report.how'),
    t('federation.received.origin'),
    t('federation.received.type'),
    t('federation.received.record'),
    t('federation.received.version'),
    t('federation.received.state'),
    t('federation.banner.handling'),
  ];
  const download = () => {
    const blob = new Blob([`\uFEFF${sharedCsv(rows, header)}`], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'liaison-shared.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <>
      <p role="status">{t('federation.report.count', { n: formatNumber(rows.length, locale) })}</p>
      {rows.length > 0 && (
        <p>
          <button type="button" className="secondary" onClick={download}>
            {t('federation.report.csv')}
          </button>
        </p>
      )}
      {rows.length > 0 && (
        <div className="fed-table-wrap">
          <table className="fed-table" data-testid="shared-report">
            <thead>
              <tr>
                {header.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                // One delivery may list the same record twice over time; the position keeps rows apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are a fixed, ordered report
                <tr key={i}>
                  <td>{formatDateTime(r.at, locale)}</td>
                  <td>{r.partner}</td>
                  <td>
                    <ViaName via={r.how} />
                  </td>
                  <td>{r.origin}</td>
                  <td>{r.type}</td>
                  <td>
                    <code className="fed-id">{r.id}</code>
                  </td>
                  <td>{formatNumber(r.version, locale)}</td>
                  <td>
                    <KindName kind={r.kind} />
                  </td>
                  <td>{r.handling ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** What went: content or a kind of tombstone. */
function KindName({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const key = kind in RECORD_STATE_NAMES ? RECORD_STATE_NAMES[kind as keyof typeof RECORD_STATE_NAMES] : null;
  return <>{key ? t(key) : kind}</>;
}
