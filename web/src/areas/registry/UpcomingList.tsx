import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { LEVEL_NAMES, nameIn, type UpcomingAnswer } from './model';

/** Recorded and projected meetings in date order; projected ones say they are only expected. */
export function UpcomingList({
  data,
  showMechanism = false,
}: {
  data: UpcomingAnswer;
  showMechanism?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const level = (l: string) => (LEVEL_NAMES[l] ? t(LEVEL_NAMES[l] as 'registry.levels.other') : l);
  const items = [
    ...data.recorded.map((m) => ({
      key: `r-${m.id}`,
      on: m.on,
      mechanism: m.mechanism,
      node: (
        <>
          <Link to={`/registry/meetings/${m.id}`}>{nameIn(m.names, locale, level(m.level))}</Link>
          {m.place ? ` · ${m.place}` : ''}
        </>
      ),
    })),
    ...data.projected.map((m) => ({
      key: `p-${m.mechanism}-${m.level}-${m.on}-${m.workingGroup ?? ''}`,
      on: m.on,
      mechanism: m.mechanism,
      node: (
        <>
          {level(m.level)} <span className="projected-tag">{t('registry.calendar.projected')}</span>
        </>
      ),
    })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  if (items.length === 0) return <p>{t('registry.calendar.empty')}</p>;
  return (
    <ul className="calendar-list">
      {items.map((item) => (
        <li key={item.key} className="calendar-item">
          <time dateTime={item.on}>{formatDate(`${item.on}T00:00:00Z`, locale)}</time>
          <span>
            {showMechanism && (
              <Link className="calendar-mechanism" to={`/registry/mechanisms/${item.mechanism}`}>
                {item.mechanism}
              </Link>
            )}{' '}
            {item.node}
          </span>
        </li>
      ))}
    </ul>
  );
}
