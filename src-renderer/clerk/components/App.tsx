// Root of the clerk window: shows the sign-in until the session has a user, then the workspace.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ClerkApi } from '../../../src-shared/ipc/clerk.ts';
import { describeFailure } from '../logic/errors.ts';
import { ApiContext, useSession } from '../queries.ts';
import { Alert } from './Alert.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { Workspace } from './Workspace.tsx';

export function ClerkApp({ api, queryClient }: { api: ClerkApi; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={api}>
        <SessionGate />
      </ApiContext.Provider>
    </QueryClientProvider>
  );
}

function SessionGate() {
  const session = useSession();

  if (session.isLoading) return <main className="kern-container" id="main"><p className="kern-body" role="status">Antragsdesk wird gestartet …</p></main>;
  if (session.error) {
    return (
      <main className="kern-container" id="main">
        <h1 className="kern-heading-large">Antragsdesk – Sachbearbeitung</h1>
        <Alert kind="danger" title="Start fehlgeschlagen" role="alert">
          <p className="kern-body">{describeFailure('Die Sitzung konnte nicht gelesen werden', session.error)}</p>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void session.refetch()}>
            <span className="kern-label">Erneut versuchen</span>
          </button>
        </Alert>
      </main>
    );
  }
  if (!session.data?.signedIn) return <LoginScreen />;
  return <Workspace user={session.data.user} />;
}
