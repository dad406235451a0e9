// German texts and date formatting of the status page.
import type { ApplicationStatus } from '../../src-shared/index.ts';

const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** "12. März 2026 um 14:05" in Berlin time, whatever the device's zone. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

export function errorText(error: unknown, fallback: string): string {
  const status = (error as { status?: number }).status;
  const userMessage = (error as { userMessage?: string | null }).userMessage;
  if (userMessage) return userMessage;
  if (status === 0) return 'Die Verbindung zum Bürgerservice ist unterbrochen. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.';
  return fallback;
}

/** The steps of the progress indicator; a decided application ends in its decision. */
export interface ProgressStep {
  id: string;
  label: string;
}

export function progressSteps(current: ApplicationStatus): ProgressStep[] {
  const decision: ProgressStep = current === 'approved' ? { id: 'approved', label: 'Bewilligt' }
    : current === 'rejected' ? { id: 'rejected', label: 'Abgelehnt' }
      : current === 'withdrawn' ? { id: 'withdrawn', label: 'Zurückgezogen' }
        : { id: 'decided', label: 'Entschieden' };
  return [
    { id: 'submitted', label: 'Eingegangen' },
    { id: 'accepted', label: 'Angenommen' },
    { id: 'in_progress', label: 'In Bearbeitung' },
    decision,
  ];
}

/** Index of the current step; a Rückfrage belongs to processing. */
export function currentStepIndex(status: ApplicationStatus): number {
  switch (status) {
    case 'submitted':
      return 0;
    case 'accepted':
      return 1;
    case 'in_progress':
    case 'action_required':
      return 2;
    case 'approved':
    case 'rejected':
    case 'withdrawn':
    case 'discarded':
      return 3;
  }
}
