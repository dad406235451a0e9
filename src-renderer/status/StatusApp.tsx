// The status page: lookup form until reference and access code match, then the status with the
// reply form while a Rückfrage is open. Reference and code stay in memory only, so reloading the
// page or leaving it ends the session.
import { useEffect, useRef, useState } from 'react';
import type { CitizenStatusView } from '../../src-shared/index.ts';
import { LookupForm } from './LookupForm.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import { StatusDetails } from './StatusDetails.tsx';
import type { Credentials, StatusApi } from './status-api.ts';
import { errorText } from './texts.ts';

export interface StatusAppProps {
  api: StatusApi;
  initialReference: string;
}

export function StatusApp({ api, initialReference }: StatusAppProps) {
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [view, setView] = useState<CitizenStatusView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Focus moves to the heading once per opened application, not on every refresh.
  const openedReference = view?.reference;
  useEffect(() => {
    if (openedReference) headingRef.current?.focus();
  }, [openedReference]);

  const lookup = async (next: Credentials, after?: string) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.lookup(next);
      setCredentials(next);
      setView(result);
      setNotice(after ?? null);
    } catch (lookupError) {
      setError(errorText(lookupError, 'Die Abfrage ist fehlgeschlagen. Bitte versuchen Sie es erneut.'));
    } finally {
      setBusy(false);
    }
  };

  const leave = () => {
    setCredentials(null);
    setView(null);
    setNotice(null);
    setError(null);
  };

  return (
    <div className="status-page">
      <header className="status-page__header status-no-print">
        <div className="kern-container">
          <nav aria-label="Bürgerservice">
            <ul className="kern-list kern-list--horizontal">
              <li><a className="kern-link" href="/">Antrag stellen</a></li>
              <li><a className="kern-link" href="/status" aria-current="page">Status abfragen</a></li>
              <li><a className="kern-link" href="/hilfe">Hilfe</a></li>
            </ul>
          </nav>
        </div>
      </header>

      <main className="kern-container status-main">
        {!view || !credentials ? (
          <LookupForm initialReference={initialReference} busy={busy} error={error} onSubmit={(next) => void lookup(next)} />
        ) : (
          <div className="status-stack">
            <h1 className="kern-heading-large" tabIndex={-1} ref={headingRef}>Ihr Antrag {view.reference}</h1>

            {notice && (
              <div className="kern-alert kern-alert--success" role="status">
                <div className="kern-alert__header">
                  <span className="kern-icon kern-icon--success" aria-hidden="true" />
                  <span className="kern-title">{notice}</span>
                </div>
              </div>
            )}
            {error && (
              <div className="kern-alert kern-alert--danger" role="alert">
                <div className="kern-alert__header">
                  <span className="kern-icon kern-icon--danger" aria-hidden="true" />
                  <span className="kern-title">{error}</span>
                </div>
              </div>
            )}

            <StatusDetails view={view} />

            {view.replyPossible && (
              <ReplyForm
                key={view.messages.length}
                api={api}
                credentials={credentials}
                onSent={(next) => {
                  setView(next);
                  setNotice('Ihre Antwort ist bei uns eingegangen. Die zuständige Stelle bearbeitet Ihren Antrag weiter.');
                }}
              />
            )}

            <div className="status-actions status-no-print">
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void lookup(credentials, 'Der Status ist aktuell.')} disabled={busy}>
                <span className="kern-label">Aktualisieren</span>
              </button>
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => window.print()}>
                <span className="kern-label">Eingangsbestätigung drucken</span>
              </button>
              <button type="button" className="kern-btn kern-btn--tertiary" onClick={leave}>
                <span className="kern-label">Abmelden</span>
              </button>
            </div>
          </div>
        )}
      </main>
    </div>
  );
}
