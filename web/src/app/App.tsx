import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { SignInPage } from '../pages/SignInPage';
import { useSession } from '../session/session';
import { Shell } from '../shell/Shell';
import { Loading } from '../ui/Loading';

/** Which screen the session allows: sign-in, the one-time password change, or the application itself. */
export function App() {
  const { state } = useSession();
  switch (state.status) {
    case 'loading':
      return (
        <main id="main" className="auth-main">
          <Loading />
        </main>
      );
    case 'signed-out':
      return <SignInPage reason={state.reason} />;
    case 'signed-in':
      return state.me.user.passwordChangeRequired ? <ChangePasswordPage /> : <Shell />;
  }
}
