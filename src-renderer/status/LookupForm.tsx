// Reference number and access code, as printed on the receipt.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Credentials } from './status-api.ts';

export interface LookupFormProps {
  initialReference: string;
  busy: boolean;
  error: string | null;
  onSubmit(credentials: Credentials): void;
}

export function LookupForm({ initialReference, busy, error, onSubmit }: LookupFormProps) {
  const [reference, setReference] = useState(initialReference);
  const [accessCode, setAccessCode] = useState('');
  const [missing, setMissing] = useState<{ reference: boolean; accessCode: boolean }>({ reference: false, accessCode: false });
  const errorRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  useEffect(() => {
    // From the QR code the reference is known, so the code is what the citizen types next.
    if (initialReference) codeRef.current?.focus();
  }, [initialReference]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { reference: reference.trim() === '', accessCode: accessCode.trim() === '' };
    setMissing(next);
    if (next.reference || next.accessCode) return;
    onSubmit({ reference: reference.trim().toUpperCase(), accessCode: accessCode.trim() });
  };

  return (
    <form className="status-stack" onSubmit={submit} noValidate aria-labelledby="lookup-heading">
      <h1 id="lookup-heading" className="kern-heading-large">Status Ihres Antrags</h1>
      <p className="kern-body">
        Geben Sie die Vorgangsnummer und den Zugangscode aus Ihrer Eingangsbestätigung ein. Dann sehen Sie, wie weit
        Ihr Antrag ist, und können Rückfragen beantworten.
      </p>

      {error && (
        <div className="kern-alert kern-alert--danger" role="alert" tabIndex={-1} ref={errorRef}>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-title">Abfrage nicht möglich</span>
          </div>
          <div className="kern-alert__body"><p className="kern-body">{error}</p></div>
        </div>
      )}

      <div className={`kern-form-input ${missing.reference ? 'kern-form-input--error' : ''}`}>
        <label className="kern-label" htmlFor="reference">Vorgangsnummer</label>
        <div className="kern-hint" id="reference-hint">Zum Beispiel SN-2026-000123</div>
        {missing.reference && <p className="kern-error" id="reference-error">Bitte geben Sie die Vorgangsnummer ein.</p>}
        <input
          id="reference"
          name="reference"
          className={`kern-form-input__input ${missing.reference ? 'kern-form-input__input--error' : ''}`}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={missing.reference ? 'reference-hint reference-error' : 'reference-hint'}
          aria-invalid={missing.reference || undefined}
        />
      </div>

      <div className={`kern-form-input ${missing.accessCode ? 'kern-form-input--error' : ''}`}>
        <label className="kern-label" htmlFor="access-code">Zugangscode</label>
        <div className="kern-hint" id="access-code-hint">Zwölf Zeichen, zum Beispiel 7KQ2-M9XD-4TRA. Groß- und Kleinschreibung spielt keine Rolle.</div>
        {missing.accessCode && <p className="kern-error" id="access-code-error">Bitte geben Sie den Zugangscode ein.</p>}
        <input
          id="access-code"
          name="access-code"
          ref={codeRef}
          className={`kern-form-input__input ${missing.accessCode ? 'kern-form-input__input--error' : ''}`}
          value={accessCode}
          onChange={(event) => setAccessCode(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={missing.accessCode ? 'access-code-hint access-code-error' : 'access-code-hint'}
          aria-invalid={missing.accessCode || undefined}
        />
      </div>

      <div className="status-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{busy ? 'Wird abgefragt …' : 'Status abfragen'}</span>
        </button>
      </div>
    </form>
  );
}
