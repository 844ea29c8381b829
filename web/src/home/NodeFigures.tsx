import { useTranslation } from 'react-i18next';
import type { Overview } from '../api/types';
import { useApiData } from '../api/useApiData';
import { formatNumber } from '../i18n/format';
import { useLocale } from '../i18n/useLocale';
import { LoadState } from '../ui/LoadState';

/** User accounts and the length of the audit log, as the node counts them now. */
export function NodeFigures() {
  const { t } = useTranslation();
  const locale = useLocale();
  const overview = useApiData<Overview>('/api/v1/overview');
  return (
    <section className="card" aria-labelledby="node-figures-title">
      <h2 id="node-figures-title">{t('home.figures.title')}</h2>
      <LoadState loadable={overview}>
        {(data) => (
          <dl className="figures">
            <div>
              <dt>{t('home.figures.usersActive')}</dt>
              <dd>{formatNumber(data.users.active, locale)}</dd>
            </div>
            <div>
              <dt>{t('home.figures.usersTotal')}</dt>
              <dd>{formatNumber(data.users.total, locale)}</dd>
            </div>
            <div>
              <dt>{t('home.figures.auditEntries')}</dt>
              <dd>{formatNumber(data.auditEntries, locale)}</dd>
            </div>
          </dl>
        )}
      </LoadState>
    </section>
  );
}
