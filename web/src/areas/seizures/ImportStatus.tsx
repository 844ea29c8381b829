import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { formatPercent } from './format';
import { ImportReport } from './ImportReport';
import { STATUS_NAMES } from './labels';
import type { ImportCounts, SeizureImport } from './model';
import { SeizuresNav } from './SeizuresNav';
import { usePolledImport } from './usePolledImport';
import { WizardSteps } from './WizardSteps';

/** Steps 4 and 5: the import's live progress, then its report. The page can be reopened from its address. */
export default function ImportStatus() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const imp = usePolledImport(id);
  const title = t('seizures.status.title');
  return (
    <article className="area seizures" data-area="seizures">
      <p className="breadcrumb">
        <Link to="/seizures">{t('areas.seizures.title')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <SeizuresNav />
      <LoadState loadable={imp}>
        {(data) => (
          <>
            <WizardSteps current={data.status === 'done' ? 'report' : 'run'} />
            <Progress imp={data} />
            {data.status === 'done' && <ImportReport imp={data} />}
          </>
        )}
      </LoadState>
    </article>
  );
}

function Progress({ imp }: { imp: SeizureImport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const fraction = imp.progress.fraction;
  return (
    <section className="card wizard-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.status.file', { name: imp.fileName })}</h2>
      <p data-testid="import-status">
        {t('seizures.status.label')}:{' '}
        <strong>{t(STATUS_NAMES[imp.status] ?? 'seizures.status.uploaded')}</strong>
      </p>
      {imp.status !== 'uploaded' && (
        <div className="upload-progress">
          <label htmlFor={`${id}-bar`}>{t('seizures.status.progress')}</label>
          <progress id={`${id}-bar`} max={1} value={fraction ?? undefined} />
          {fraction !== null && <span>{formatPercent(fraction, locale)}</span>}
        </div>
      )}
      {imp.status === 'failed' && (
        <Notice tone="error">{t('seizures.status.failedText', { error: imp.error ?? '' })}</Notice>
      )}
      {imp.status === 'uploaded' && <Notice tone="info">{t('seizures.status.notRun')}</Notice>}
      <Counts counts={imp.counts} live={imp.status === 'running'} />
    </section>
  );
}

export function Counts({ counts, live }: { counts: ImportCounts; live: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items: [string, string, number][] = [
    ['rowsRead', t('seizures.counts.rowsRead'), counts.rowsRead],
    ['accepted', t('seizures.counts.accepted'), counts.accepted],
    ['duplicates', t('seizures.counts.duplicates'), counts.duplicates],
    ['rejected', t('seizures.counts.rejected'), counts.rejected],
    ['alreadyImported', t('seizures.counts.alreadyImported'), counts.alreadyImported],
    ['warnings', t('seizures.counts.warnings'), counts.warnings],
  ];
  return (
    <dl className="figures import-counts" aria-live={live ? 'polite' : undefined} data-testid="import-counts">
      {items.map(([key, label, value]) => (
        <div key={key} data-count={key}>
          <dt>{label}</dt>
          <dd>{formatNumber(value, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
