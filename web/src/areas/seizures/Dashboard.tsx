import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { CountryMap } from './CountryMap';
import { DashboardFilterForm } from './DashboardFilterForm';
import { type StatsFilters, statsFromParams } from './query';
import { Reconciliation } from './Reconciliation';
import { SeizuresNav } from './SeizuresNav';
import { SeriesChart } from './SeriesChart';
import { TopDrugs } from './TopDrugs';
import { TopRoutes } from './TopRoutes';

const toParams = (f: StatsFilters) =>
  Object.fromEntries(Object.entries(f).filter(([k, v]) => v && !(k === 'duplicates' && v === 'exclude')));

/** Seizure statistics from the rollups: series, map, top drugs and routes, and reconciliation with reported totals. */
export default function Dashboard() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = statsFromParams(params);
  const title = t('seizures.dashboard.title');
  return (
    <article className="area seizures" data-area="seizures">
      <PageHeading title={title}>{title}</PageHeading>
      <SeizuresNav />
      <DashboardFilterForm
        key={params.toString()}
        filters={filters}
        onApply={(f) => setParams(toParams(f))}
      />
      <div className="dashboard-grid">
        <SeriesChart filters={filters} />
        <CountryMap filters={filters} />
        <TopDrugs filters={filters} />
        <TopRoutes filters={filters} />
      </div>
      <Reconciliation filters={filters} />
    </article>
  );
}
