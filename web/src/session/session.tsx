import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api, onSessionEnded } from '../api/client';
import type { Locale, Me, User } from '../api/types';
import { currentLocale, switchLanguage } from '../i18n/i18n';
import { localeAfterSignIn } from '../i18n/locale';

/** Why the sign-in screen is shown: first visit, after signing out, or because the session ended by itself. */
export type SignedOutReason = 'none' | 'signed-out' | 'session-ended';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Switches the language now, and saves it to the account when signed in. */
  chooseLanguage(locale: Locale): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe while not signed in');
  return state.me;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // A language picked on the sign-in screen during this visit; it is saved to the account at sign-in.
  const pickedBeforeSignIn = useRef<Locale | undefined>(undefined);

  const adopt = useCallback(async (me: Me) => {
    let user = me.user;
    // Repeats if a language is picked while this runs (a click during sign-in), so the last pick wins.
    do {
      const { locale, saveToAccount } = localeAfterSignIn(user.locale, pickedBeforeSignIn.current);
      pickedBeforeSignIn.current = undefined;
      if (saveToAccount) {
        const before = user;
        user = await api<User>('/api/v1/auth/me', { method: 'PATCH', body: { locale } }).catch(() => before);
      }
      if (locale !== currentLocale()) await switchLanguage(locale);
    } while (pickedBeforeSignIn.current !== undefined);
    setState({ status: 'signed-in', me: { ...me, user } });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api<Me>('/api/v1/auth/me', { signal: controller.signal })
      .then(adopt)
      .catch(() => {
        if (controller.signal.aborted) return;
        // 401 is the usual "not signed in"; an unreachable node also lands on the sign-in screen, which says so on retry.
        setState({ status: 'signed-out', reason: 'none' });
      });
    onSessionEnded(() => setState({ status: 'signed-out', reason: 'session-ended' }));
    return () => {
      controller.abort();
      onSessionEnded(undefined);
    };
  }, [adopt]);

  const session = useMemo<Session>(
    () => ({
      state,
      async signIn(username, password) {
        await adopt(await api<Me>('/api/v1/auth/login', { method: 'POST', body: { username, password } }));
      },
      async signOut() {
        // Even if the node cannot be reached, the screen must not stay signed in.
        await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
        setState({ status: 'signed-out', reason: 'signed-out' });
      },
      async changePassword(currentPassword, newPassword) {
        await api('/api/v1/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
        setState({ status: 'signed-in', me: await api<Me>('/api/v1/auth/me') });
      },
      async chooseLanguage(locale) {
        await switchLanguage(locale);
        if (state.status !== 'signed-in') {
          pickedBeforeSignIn.current = locale;
          return;
        }
        const user = await api<User>('/api/v1/auth/me', { method: 'PATCH', body: { locale } });
        setState({ status: 'signed-in', me: { ...state.me, user } });
      },
    }),
    [state, adopt],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
