// Sign-in with the clerk's portal account.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeFailure } from '../logic/errors.ts';
import { queryKeys, useApi, useSyncStatus } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { Alert } from './Alert.tsx';

export function LoginScreen() {
  const api = useApi();
  const queryClient = useQueryClient();
  const resetUi = useClerkUi((state) => state.reset);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  // Why the last session ended or why the portal is unreachable, e.g. after an expired session.
  const notice = useSyncStatus().data?.lastError ?? null;

  const login = useMutation({
    mutationFn: () => api.login({ username, password }),
    onSuccess: async (result) => {
      if (result.ok) {
        setPassword('');
        // Nothing read for an earlier user (after an expired session, say) may show for this one.
        resetUi();
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
        queryClient.setQueryData(queryKeys.session, { signedIn: true, user: result.user });
        await queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
      }
    },
  });

  const failure = login.error
    ? describeFailure('Die Anmeldung hat nicht geklappt', login.error)
    : login.data && !login.data.ok
      ? login.data.message
      : missing
        ? 'Bitte geben Sie Benutzername und Passwort ein.'
        : null;

  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate();
  };

  return (
    <main className="kern-container clerk-login" id="main">
      <h1 className="kern-heading-large">Antragsdesk – Sachbearbeitung</h1>
      <p className="kern-body">Melden Sie sich mit Ihrem Konto der Verwaltung an.</p>
      {notice && !failure && (
        <Alert kind="info" title="Hinweis" role="status">
          <p className="kern-body">{notice}</p>
        </Alert>
      )}
      {failure && (
        <div ref={errorRef} tabIndex={-1}>
          <Alert kind="danger" title="Anmeldung fehlgeschlagen" role="alert">
            <p className="kern-body">{failure}</p>
          </Alert>
        </div>
      )}
      <form className="clerk-stack" onSubmit={submit} noValidate>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="login-username">Benutzername</label>
          <input id="login-username" className="kern-form-input__input" autoComplete="username" value={username}
            onChange={(event) => setUsername(event.target.value)} autoFocus required />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="login-password">Passwort</label>
          <input id="login-password" className="kern-form-input__input" type="password" autoComplete="current-password" value={password}
            onChange={(event) => setPassword(event.target.value)} required />
        </div>
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={login.isPending}>
            <span className="kern-label">{login.isPending ? 'Anmeldung läuft …' : 'Anmelden'}</span>
          </button>
        </div>
      </form>
    </main>
  );
}
