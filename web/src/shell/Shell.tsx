import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeInfo } from '../api/types';
import { useApiData } from '../api/useApiData';
import { AppRoutes } from '../app/AppRoutes';
import { useMe } from '../session/session';
import { Loading } from '../ui/Loading';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { NodeContext } from './NodeContext';

/** The signed-in frame: header, navigation (a side column on wide screens, a menu on phones) and the page. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const node = useApiData<NodeInfo>('/api/v1/node');
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  // Escape closes the phone menu and returns the focus to the button that opened it.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  return (
    <NodeContext.Provider value={node}>
      <div className="app">
        <a href="#main" className="skip-link">
          {t('shell.skipToContent')}
        </a>
        <Header
          me={me}
          node={node.state === 'ready' ? node.data : undefined}
          menuOpen={menuOpen}
          menuButtonRef={menuButton}
          onToggleMenu={() => setMenuOpen((open) => !open)}
        />
        <div className="app-body">
          <nav
            id="app-navigation"
            aria-label={t('nav.label')}
            className={menuOpen ? 'app-nav open' : 'app-nav'}
          >
            <Navigation permissions={me.permissions} onNavigate={() => setMenuOpen(false)} />
          </nav>
          <main id="main" tabIndex={-1} className="app-main">
            <Suspense fallback={<Loading />}>
              <AppRoutes />
            </Suspense>
          </main>
        </div>
      </div>
    </NodeContext.Provider>
  );
}
