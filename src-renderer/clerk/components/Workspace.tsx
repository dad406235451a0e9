// The signed-in clerk window: header, sync banners, inbox or detail view, dialogs, notifications.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ClerkUser } from '../../../src-shared/api.ts';
import { ROLE_LABELS_DE } from '../../../src-shared/domain.ts';
import { formatDateTimeDe } from '../../../src-shared/dates.ts';
import { describeFailure } from '../logic/errors.ts';
import { SHORTCUTS } from '../logic/keyboard.ts';
import { pendingText } from '../logic/sync-text.ts';
import { queryKeys, useApi, useClerkEvents, useSyncStatus } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { AttachmentViewer } from './AttachmentViewer.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { DetailView } from './DetailView.tsx';
import { Dialog } from './Dialog.tsx';
import { InboxScreen, isTextField } from './InboxScreen.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { SyncBanners } from './SyncBanners.tsx';
import { Toasts } from './Toasts.tsx';

export function Workspace({ user }: { user: ClerkUser }) {
  useClerkEvents();
  const api = useApi();
  const queryClient = useQueryClient();
  const sync = useSyncStatus();
  const openApplicationId = useClerkUi((state) => state.openApplicationId);
  const closeApplication = useClerkUi((state) => state.closeApplication);
  const dialog = useClerkUi((state) => state.dialog);
  const openDialog = useClerkUi((state) => state.openDialog);
  const pushToast = useClerkUi((state) => state.pushToast);
  const resetUi = useClerkUi((state) => state.reset);

  const logout = useMutation({
    mutationFn: () => api.logout(),
    onSuccess: () => {
      resetUi();
      // The session query stays in the cache so its observer gets the change. Everything else goes.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
      queryClient.setQueryData(queryKeys.session, { signedIn: false });
    },
    onError: (error) => pushToast({ kind: 'danger', title: 'Abmelden fehlgeschlagen', text: describeFailure('Die Abmeldung hat nicht geklappt', error) }),
  });
  const assistedIntake = useMutation({
    mutationFn: () => api.openAssistedIntake(),
    onError: (error) => pushToast({ kind: 'danger', title: 'Erfassung nicht geöffnet', text: describeFailure('Das Fenster für die Erfassung konnte nicht geöffnet werden', error) }),
  });
  const syncNow = useMutation({
    mutationFn: () => api.syncNow(),
    onError: (error) => pushToast({ kind: 'warning', title: 'Abgleich fehlgeschlagen', text: describeFailure('Der Abgleich mit dem Portal hat nicht geklappt', error) }),
  });

  // Esc in the detail view returns to the inbox; inside a dialog the dialog takes it first.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || dialog || !openApplicationId || isTextField(event.target)) return;
      event.preventDefault();
      closeApplication();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog, openApplicationId, closeApplication]);

  const status = sync.data;
  const pending = status ? pendingText(status) : null;

  return (
    <div className="clerk-app">
      <a className="kern-link clerk-skip-link" href="#main">Zum Inhalt springen</a>
      <header className="clerk-header">
        <p className="kern-heading-small clerk-header__title">Antragsdesk – Sachbearbeitung</p>
        <div className="clerk-header__status kern-body kern-body--small">
          <span>{status?.online === false ? 'Offline' : 'Verbunden'}</span>
          {status?.lastSyncAt && <span>Abgleich: {formatDateTimeDe(status.lastSyncAt)}</span>}
          {pending && <span className="kern-badge kern-badge--info kern-badge--small">{pending}</span>}
        </div>
        <div className="clerk-actions">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => assistedIntake.mutate()}>
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">Antrag für Bürger:in erfassen</span>
          </button>
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => syncNow.mutate()} disabled={syncNow.isPending}>
            <span className="kern-icon kern-icon--autorenew" aria-hidden="true" />
            <span className="kern-label">Jetzt abgleichen</span>
          </button>
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => openDialog({ kind: 'shortcuts' })}>
            <span className="kern-icon kern-icon--help" aria-hidden="true" />
            <span className="kern-label">Tastenkürzel</span>
          </button>
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => openDialog({ kind: 'settings' })}>
            <span className="kern-icon kern-icon--edit" aria-hidden="true" />
            <span className="kern-label">Einstellungen</span>
          </button>
          <span className="kern-body kern-body--small">{user.displayName} ({ROLE_LABELS_DE[user.role]})</span>
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => logout.mutate()}>
            <span className="kern-icon kern-icon--logout" aria-hidden="true" />
            <span className="kern-label">Abmelden</span>
          </button>
        </div>
      </header>
      {status && <SyncBanners status={status} />}
      <main id="main" className="clerk-main" tabIndex={-1}>
        {openApplicationId ? <DetailView applicationId={openApplicationId} /> : <InboxScreen />}
      </main>
      {dialog?.kind === 'action' && <ActionDialog key={`${dialog.applicationId}-${dialog.action}`} action={dialog.action} applicationId={dialog.applicationId} />}
      {dialog?.kind === 'conflicts' && <ConflictDialog />}
      {dialog?.kind === 'attachment' && <AttachmentViewer applicationId={dialog.applicationId} attachmentId={dialog.attachmentId} />}
      {dialog?.kind === 'shortcuts' && <ShortcutsDialog />}
      {dialog?.kind === 'settings' && <SettingsDialog />}
      <Toasts />
    </div>
  );
}

function ShortcutsDialog() {
  const closeDialog = useClerkUi((state) => state.closeDialog);
  return (
    <Dialog title="Tastenkürzel" onClose={closeDialog}>
      <table className="kern-table kern-table--small">
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">Taste</th>
            <th scope="col" className="kern-table__header">Wirkung</th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys} className="kern-table__row">
              <td className="kern-table__cell"><kbd>{shortcut.keys}</kbd></td>
              <td className="kern-table__cell">{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
