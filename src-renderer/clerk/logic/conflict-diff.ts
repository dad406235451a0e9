// Differences between the application as the clerk saw it and as the portal has it now, for the
// conflict dialog. Only the fields a clerk acts on are compared, and new history entries are listed.
import type { Application, HistoryEntry } from '../../../src-shared/api.ts';
import { formatDateDe } from '../../../src-shared/dates.ts';
import { STATUS_LABELS_DE } from '../../../src-shared/status.ts';

export interface FieldChange {
  label: string;
  local: string;
  server: string;
}

export interface ConflictDiff {
  changes: FieldChange[];
  /** History entries the portal has and the clerk's version did not. */
  newEntries: HistoryEntry[];
}

export type NameOf = (id: string | null) => string;

/** Compares the two versions of a conflict; either may be missing when it could not be fetched. */
export function diffApplications(local: Application | null, server: Application | null, userName: NameOf, authorityName: NameOf): ConflictDiff {
  const rows: [string, (application: Application) => string][] = [
    ['Version', (application) => String(application.version)],
    ['Status', (application) => STATUS_LABELS_DE[application.status]],
    ['Zuständig', (application) => userName(application.assigneeId)],
    ['Wiedervorlage', (application) => (application.followUp ? formatDateDe(application.followUp) : 'keine')],
    ['Behörde', (application) => authorityName(application.authorityId)],
    ['Neue Antwort der Antragstellerin / des Antragstellers', (application) => (application.needsAttention ? 'ja' : 'nein')],
  ];

  const missing = 'nicht verfügbar';
  const changes = rows
    .map(([label, read]) => ({ label, local: local ? read(local) : missing, server: server ? read(server) : missing }))
    .filter((change) => change.local !== change.server);

  const knownIds = new Set(local?.history.map((entry) => entry.id) ?? []);
  const newEntries = server ? server.history.filter((entry) => !knownIds.has(entry.id)) : [];

  return { changes, newEntries };
}
