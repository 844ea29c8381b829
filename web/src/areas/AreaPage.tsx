import { useTranslation } from 'react-i18next';
import type { Area } from '../nav/areas';
import { ROLE_NAMES } from '../nav/areas';
import { useMe } from '../session/session';
import { PageHeading } from '../ui/PageHeading';

/**
 * An area before its screens exist: what it will hold, and plainly that nothing is here yet. Shows no
 * sample records: an officer must never mistake invented data for real data.
 */
export function AreaPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  const me = useMe();
  const open = me.permissions.includes(area.permission);
  const holds: unknown = t(area.holds, { returnObjects: true });
  return (
    <article className="area" data-area={area.id}>
      <PageHeading title={t(area.title)}>{t(area.title)}</PageHeading>
      <p className="lead">{t(area.summary)}</p>
      {open ? (
        <section className="empty-state" aria-labelledby="empty-state-title">
          <h2 id="empty-state-title">{t('area.emptyTitle')}</h2>
          <p>{t('area.emptyText')}</p>
        </section>
      ) : (
        <section className="empty-state restricted" aria-labelledby="empty-state-title">
          <h2 id="empty-state-title">{t('area.restrictedTitle')}</h2>
          <p>{t('area.restrictedText', { role: t(ROLE_NAMES[me.user.role]) })}</p>
        </section>
      )}
      <section aria-labelledby="area-holds-title">
        <h2 id="area-holds-title">{t('area.willHold')}</h2>
        <ul className="holds">
          {(Array.isArray(holds) ? holds : []).map((item) => (
            <li key={String(item)}>{String(item)}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
