// German texts for the sync state: the offline banner and the initial sync progress.
import type { SyncStatus } from '../../../src-shared/ipc/clerk.ts';
import { formatDateTimeDe } from '../../../src-shared/dates.ts';

export interface OfflineBannerText {
  title: string;
  body: string;
}

/** Returns the banner for a lost connection, or null while the portal is reachable. */
export function offlineBanner(status: SyncStatus): OfflineBannerText | null {
  if (status.online) return null;

  const lastSync = status.lastSyncAt ? `Letzter Abgleich: ${formatDateTimeDe(status.lastSyncAt)}.` : 'Noch kein Abgleich mit dem Portal.';
  const pending = status.pendingActions === 1
    ? '1 Aktion wartet auf das Senden.'
    : `${status.pendingActions} Aktionen warten auf das Senden.`;
  // The main process describes the cause in German. Without a cause, the banner names the next step.
  const next = status.lastError ?? 'Sie können weiterarbeiten: Ihre Aktionen werden gespeichert und gesendet, sobald die Verbindung wieder besteht.';

  return { title: 'Keine Verbindung zum Portal', body: `${lastSync} ${pending} ${next}` };
}

/** Returns the text of the initial sync progress, e.g. "1.200 von 4.000 Anträgen (30 %)". */
export function initialSyncText(progress: NonNullable<SyncStatus['initialSync']>): string {
  const done = progress.done.toLocaleString('de-DE');
  if (progress.total === null) return `${done} Anträge geladen`;
  const total = progress.total.toLocaleString('de-DE');
  const percent = progress.percent === null ? '' : ` (${Math.round(progress.percent)} %)`;
  return `${done} von ${total} Anträgen${percent}`;
}

/** Returns the short pending-actions note for the status bar, or null when nothing waits. */
export function pendingText(status: SyncStatus): string | null {
  if (status.pendingActions === 0) return null;
  return status.pendingActions === 1 ? '1 Aktion wird gesendet' : `${status.pendingActions} Aktionen werden gesendet`;
}
