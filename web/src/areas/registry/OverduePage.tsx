import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { type OverdueCommitment, REGISTRY_API } from './model';
import { OverdueList } from './OverdueList';

/** Commitments past their due date that are neither done nor dropped. */
export default function OverduePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const overdue = useApiData<{ on: string; total: number; items: OverdueCommitment[] }>(
    `${REGISTRY_API}/commitments/overdue`,
  );
  return (
    <article className="area registry" data-area="registry">
      <p className="breadcrumb">
        <Link to="/registry">{t('areas.registry.title')}</Link>
      </p>
      <PageHeading title={t('registry.overdue.title')}>{t('registry.overdue.title')}</PageHeading>
      <LoadState loadable={overdue}>
        {(data) => (
          <section className="card" aria-labelledby="overdue-list-title">
            <h2 id="overdue-list-title">
              {t('registry.overdue.total', { count: data.total, total: formatNumber(data.total, locale) })}
            </h2>
            <OverdueList items={data.items} />
          </section>
        )}
      </LoadState>
    </article>
  );
}
