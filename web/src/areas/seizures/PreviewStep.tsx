import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useApiData } from '../../api/useApiData';
import { countryName, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { formatKg } from './format';
import { fieldLabel, OUTCOME_NAMES } from './labels';
import { type Preview, type PreviewRow, SEIZURES_API, type SeizureImport } from './model';

const PREVIEW_ROWS = 20;

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** Step 3: the first rows as the import will read them, each accepted or rejected with its reason; then run. */
export function PreviewStep({ imp, onBack }: { imp: SeizureImport; onBack: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const preview = useApiData<Preview>(`${SEIZURES_API}/imports/${imp.id}/preview?limit=${PREVIEW_ROWS}`);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    setError(null);
    api<SeizureImport>(`${SEIZURES_API}/imports/${imp.id}/run`, { method: 'POST' }).then(
      () => navigate(`/seizures/imports/${imp.id}`),
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  const message = error ? describeError(error) : undefined;
  return (
    <section className="card wizard-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.preview.title')}</h2>
      <p>{t('seizures.preview.help', { count: PREVIEW_ROWS })}</p>
      <LoadState loadable={preview}>
        {(data) => <PreviewTable rows={data.rows} totals={imp.kind === 'totals'} />}
      </LoadState>
      {message && <Notice tone="error">{t(message.key, message.values)}</Notice>}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onBack} disabled={busy}>
          {t('seizures.preview.back')}
        </button>
        <button type="button" className="primary" onClick={run} disabled={busy}>
          {t('seizures.preview.run')}
        </button>
      </div>
    </section>
  );
}

function PreviewTable({ rows, totals }: { rows: PreviewRow[]; totals: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="preview-table">
        <caption>{t('seizures.preview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('seizures.columns.row')}</th>
            <th scope="col">{t('seizures.columns.outcome')}</th>
            <th scope="col">{totals ? t('seizures.fields.year') : t('seizures.fields.date')}</th>
            <th scope="col">{t('seizures.fields.country')}</th>
            <th scope="col">{t('seizures.fields.drug')}</th>
            <th scope="col">{t('seizures.fields.quantity')}</th>
            <th scope="col">{t('seizures.columns.kg')}</th>
            <th scope="col">{t('seizures.columns.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = r.values ?? {};
            const kg = num(v.kg);
            const quantity = num(v.quantity);
            const field = r.field ? fieldLabel(r.field) : undefined;
            return (
              <tr key={r.row} className={r.outcome === 'rejected' ? 'row-rejected' : undefined}>
                <td>{formatNumber(r.row, locale)}</td>
                <td>{t(OUTCOME_NAMES[r.outcome] ?? 'seizures.outcomes.accepted')}</td>
                <td>{text(totals ? v.year : v.date)}</td>
                <td>{typeof v.country === 'string' ? countryName(v.country, locale) : ''}</td>
                <td>{text(v.drugText ?? v.drugCode)}</td>
                <td>{quantity === null ? '' : `${formatNumber(quantity, locale)} ${text(v.unitCode)}`}</td>
                <td>{kg === null ? '' : formatKg(kg, locale)}</td>
                <td>
                  {r.outcome === 'rejected' &&
                    t('seizures.preview.problem', {
                      field: field ? t(field) : (r.field ?? ''),
                      reason: r.reason ?? '',
                    })}
                  {r.warnings.length > 0 && <span className="warning-text">{r.warnings.join('; ')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
