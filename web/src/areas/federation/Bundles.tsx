import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { Field } from '../../ui/Field';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { download, type ExportedBundle, exportBundle, importBundle } from './bundleApi';
import { fileSize } from './bundleFile';
import { ActionError, FederationNav, useAction, useCanManage } from './Common';
import { FEDERATION_API, type ImportSummary, type Partner } from './model';
import { useResource } from './useResource';

/**
 * Bundle files for partners out of network reach: export what a partner may receive as a signed file (optionally
 * encrypted to it) and carry it over; import a partner's file, applied exactly like a pull. Administrators only.
 */
export default function Bundles() {
  const { t } = useTranslation();
  const manage = useCanManage();
  const [partners] = useResource<Partner[]>(manage ? `${FEDERATION_API}/partners` : null);
  const title = t('federation.bundles.title');
  return (
    <article className="area federation" data-area="federation">
      <PageHeading title={title}>{title}</PageHeading>
      <FederationNav />
      <p className="lead">{t('federation.bundles.lead')}</p>
      {manage ? (
        <div className="fed-grid">
          <LoadState loadable={partners}>{(list) => <ExportForm partners={list} />}</LoadState>
          <ImportForm />
        </div>
      ) : (
        <Notice tone="info">{t('federation.bundles.adminsOnly')}</Notice>
      )}
    </article>
  );
}

function ExportForm({ partners }: { partners: Partner[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const active = partners.filter((p) => p.state === 'active');
  const [to, setTo] = useState(active[0]?.agency ?? '');
  const [encrypt, setEncrypt] = useState(true);
  const [after, setAfter] = useState('');
  const [done, setDone] = useState<ExportedBundle | null>(null);
  const action = useAction(exportBundle);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const position = after.trim() === '' ? undefined : Number(after);
    const result = await action.go({ to, encrypt, ...(position === undefined ? {} : { after: position }) });
    if (!result) return;
    download(result.file, result.name);
    setDone(result);
  };
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section className="card" aria-labelledby="fed-export-title">
      <h2 id="fed-export-title">{t('federation.bundles.export')}</h2>
      <p>{t('federation.bundles.exportLead')}</p>
      {active.length === 0 ? (
        <p>
          {t('federation.bundles.noPartners')}{' '}
          <Link to="/federation/pairing">{t('federation.overview.pairFirst')}</Link>
        </p>
      ) : (
        <form onSubmit={submit} className="fed-bundle-form">
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('federation.bundles.to')}</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
              {active.map((p) => (
                <option key={p.agency} value={p.agency}>
                  {p.agency} — {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="fed-check">
            <input
              id={`${id}-encrypt`}
              type="checkbox"
              checked={encrypt}
              onChange={(e) => setEncrypt(e.target.checked)}
            />
            <label htmlFor={`${id}-encrypt`}>{t('federation.bundles.encrypt')}</label>
          </div>
          <Field
            label={t('federation.bundles.after')}
            hint={t('federation.bundles.afterHint')}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={after}
            onChange={(e) => setAfter(e.target.value)}
          />
          <ActionError error={action.error} />
          {done && (
            <Notice tone="info">
              <span data-testid="bundle-exported">
                {t('federation.bundles.exported', { name: done.name, size: fileSize(done.file.size, n) })}
              </span>
              {done.facts?.until != null && (
                <>
                  {' '}
                  {t('federation.bundles.exportedRange', {
                    envelopes: n(done.facts.count ?? 0),
                    after: n(done.facts.after ?? 0),
                    until: n(done.facts.until),
                  })}
                </>
              )}
              {done.facts?.encrypted && <> {t('federation.bundles.exportedEncrypted')}</>}
            </Notice>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={action.busy || !to}>
              {action.busy ? t('federation.bundles.exporting') : t('federation.bundles.exportButton')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const action = useAction(importBundle);
  const n = (value: number) => formatNumber(value, locale);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setSummary(null);
    const result = await action.go(file);
    if (result) setSummary(result);
  };
  const tooLarge = action.error instanceof ApiError && action.error.status === 413;
  return (
    <section className="card" aria-labelledby="fed-import-title">
      <h2 id="fed-import-title">{t('federation.bundles.import')}</h2>
      <p>{t('federation.bundles.importLead')}</p>
      <form onSubmit={submit} className="fed-bundle-form">
        <Field
          label={t('federation.bundles.file')}
          hint={t('federation.bundles.fileHint')}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setSummary(null);
          }}
        />
        {file && (
          <p className="fed-muted">
            {t('federation.bundles.chosen', { name: file.name, size: fileSize(file.size, n) })}
          </p>
        )}
        {tooLarge && file ? (
          <Notice tone="error">
            {t('federation.bundles.tooLarge', {
              name: file.name,
              size: fileSize(file.size, n),
              detail: (action.error as ApiError).problem?.detail ?? '413',
            })}
          </Notice>
        ) : (
          <ActionError error={action.error} />
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy || !file}>
            {action.busy ? t('federation.bundles.importing') : t('federation.bundles.importButton')}
          </button>
        </div>
      </form>
      {summary && <ImportResult summary={summary} />}
    </section>
  );
}

function ImportResult({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <div className="fed-import-result" data-testid="bundle-imported" role="status">
      <h3>{t('federation.bundles.result', { agency: summary.from })}</h3>
      <dl className="facts">
        <dt>{t('federation.bundles.inFile')}</dt>
        <dd>{n(summary.count)}</dd>
        <dt>{t('federation.bundles.applied')}</dt>
        <dd data-testid="bundle-applied">{n(summary.applied)}</dd>
        <dt>{t('federation.bundles.skipped')}</dt>
        <dd>{n(summary.skipped)}</dd>
        <dt>{t('federation.bundles.quarantined')}</dt>
        <dd>{n(summary.quarantined)}</dd>
        <dt>{t('federation.bundles.placeholders')}</dt>
        <dd>{n(summary.placeholders)}</dd>
      </dl>
      {summary.reasons.length > 0 && (
        <>
          <h4>{t('federation.bundles.reasons')}</h4>
          <ul className="fed-reasons">
            {summary.reasons.map((reason, i) => (
              // Reasons may repeat (one per envelope); the position tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/federation/received">{t('federation.bundles.seeReceived')}</Link> ·{' '}
        <Link to={`/federation/partners/${summary.from}`}>{t('federation.bundles.seePartner')}</Link>
      </p>
    </div>
  );
}
