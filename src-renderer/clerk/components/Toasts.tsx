// Notifications in a polite live region: assigned applications, saved actions, export results.
import { useClerkUi } from '../store.ts';

export function Toasts() {
  const toasts = useClerkUi((state) => state.toasts);
  const dismiss = useClerkUi((state) => state.dismissToast);
  const openApplication = useClerkUi((state) => state.openApplication);

  return (
    <div className="clerk-toasts" role="status" aria-live="polite" aria-label="Benachrichtigungen">
      {toasts.map((toast) => (
        <div key={toast.id} className={`kern-alert kern-alert--${toast.kind} clerk-toast`}>
          <div className="kern-alert__header">
            <span className={`kern-icon kern-icon--${toast.kind}`} aria-hidden="true" />
            <span className="kern-title">{toast.title}</span>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{toast.text}</p>
            <div className="clerk-actions">
              {toast.applicationId && (
                <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" onClick={() => {
                  openApplication(toast.applicationId!);
                  dismiss(toast.id);
                }}>
                  <span className="kern-label">Öffnen</span>
                </button>
              )}
              <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => dismiss(toast.id)}>
                <span className="kern-label">Ausblenden</span>
              </button>
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
