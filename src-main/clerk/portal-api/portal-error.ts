// The one error type of the portal client: what failed (network, timeout, HTTP status), the
// portal's problem details when there were any, and a German message the clerk window can show.
import type { Problem } from '../../../src-shared/api.ts';

export type PortalErrorKind = 'network' | 'timeout' | 'http' | 'invalid-response';

export class PortalError extends Error {
  readonly kind: PortalErrorKind;
  /** HTTP status; null when no response arrived. */
  readonly status: number | null;
  readonly problem: Problem | null;
  /** German text for the clerk. */
  readonly userMessage: string;

  constructor(init: { kind: PortalErrorKind; status?: number | null; problem?: Problem | null; message: string; userMessage: string; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PortalError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.problem = init.problem ?? null;
    this.userMessage = init.userMessage;
  }

  /** True for failures that may pass on their own: no answer, a timeout, 408, 429 or a 5xx. */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.status === null) return false;
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** True when the session token is unknown or expired (401). */
  get unauthorized(): boolean {
    return this.status === 401;
  }
}

export const MESSAGES_DE = {
  network: 'Das Portal ist nicht erreichbar. Ihre Arbeit bleibt gespeichert und wird gesendet, sobald die Verbindung wieder steht.',
  timeout: 'Das Portal antwortet nicht rechtzeitig. Es wird später erneut versucht.',
  serverError: (status: number) => `Das Portal meldet einen Fehler (HTTP ${status}). Es wird später erneut versucht.`,
  unauthorized: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  invalidResponse: 'Das Portal hat eine unerwartete Antwort geschickt. Bitte wenden Sie sich an die IT, wenn das wiederholt auftritt.',
  rejected: (status: number) => `Das Portal hat die Anfrage abgelehnt (HTTP ${status}).`,
  notSignedIn: 'Sie sind nicht angemeldet. Bitte melden Sie sich an.',
  offlineNoData: 'Diese Daten sind ohne Verbindung zum Portal nicht verfügbar. Bitte versuchen Sie es später erneut.',
  applicationNotCached: 'Der Antrag ist nicht (mehr) in Ihrem Posteingang. Bitte aktualisieren Sie die Liste.',
  attachmentUnknown: 'Die Datei gehört nicht zu diesem Antrag.',
  loginFailed: 'Die Anmeldung ist fehlgeschlagen.',
  assistedIntakeUnavailable: 'Die Vor-Ort-Erfassung ist in diesem Fenster nicht verfügbar.',
  settingsUnavailable: 'Die Einstellungen sind in diesem Fenster nicht verfügbar.',
  fileDialogUnavailable: 'Speichern ist in diesem Fenster nicht verfügbar.',
  conflictUnknown: 'Dieser Konflikt ist bereits erledigt.',
} as const;
