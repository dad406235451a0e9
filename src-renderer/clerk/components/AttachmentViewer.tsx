// In-app viewer for PDF and image attachments. The file is shown from a blob: URL and never handed
// to the operating system; "Speichern unter" writes it where the clerk chooses.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { base64ToBytes, viewerKind } from '../logic/attachment-viewer.ts';
import { describeFailure } from '../logic/errors.ts';
import { useApi } from '../queries.ts';
import { useClerkUi } from '../store.ts';
import { Alert } from './Alert.tsx';
import { Dialog } from './Dialog.tsx';

export function AttachmentViewer({ applicationId, attachmentId }: { applicationId: string; attachmentId: string }) {
  const api = useApi();
  const closeDialog = useClerkUi((state) => state.closeDialog);
  const content = useQuery({
    queryKey: ['attachment', applicationId, attachmentId],
    queryFn: () => api.readAttachment({ applicationId, attachmentId }),
    // File content is large and rarely opened twice; it leaves memory with the dialog.
    gcTime: 0,
  });
  const save = useMutation({ mutationFn: () => api.saveAttachmentAs({ applicationId, attachmentId }) });
  const [url, setUrl] = useState<string | null>(null);

  const kind = content.data ? viewerKind(content.data.mediaType) : 'none';

  useEffect(() => {
    if (!content.data || kind === 'none') return;
    const blob = new Blob([base64ToBytes(content.data.contentBase64)], { type: kind === 'pdf' ? 'application/pdf' : content.data.mediaType });
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [content.data, kind]);

  const fileName = content.data?.fileName ?? 'Anlage';

  return (
    <Dialog title={`Anlage: ${fileName}`} onClose={closeDialog} wide
      footer={
        <div className="clerk-actions">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => save.mutate()} disabled={save.isPending}>
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">Speichern unter</span>
          </button>
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={closeDialog}>
            <span className="kern-label">Schließen</span>
          </button>
        </div>
      }
    >
      {content.isLoading && <p className="kern-body" role="status">Anlage wird geladen …</p>}
      {content.error && (
        <Alert kind="danger" title="Anlage nicht geladen" role="alert">
          <p className="kern-body">{describeFailure('Die Anlage konnte nicht geladen werden', content.error)}</p>
        </Alert>
      )}
      {save.error && (
        <Alert kind="danger" title="Nicht gespeichert" role="alert">
          <p className="kern-body">{describeFailure('Die Anlage konnte nicht gespeichert werden', save.error)}</p>
        </Alert>
      )}
      {save.data?.saved && <p className="kern-body" role="status">Die Anlage wurde gespeichert.</p>}
      {content.data && kind === 'none' && (
        <p className="kern-body">Dieser Dateityp wird nicht angezeigt. Speichern Sie die Datei und prüfen Sie sie mit den Programmen Ihres Arbeitsplatzes.</p>
      )}
      {url && kind === 'image' && <img className="clerk-viewer__image" src={url} alt={`Anlage ${fileName}`} />}
      {url && kind === 'pdf' && (
        // NOTE: Chromium shows a PDF in <object> only when the page's Content-Security-Policy allows
        // blob: in object-src; clerk.html sets object-src 'none' today, so the fallback text shows.
        <object className="clerk-viewer__pdf" data={url} type="application/pdf" aria-label={`PDF-Anlage ${fileName}`}>
          <p className="kern-body">Das PDF kann hier nicht angezeigt werden. Nutzen Sie „Speichern unter“ und öffnen Sie die Datei mit dem PDF-Programm Ihres Arbeitsplatzes.</p>
        </object>
      )}
    </Dialog>
  );
}
