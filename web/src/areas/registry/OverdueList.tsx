import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { CodeLink, DemoTag } from './Common';
import { nameIn, type OverdueCommitment } from './model';

/** Overdue commitments, most overdue first as the node sorts them. Also used by the home page's card. */
export function OverdueList({ items }: { items: OverdueCommitment[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <p>{t('registry.overdue.empty')}</p>;
  return (
    <ul className="record-list overdue-list">
      {items.map((c) => (
        <li key={c.id} className="record-item">
          <Link to={`/registry/commitments/${c.id}`}>{nameIn(c.names, locale, c.id)}</Link>
          {c.demo && <DemoTag />}
          <span className="record-glance">
            <span>{t('registry.overdue.due', { date: formatDate(`${c.dueOn}T00:00:00Z`, locale) })}</span>
            <span className="overdue-days">
              {t('registry.overdue.days', {
                count: c.daysOverdue,
                days: formatNumber(c.daysOverdue, locale),
              })}
            </span>
            {c.owners.length > 0 && (
              <span>
                {c.owners.map((code, i) => (
                  <span key={code}>
                    {i > 0 && ', '}
                    <CodeLink path="agencies" code={code} />
                  </span>
                ))}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
