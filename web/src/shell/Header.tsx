import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me, NodeInfo } from '../api/types';
import { ROLE_NAMES } from '../nav/areas';
import { useSession } from '../session/session';
import { LanguageSwitcher } from './LanguageSwitcher';

interface HeaderProps {
  me: Me;
  node: NodeInfo | undefined;
  menuOpen: boolean;
  menuButtonRef: RefObject<HTMLButtonElement | null>;
  onToggleMenu: () => void;
}

/** Who is signed in, at which agency and in which role; the language; signing out; the phone menu button. */
export function Header({ me, node, menuOpen, menuButtonRef, onToggleMenu }: HeaderProps) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <header className="app-header">
      <div className="header-identity">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {node && (
          <span className="agency" data-testid="agency">
            {node.agencyName} <span className="agency-code">{node.agencyCode}</span>
          </span>
        )}
      </div>
      <button
        ref={menuButtonRef}
        type="button"
        className="menu-button"
        aria-expanded={menuOpen}
        aria-controls="app-navigation"
        onClick={onToggleMenu}
      >
        {menuOpen ? t('shell.closeMenu') : t('shell.menu')}
      </button>
      <div className="header-user">
        <span className="user" data-testid="user">
          <span className="user-name">{me.user.displayName}</span>
          <span className="role">{t(ROLE_NAMES[me.user.role])}</span>
        </span>
        <LanguageSwitcher />
        <button type="button" className="secondary sign-out" onClick={() => void signOut()}>
          {t('shell.signOut')}
        </button>
      </div>
    </header>
  );
}
