import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { DataTable } from './DataTable';
import { fieldLabel } from './labels';
import { countsAddUp, type ImportReport as Report, SEIZURES_API, type SeizureImport } from './model';

const REJECTED_SHOWN = 500;

/** The report of a finished import: counts that add up, rejections by reason and by row, the CSV download. */
export function ImportReport({ imp }: { imp: SeizureImport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const report = useApiData<Report>(
    `${SEIZURES_API}/imports/${imp.id}/report?outcome=rejected&limit=${REJECTED_SHOWN}`,
  );
  const c = imp.counts;
  const n = (v: number) => formatNumber(v, locale);
  const field = (f: string) => {
    const key = fieldLabel(f);
    return key ? t(key) : f;
  };
  return (
    <section className="card wizard-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.report.title')}</h2>
      <p data-testid="counts-sum" className={countsAddUp(c) ? 'sum-ok' : 'sum-off'}>
        {t(countsAddUp(c) ? 'seizures.report.sumOk' : 'seizures.report.sumOff', {
          accepted: n(c.accepted),
          duplicates: n(c.duplicates),
          rejected: n(c.rejected),
          already: n(c.alreadyImported),
          rows: n(c.rowsRead),
        })}
      </p>
      <p className="report-links">
        <a href={`${SEIZURES_API}/imports/${imp.id}/report.csv`} download>
          {t('seizures.report.download')}
        </a>
        <Link to={`/seizures?importId=${imp.id}`}>{t('seizures.report.records')}</Link>
      </p>
      <LoadState loadable={report}>
        {(data) =>
          data.rows.length === 0 ? (
            <Notice tone="info">{t('seizures.report.noRejections')}</Notice>
          ) : (
            <>
              <DataTable
                table={{
                  name: `import-${imp.id}-rejections`,
                  columns: [
                    t('seizures.columns.field'),
                    t('seizures.columns.reason'),
                    t('seizures.columns.count'),
                  ],
                  rows: data.rejections.map((r) => [field(r.field), r.reason, r.count]),
                }}
                caption={t('seizures.report.byReason')}
              />
              <DataTable
                table={{
                  name: `import-${imp.id}-rejected-rows`,
                  columns: [
                    t('seizures.columns.row'),
                    t('seizures.columns.field'),
                    t('seizures.columns.reason'),
                  ],
                  rows: data.rows.map((r) => [r.row, field(r.field ?? ''), r.reason ?? '']),
                }}
                caption={t('seizures.report.rejectedRows')}
                testId="rejected-rows"
              />
            </>
          )
        }
      </LoadState>
    </section>
  );
}
