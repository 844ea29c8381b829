import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { startI18n } from './i18n/i18n';
import { initialLocale, readStoredLocale } from './i18n/locale';
import { SessionProvider } from './session/session';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The language is known before the first paint, so nothing is shown in the wrong language first.
await startI18n(initialLocale(readStoredLocale(), navigator.languages));

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
