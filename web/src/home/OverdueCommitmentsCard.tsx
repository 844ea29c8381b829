import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../api/useApiData';
import { type OverdueCommitment, REGISTRY_API } from '../areas/registry/model';
import { OverdueList } from '../areas/registry/OverdueList';
import { useMe } from '../session/session';
import { LoadState } from '../ui/LoadState';

/** The first few commitments past their due date, for users who may read the registry. */
export function OverdueCommitmentsCard() {
  const me = useMe();
  if (!me.permissions.includes('registry:read')) return null;
  return <OverdueCard />;
}

function OverdueCard() {
  const { t } = useTranslation();
  const overdue = useApiData<{ total: number; items: OverdueCommitment[] }>(
    `${REGISTRY_API}/commitments/overdue?limit=5`,
  );
  return (
    <section className="card overdue-card" aria-labelledby="home-overdue-title">
      <h2 id="home-overdue-title">{t('registry.overdue.title')}</h2>
      <LoadState loadable={overdue}>
        {(data) => (
          <>
            <OverdueList items={data.items} />
            {data.total > data.items.length && (
              <p>
                <Link to="/registry/overdue">{t('registry.overdue.viewAll', { count: data.total })}</Link>
              </p>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}
