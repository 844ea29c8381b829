import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { countryName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { DataTable } from './DataTable';
import { formatKg, formatPercent } from './format';
import { type ReconciliationRow, SEIZURES_API } from './model';
import { reconciliationQuery, type StatsFilters } from './query';
import { codeName, useDrugReference } from './reference';

const LIMIT = 500;

/** Reported totals beside the sums of individual records, by country, drug and year, with the differences. */
export function Reconciliation({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const { drugs } = useDrugReference();
  const rows = useApiData<ReconciliationRow[]>(
    `${SEIZURES_API}/stats/reconciliation?${reconciliationQuery(filters, LIMIT)}`,
  );
  const caption = t('seizures.reconciliation.caption');
  const kg = (v: string | number | null) => (typeof v === 'number' ? formatKg(v, locale) : '—');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.reconciliation.title')}</h2>
      <p>{t('seizures.reconciliation.help')}</p>
      <LoadState loadable={rows}>
        {(data) =>
          data.length === 0 ? (
            <p>{t('seizures.reconciliation.empty')}</p>
          ) : (
            <DataTable
              caption={caption}
              testId="reconciliation-table"
              table={{
                name: 'reconciliation',
                columns: [
                  t('seizures.fields.country'),
                  t('seizures.fields.drug'),
                  t('seizures.fields.year'),
                  t('seizures.reconciliation.reported'),
                  t('seizures.reconciliation.reportedRows'),
                  t('seizures.reconciliation.recorded'),
                  t('seizures.reconciliation.recordedCount'),
                  t('seizures.reconciliation.difference'),
                  t('seizures.reconciliation.relative'),
                ],
                rows: data.map((r) => [
                  countryName(r.country, locale),
                  codeName(r.drug, drugs, locale),
                  String(r.year),
                  r.reportedKg,
                  r.reportedRows,
                  r.recordedKg,
                  r.recordedCount,
                  r.difference,
                  r.relative,
                ]),
              }}
              render={(v, col) => {
                if (col === 3 || col === 5 || col === 7) return kg(v);
                if (col === 8) return typeof v === 'number' ? formatPercent(v, locale) : '—';
                return undefined;
              }}
            />
          )
        }
      </LoadState>
    </section>
  );
}
