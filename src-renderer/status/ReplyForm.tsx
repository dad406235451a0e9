// Answer to a Rückfrage: text and up to five documents (PDF, JPEG, PNG, at most 10 MB each),
// sent with an upload progress bar. The portal checks the files again by their content.
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { MAX_REPLY_ATTACHMENTS, MAX_REPLY_TEXT_LENGTH, type CitizenStatusView } from '../../src-shared/index.ts';
import { bytesToBase64 } from '../citizen/attachments/base64.ts';
import type { Credentials, StatusApi } from './status-api.ts';
import { errorText } from './texts.ts';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

interface ChosenFile {
  id: string;
  file: File;
}

export interface ReplyFormProps {
  api: StatusApi;
  credentials: Credentials;
  onSent(view: CitizenStatusView): void;
}

export function ReplyForm({ api, credentials, onSent }: ReplyFormProps) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const fileInput = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const showErrors = (messages: string[]) => {
    setErrors(messages);
    // After the render, so the alert exists when it takes the focus.
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    const problems: string[] = [];
    const accepted: ChosenFile[] = [];
    for (const file of picked) {
      if (!ACCEPTED_TYPES.includes(file.type)) problems.push(`„${file.name}“ ist kein PDF, JPEG oder PNG.`);
      else if (file.size > MAX_FILE_BYTES) problems.push(`„${file.name}“ ist größer als 10 MB.`);
      else if (file.size === 0) problems.push(`„${file.name}“ ist leer.`);
      else accepted.push({ id: crypto.randomUUID(), file });
    }
    const next = [...files, ...accepted];
    if (next.length > MAX_REPLY_ATTACHMENTS) problems.push(`Sie können höchstens ${MAX_REPLY_ATTACHMENTS} Dateien mitschicken.`);
    setFiles(next.slice(0, MAX_REPLY_ATTACHMENTS));
    if (problems.length > 0) showErrors(problems);
    else setErrors([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      showErrors(['Bitte schreiben Sie eine Antwort.']);
      return;
    }

    setErrors([]);
    setProgress(0);
    try {
      const attachments = await Promise.all(files.map(async ({ file }) => ({
        fileName: file.name,
        mediaType: file.type,
        contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
      })));
      const view = await api.reply({ ...credentials, text: text.trim(), attachments }, idempotencyKey.current, setProgress);
      setProgress(null);
      onSent(view);
    } catch (error) {
      setProgress(null);
      const fieldErrors = (error as { fieldErrors?: { message: string }[] }).fieldErrors ?? [];
      showErrors(fieldErrors.length > 0 ? fieldErrors.map((item) => item.message) : [errorText(error, 'Ihre Antwort konnte nicht gesendet werden. Bitte versuchen Sie es erneut.')]);
    }
  };

  const sending = progress !== null;

  return (
    <form className="status-stack status-no-print" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="reply-heading">
      <h2 id="reply-heading" className="kern-heading-medium">Rückfrage beantworten</h2>

      {errors.length > 0 && (
        <div className="kern-alert kern-alert--danger" role="alert" tabIndex={-1} ref={errorRef}>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-title">Antwort nicht gesendet</span>
          </div>
          <div className="kern-alert__body">
            <ul className="kern-list">{errors.map((message) => <li key={message}>{message}</li>)}</ul>
          </div>
        </div>
      )}

      <div className="kern-form-input">
        <label className="kern-label" htmlFor="reply-text">Ihre Antwort</label>
        <div className="kern-hint" id="reply-text-hint">Höchstens {MAX_REPLY_TEXT_LENGTH.toLocaleString('de-DE')} Zeichen.</div>
        <textarea
          id="reply-text"
          className="kern-form-input__input status-reply__text"
          rows={6}
          maxLength={MAX_REPLY_TEXT_LENGTH}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby="reply-text-hint"
          disabled={sending}
        />
      </div>

      <div className="kern-form-input">
        <label className="kern-label" htmlFor="reply-files">Dokumente anhängen (freiwillig)</label>
        <div className="kern-hint" id="reply-files-hint">PDF, JPEG oder PNG, höchstens 10 MB je Datei und {MAX_REPLY_ATTACHMENTS} Dateien.</div>
        <input
          id="reply-files"
          ref={fileInput}
          type="file"
          className="status-reply__files"
          accept={ACCEPTED_TYPES.join(',')}
          multiple
          onChange={choose}
          aria-describedby="reply-files-hint"
          disabled={sending || files.length >= MAX_REPLY_ATTACHMENTS}
        />
      </div>

      {files.length > 0 && (
        <ul className="kern-list status-reply__chosen" aria-label="Ausgewählte Dateien">
          {files.map(({ id, file }) => (
            <li key={id}>
              <span className="kern-body">{file.name} ({formatSize(file.size)})</span>{' '}
              <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => setFiles(files.filter((item) => item.id !== id))} disabled={sending}>
                <span className="kern-label">„{file.name}“ entfernen</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      {sending && (
        <div className="status-stack" role="status">
          <label className="kern-label" htmlFor="reply-progress">Antwort wird gesendet …</label>
          <progress id="reply-progress" className="kern-progress" max={100} value={Math.round(progress * 100)}>{Math.round(progress * 100)} %</progress>
        </div>
      )}

      <div className="status-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={sending}>
          <span className="kern-label">Antwort senden</span>
        </button>
      </div>
    </form>
  );
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`
    : `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}
