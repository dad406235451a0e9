// Sync state above the workspace: initial sync progress, the offline banner with the last sync
// and pending actions, and a banner when conflicts wait for the clerk.
import type { SyncStatus } from '../../../src-shared/ipc/clerk.ts';
import { initialSyncText, offlineBanner } from '../logic/sync-text.ts';
import { useClerkUi } from '../store.ts';
import { Alert } from './Alert.tsx';

export function SyncBanners({ status }: { status: SyncStatus }) {
  const openDialog = useClerkUi((state) => state.openDialog);
  const offline = offlineBanner(status);

  return (
    <div className="clerk-banners">
      {status.initialSync && (
        <div className="clerk-progress" role="status">
          <label className="kern-label" htmlFor="initial-sync-progress">Posteingang wird erstmals geladen: {initialSyncText(status.initialSync)}</label>
          <progress id="initial-sync-progress" className="kern-progress" max={100}
            value={status.initialSync.percent ?? undefined}>
            {initialSyncText(status.initialSync)}
          </progress>
        </div>
      )}
      {offline && (
        <Alert kind="warning" title={offline.title} role="status">
          <p className="kern-body">{offline.body}</p>
        </Alert>
      )}
      {status.conflicts > 0 && (
        <Alert kind="danger" title={status.conflicts === 1 ? '1 Konflikt wartet auf Ihre Entscheidung' : `${status.conflicts} Konflikte warten auf Ihre Entscheidung`}>
          <p className="kern-body">Eine Aktion passte nicht mehr zum aktuellen Stand des Antrags.</p>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => openDialog({ kind: 'conflicts' })}>
            <span className="kern-label">Konflikte ansehen</span>
          </button>
        </Alert>
      )}
    </div>
  );
}
