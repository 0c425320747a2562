// The root: picks setup, sign-in or the desk from the session phase; toasts float above everything.
import { useEffect } from 'react';
import { SetupScreen } from '../session/SetupScreen';
import { SignInScreen } from '../session/SignInScreen';
import { loadSession } from '../session/session';
import { Toasts } from '../ui/Toasts';
import { Desk } from './Desk';
import { useApp } from './store';

export function App() {
  const phase = useApp((s) => s.phase);
  useEffect(() => {
    void loadSession();
  }, []);
  return (
    <>
      {phase === 'loading' && <div className="app-loading" aria-busy="true" />}
      {phase === 'offline' && (
        <div className="centered-page">
          <p className="form-error" role="alert">
            Anteroom could not reach its database. Close the app and open it again.
          </p>
        </div>
      )}
      {phase === 'setup' && <SetupScreen />}
      {phase === 'signIn' && <SignInScreen />}
      {phase === 'desk' && <Desk />}
      <Toasts />
    </>
  );
}
