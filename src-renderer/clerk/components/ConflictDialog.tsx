// Conflicts: actions the portal rejected because the application changed in the meantime. The
// clerk sees what changed and either drops the action or sends it again on the current version.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionConflict } from '../../../src-shared/ipc/clerk.ts';
import { formatDateTimeDe } from '../../../src-shared/dates.ts';
import { actionDetails, actionLabel } from '../logic/action-forms.ts';
import { diffApplications } from '../logic/conflict-diff.ts';
import { describeFailure } from '../logic/errors.ts';
import { timelineItem } from '../logic/timeline.ts';
import { queryKeys, useApi, useConflicts } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { Alert } from './Alert.tsx';
import { Dialog } from './Dialog.tsx';
import { useAuthorityName, useUserName } from './names.ts';

export function ConflictDialog() {
  const conflicts = useConflicts(true);
  const closeDialog = useClerkUi((state) => state.closeDialog);

  return (
    <Dialog title="Konflikte lösen" onClose={closeDialog} wide
      footer={<button type="button" className="kern-btn kern-btn--secondary" onClick={closeDialog}><span className="kern-label">Schließen</span></button>}>
      <p className="kern-body">
        Diese Aktionen hat das Portal nicht übernommen, weil der Antrag inzwischen geändert wurde. Prüfen Sie die Änderungen und
        entscheiden Sie: „Verwerfen“ lässt Ihre Aktion fallen, „Erneut anwenden“ sendet sie auf Grundlage der aktuellen Version noch einmal.
      </p>
      {conflicts.isLoading && <p className="kern-body" role="status">Konflikte werden geladen …</p>}
      {conflicts.error && (
        <Alert kind="danger" title="Konflikte nicht geladen" role="alert">
          <p className="kern-body">{describeFailure('Die Konflikte konnten nicht geladen werden', conflicts.error)}</p>
        </Alert>
      )}
      {conflicts.data?.length === 0 && <p className="kern-body" role="status">Es gibt keine offenen Konflikte.</p>}
      {conflicts.data?.map((conflict) => <ConflictItem key={conflict.id} conflict={conflict} />)}
    </Dialog>
  );
}

function ConflictItem({ conflict }: { conflict: ActionConflict }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const userName = useUserName();
  const authorityName = useAuthorityName();
  const pushToast = useClerkUi((state) => state.pushToast);
  const diff = diffApplications(conflict.local, conflict.server, userName, authorityName);
  const reference = conflict.server?.reference ?? conflict.local?.reference ?? conflict.applicationId;
  const headingId = `conflict-${conflict.id}`;

  const resolve = useMutation({
    mutationFn: (resolution: 'discard' | 'reapply') => api.resolveConflict({ conflictId: conflict.id, resolution }),
    onSuccess: async (_result, resolution) => {
      pushToast({
        kind: 'success',
        title: resolution === 'discard' ? 'Aktion verworfen' : 'Aktion erneut gesendet',
        text: resolution === 'discard' ? `Ihre Aktion für ${reference} wurde verworfen.` : `Ihre Aktion für ${reference} wird auf der aktuellen Version erneut gesendet.`,
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.conflicts });
      await queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
    },
  });

  return (
    <section className="clerk-conflict" aria-labelledby={headingId}>
      <h3 className="kern-title" id={headingId}>{actionLabel(conflict.action)} – Antrag {reference}</h3>
      {conflict.problem.userMessage && <p className="kern-body">{conflict.problem.userMessage}</p>}
      {actionDetails(conflict.action).map((detail) => (
        <p key={detail.label} className="kern-body"><span className="kern-body--bold">Ihre Eingabe – {detail.label}:</span> <span className="clerk-pre">{detail.value}</span></p>
      ))}
      <table className="kern-table kern-table--small">
        <caption className="kern-sr-only">Unterschiede zwischen Ihrer Version und der aktuellen Version im Portal</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">Angabe</th>
            <th scope="col" className="kern-table__header">Ihre Version</th>
            <th scope="col" className="kern-table__header">Aktuell im Portal</th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {diff.changes.map((change) => (
            <tr key={change.label} className="kern-table__row">
              <th scope="row" className="kern-table__cell">{change.label}</th>
              <td className="kern-table__cell">{change.local}</td>
              <td className="kern-table__cell">{change.server}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff.newEntries.length > 0 && (
        <>
          <p className="kern-body kern-body--bold">Seitdem im Verlauf:</p>
          <ul className="kern-list">
            {diff.newEntries.map((entry) => {
              const item = timelineItem(entry, userName, authorityName);
              return <li key={entry.id} className="kern-body">{formatDateTimeDe(item.at)}: {item.title} ({item.actor}){item.internal ? ' – intern' : ''}</li>;
            })}
          </ul>
        </>
      )}
      {resolve.error && (
        <Alert kind="danger" title="Nicht gelöst" role="alert">
          <p className="kern-body">{describeFailure('Der Konflikt konnte nicht gelöst werden', resolve.error)}</p>
        </Alert>
      )}
      <div className="clerk-actions">
        <button type="button" className="kern-btn kern-btn--secondary" disabled={resolve.isPending} onClick={() => resolve.mutate('discard')}
          aria-describedby={headingId}>
          <span className="kern-label">Verwerfen</span>
        </button>
        <button type="button" className="kern-btn kern-btn--primary" disabled={resolve.isPending} onClick={() => resolve.mutate('reapply')}
          aria-describedby={headingId}>
          <span className="kern-label">Erneut anwenden</span>
        </button>
      </div>
    </section>
  );
}
