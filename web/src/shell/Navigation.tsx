import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { navigationFor } from '../nav/areas';
import { focusHeadingOnNextPage } from '../ui/PageHeading';

interface NavigationProps {
  permissions: readonly string[];
  /** Called after a choice, so the phone menu can close. */
  onNavigate?: () => void;
}

/**
 * Home and every area. Areas outside the user's role stay listed and reachable (their page says why they
 * are closed) but are marked with a lock and a spoken "not in your role".
 */
export function Navigation({ permissions, onNavigate }: NavigationProps) {
  const { t } = useTranslation();
  const go = () => {
    focusHeadingOnNextPage();
    onNavigate?.();
  };
  return (
    <ul className="nav-list">
      <li>
        <NavLink to="/" end onClick={go}>
          {t('nav.home')}
        </NavLink>
      </li>
      {navigationFor(permissions).map(({ area, open }) => (
        <li key={area.id}>
          <NavLink
            to={area.path}
            onClick={go}
            className={open ? undefined : 'restricted'}
            data-area={area.id}
          >
            {open ? (
              t(area.title)
            ) : (
              <>
                {/* One hidden phrase is the link's whole spoken name; the visible title and lock are for the eye. */}
                <span aria-hidden="true">{t(area.title)}</span>
                <span className="lock">
                  <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
                    <path
                      d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z"
                      fill="currentColor"
                    />
                  </svg>
                </span>
                <span className="visually-hidden">{t('nav.restricted', { area: t(area.title) })}</span>
              </>
            )}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
