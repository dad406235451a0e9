// The documents step: per required document the files added so far and a way to add more. The web
// uses a file input. The kiosk uses a picker over the terminal's scans, because it must never open
// the OS file dialog.
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import type { RequiredDocument, Service } from '../../../src-shared/index.ts';
import { base64Prefix, bytesToBase64 } from '../attachments/base64.ts';
import { acceptAttribute, acceptedTypesLabel, checkCandidateFile, checkFileContent, formatFileSize } from '../attachments/check.ts';
import { LOCALE_INFO, type Translate } from '../i18n/messages.ts';
import { formatBerlinDateTime } from '../receipt/format.ts';
import type { AttachedFile } from '../store.ts';
import type { FieldIssue } from '../wizard/field-input.ts';
import { useCitizen, useHost, useT } from './context.tsx';

export const DOCUMENTS_TARGET_ID = 'documents-first';
export const SCANS_QUERY_KEY = ['citizen', 'scans'] as const;

/** Messages for required documents without any file. */
export function missingDocumentMessages(service: Service, attachments: AttachedFile[], t: Translate): string[] {
  return service.documents
    .filter((document) => document.required && !attachments.some((file) => file.documentId === document.id))
    .map((document) => t('documents.missing', { label: document.label }));
}

export function DocumentsStep({ service }: { service: Service }) {
  const t = useT();
  const documentErrors = useCitizen((state) => state.errors.documents);

  return (
    <div className="citizen-stack">
      <p className="kern-body">{t('documents.intro')}</p>
      {documentErrors.length > 0 && (
        <ul className="kern-list citizen-document-errors">
          {documentErrors.map((message, index) => (
            <li key={index} className="kern-error"><span className="kern-body">{message}</span></li>
          ))}
        </ul>
      )}
      {service.documents.map((document, index) => (
        <DocumentCard key={document.id} document={document} first={index === 0} />
      ))}
    </div>
  );
}

function DocumentCard({ document, first }: { document: RequiredDocument; first: boolean }) {
  const t = useT();
  const { backend } = useHost();
  const locale = useCitizen((state) => state.locale);
  const attachments = useCitizen((state) => state.attachments);
  const removeAttachment = useCitizen((state) => state.removeAttachment);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const files = attachments.filter((file) => file.documentId === document.id);
  const headingId = `document-${document.id}-heading`;
  const intlLocale = LOCALE_INFO[locale].intlLocale;
  const report = (issue: FieldIssue | null, added?: string) => {
    setProblem(issue ? t(issue.key, issue.params) : null);
    if (added) setStatus(t('documents.added', { file: added }));
  };

  return (
    <section className="kern-card citizen-document" aria-labelledby={headingId}>
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 id={headingId} className="kern-heading-small" lang="de">{document.label}</h2>
          <span className={`kern-badge ${document.required ? 'kern-badge--info' : ''}`}>
            <span className="kern-label">{document.required ? t('documents.requiredBadge') : t('documents.optionalBadge')}</span>
          </span>
        </header>
        <div className="kern-card__body citizen-stack">
          {document.help && <p className="kern-body" lang="de">{document.help}</p>}
          <p className="kern-body kern-body--small" id={`${headingId}-accepted`}>
            {t('documents.accepted', { types: acceptedTypesLabel(document), size: formatFileSize(document.maxBytes, intlLocale) })}
          </p>

          {files.length > 0 && (
            <ul className="citizen-file-list" aria-label={t('documents.attachedList')}>
              {files.map((file) => (
                <li key={file.localId}>
                  <span className="kern-body">{file.fileName} ({formatFileSize(file.size, intlLocale)})</span>
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary"
                    onClick={() => {
                      removeAttachment(file.localId);
                      setStatus(t('documents.removed', { file: file.fileName }));
                    }}
                  >
                    <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                    <span className="kern-label">{t('documents.remove', { file: file.fileName })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}

          {problem && (
            <p className="kern-error" role="alert">
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-body">{problem}</span>
            </p>
          )}

          {backend.listScannedDocuments && backend.readScannedDocument ? (
            <ScanPicker document={document} first={first} onResult={report} />
          ) : (
            <FileInput document={document} first={first} describedBy={`${headingId}-accepted`} onResult={report} />
          )}

          <p className="kern-sr-only" role="status">{status}</p>
        </div>
      </div>
    </section>
  );
}

interface PickerProps {
  document: RequiredDocument;
  /** The first document's picker is where the error summary sends focus. */
  first: boolean;
  onResult: (issue: FieldIssue | null, addedFileName?: string) => void;
}

function FileInput({ document, first, describedBy, onResult }: PickerProps & { describedBy: string }) {
  const t = useT();
  const locale = useCitizen((state) => state.locale);
  const attachments = useCitizen((state) => state.attachments);
  const addAttachment = useCitizen((state) => state.addAttachment);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonId = first ? DOCUMENTS_TARGET_ID : `document-${document.id}-choose`;

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    // Clearing the input lets the citizen pick the same file again after fixing it, and keeps the
    // picker usable after a rejected file.
    event.target.value = '';

    let count = attachments.length;
    for (const file of chosen) {
      const issue = checkCandidateFile(file, document, count, LOCALE_INFO[locale].intlLocale);
      if (issue) {
        onResult(issue);
        return;
      }

      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        onResult({ key: 'documents.readFailed', params: { file: file.name } });
        return;
      }

      const content = checkFileContent(file.name, bytes, document);
      if (!content.ok) {
        onResult(content.issue);
        return;
      }

      addAttachment({
        localId: crypto.randomUUID(),
        documentId: document.id,
        fileName: file.name,
        mediaType: content.mediaType,
        contentBase64: bytesToBase64(bytes),
        size: file.size,
      });
      count += 1;
      onResult(null, file.name);
    }
  };

  return (
    <div className="citizen-picker-row">
      <input
        ref={inputRef}
        type="file"
        hidden
        tabIndex={-1}
        accept={acceptAttribute(document)}
        multiple
        onChange={(event) => void onChange(event)}
      />
      <button id={buttonId} type="button" className="kern-btn kern-btn--secondary" aria-describedby={describedBy} onClick={() => inputRef.current?.click()}>
        <span className="kern-icon kern-icon--drive-folder-upload" aria-hidden="true" />
        <span className="kern-label">{t('documents.chooseFile')}</span>
        <span className="kern-sr-only">: {document.label}</span>
      </button>
    </div>
  );
}

function ScanPicker({ document, first, onResult }: PickerProps) {
  const t = useT();
  const { backend } = useHost();
  const locale = useCitizen((state) => state.locale);
  const attachments = useCitizen((state) => state.attachments);
  const addAttachment = useCitizen((state) => state.addAttachment);
  const [open, setOpen] = useState(false);
  const listId = `document-${document.id}-scans`;

  const scans = useQuery({
    queryKey: SCANS_QUERY_KEY,
    queryFn: () => backend.listScannedDocuments?.() ?? Promise.resolve([]),
    enabled: open,
  });

  const choose = async (scanId: string, fileName: string, mediaType: string, size: number) => {
    const issue = checkCandidateFile({ name: fileName, type: mediaType, size }, document, attachments.length, LOCALE_INFO[locale].intlLocale);
    if (issue) {
      onResult(issue);
      return;
    }

    try {
      const content = await backend.readScannedDocument!(scanId);
      const checked = checkFileContent(fileName, base64Prefix(content.contentBase64, 16), document);
      if (!checked.ok) {
        onResult(checked.issue);
        return;
      }
      addAttachment({
        localId: crypto.randomUUID(),
        documentId: document.id,
        fileName: content.fileName,
        mediaType: checked.mediaType,
        contentBase64: content.contentBase64,
        size,
      });
      onResult(null, content.fileName);
      setOpen(false);
    } catch {
      onResult({ key: 'documents.readFailed', params: { file: fileName } });
    }
  };

  return (
    <div className="citizen-stack">
      <p className="kern-body kern-body--small">{t('documents.scanHelp')}</p>
      <div className="citizen-picker-row">
        <button
          id={first ? DOCUMENTS_TARGET_ID : undefined}
          type="button"
          className="kern-btn kern-btn--secondary"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('documents.chooseScan')}</span>
          <span className="kern-sr-only">: {document.label}</span>
        </button>
      </div>

      {open && (
        <div id={listId} className="citizen-scans" role="region" aria-label={t('documents.scanListTitle')}>
          <div className="citizen-actions">
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => scans.refetch()}>
              <span className="kern-icon kern-icon--autorenew" aria-hidden="true" />
              <span className="kern-label">{t('documents.refreshScans')}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setOpen(false)}>
              <span className="kern-icon kern-icon--close" aria-hidden="true" />
              <span className="kern-label">{t('documents.closeScans')}</span>
            </button>
          </div>
          {scans.isPending && <p className="kern-body" role="status">{t('app.loading')}</p>}
          {scans.isError && <p className="kern-error" role="alert"><span className="kern-body">{t('documents.scansFailed')}</span></p>}
          {scans.isSuccess && scans.data.length === 0 && <p className="kern-body">{t('documents.noScans')}</p>}
          {scans.isSuccess && scans.data.length > 0 && (
            <ul className="citizen-scans__grid">
              {scans.data.map((scan) => (
                <li key={scan.id}>
                  <button type="button" className="citizen-scan" onClick={() => void choose(scan.id, scan.fileName, scan.mediaType, scan.size)}>
                    <img src={scan.thumbnailDataUrl} alt="" className="citizen-scan__thumbnail" />
                    <span className="kern-body kern-body--small citizen-scan__name">{t('documents.useScan', { file: scan.fileName })}</span>
                    <span className="kern-body kern-body--small">{t('documents.scannedAt', { time: formatBerlinDateTime(scan.scannedAt, locale) })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
