import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData';
import { countryName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { DataTable } from './DataTable';
import { formatKg } from './format';
import { type RouteRow, SEIZURES_API } from './model';
import { type StatsFilters, statsQuery } from './query';
import { RouteFlow } from './RouteFlow';

/** Departure → destination for the seizures that name both, by kilograms: a flow chart and a table. */
export function TopRoutes({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const routes = useApiData<RouteRow[]>(
    `${SEIZURES_API}/stats/routes?${statsQuery(filters, { limit: '15' })}`,
  );
  const caption = t('seizures.dashboard.routesCaption');
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('seizures.dashboard.routes')}</h2>
      <LoadState loadable={routes}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('seizures.dashboard.noRoutes')}</p>
          ) : (
            <figure>
              <RouteFlow rows={rows} caption={caption} />
              <figcaption>{caption}</figcaption>
              <DataTable
                caption={caption}
                testId="routes-table"
                table={{
                  name: 'top-routes',
                  columns: [
                    t('seizures.fields.departureCountry'),
                    t('seizures.fields.destinationCountry'),
                    t('seizures.columns.kg'),
                    t('seizures.columns.count'),
                  ],
                  rows: rows.map((r) => [
                    countryName(r.departure, locale),
                    countryName(r.destination, locale),
                    r.kg,
                    r.count,
                  ]),
                }}
                render={(v, col) => (col === 2 && typeof v === 'number' ? formatKg(v, locale) : undefined)}
              />
            </figure>
          )
        }
      </LoadState>
    </section>
  );
}
