import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../session/session';

/** The area's own pages, as tabs under its heading. */
export function SeizuresNav() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="seizures-nav" aria-label={t('seizures.nav.label')}>
      <NavLink to="/seizures" end>
        {t('seizures.nav.records')}
      </NavLink>
      <NavLink to="/seizures/dashboard">{t('seizures.nav.dashboard')}</NavLink>
      {me.permissions.includes('seizures:write') && (
        <NavLink to="/seizures/import">{t('seizures.nav.import')}</NavLink>
      )}
    </nav>
  );
}
