import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReferenceSummary } from '../api/types';
import { useApiData } from '../api/useApiData';
import { formatNumber } from '../i18n/format';
import { useLocale } from '../i18n/useLocale';
import { LoadState } from '../ui/LoadState';
import { Notice } from '../ui/Notice';

type Counted = Exclude<keyof ReferenceSummary, 'currentConversionTable'>;

const COUNTS: readonly [Counted, ParseKeys][] = [
  ['countries', 'home.reference.countries'],
  ['countryAliases', 'home.reference.countryAliases'],
  ['drugGroups', 'home.reference.drugGroups'],
  ['drugs', 'home.reference.drugs'],
  ['drugSynonyms', 'home.reference.drugSynonyms'],
  ['units', 'home.reference.units'],
  ['conversionTables', 'home.reference.conversionTables'],
];

/** How much reference data (countries, drugs, units) this node has loaded; it names what imports recognise. */
export function ReferenceFigures() {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useApiData<ReferenceSummary>('/api/v1/reference/summary');
  return (
    <section className="card" aria-labelledby="reference-title">
      <h2 id="reference-title">{t('home.reference.title')}</h2>
      <LoadState loadable={summary} absent={<Notice tone="info">{t('home.reference.absent')}</Notice>}>
        {(data) => (
          <>
            <dl className="figures">
              {COUNTS.map(([field, label]) => (
                <div key={field}>
                  <dt>{t(label)}</dt>
                  <dd>{formatNumber(data[field], locale)}</dd>
                </div>
              ))}
            </dl>
            <p className="fact-note">
              {data.currentConversionTable
                ? t('home.reference.currentTable', { name: data.currentConversionTable })
                : t('home.reference.noCurrentTable')}
            </p>
          </>
        )}
      </LoadState>
    </section>
  );
}
