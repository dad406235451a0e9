// Status timeline of an application: every history entry as one German line, with a flag for
// content the applicant never gets to read (Vermerk, internal notes, assignments, forwarding).
import type { HistoryEntry } from '../../../src-shared/api.ts';
import { formatDateDe } from '../../../src-shared/dates.ts';
import { STATUS_LABELS_DE } from '../../../src-shared/status.ts';
import type { NameOf } from './conflict-diff.ts';

export interface TimelineItem {
  id: string;
  at: string;
  actor: string;
  title: string;
  /** Blocks of text, each with a flag for whether it is internal. */
  texts: { label: string; text: string; internal: boolean }[];
  /** True when the whole entry is internal. */
  internal: boolean;
}

/** Names the actor of a history entry: a clerk's display name, the citizen or the system. */
export function actorName(actorId: string, userName: NameOf): string {
  if (actorId === 'citizen') return 'Antragsteller:in';
  if (actorId === 'system') return 'System';
  return userName(actorId);
}

export function timelineItem(entry: HistoryEntry, userName: NameOf, authorityName: NameOf): TimelineItem {
  const base = { id: entry.id, at: entry.at, actor: actorName(entry.actorId, userName) };

  switch (entry.kind) {
    case 'status': {
      const texts: TimelineItem['texts'] = [];
      if (entry.citizenText) texts.push({ label: 'Text für Antragsteller:in', text: entry.citizenText, internal: false });
      if (entry.decision) texts.push({ label: 'Bescheid', text: entry.decision.text, internal: false });
      if (entry.decision?.reasons) texts.push({ label: 'Begründung', text: entry.decision.reasons, internal: false });
      if (entry.internalNote) texts.push({ label: 'Vermerk', text: entry.internalNote, internal: true });
      // Discarding is never shown to the citizen.
      return { ...base, title: `Status: ${STATUS_LABELS_DE[entry.status]}`, texts, internal: entry.status === 'discarded' };
    }
    case 'message':
      return {
        ...base,
        title: entry.direction === 'to_citizen' ? 'Nachricht an Antragsteller:in' : 'Antwort von Antragsteller:in',
        texts: [{ label: 'Nachricht', text: entry.text, internal: false }],
        internal: false,
      };
    case 'note':
      return { ...base, title: 'Vermerk', texts: [{ label: 'Vermerk', text: entry.text, internal: true }], internal: true };
    case 'forwarding':
      return {
        ...base,
        title: `Weitergeleitet von ${authorityName(entry.fromAuthorityId)} an ${authorityName(entry.toAuthorityId)}`,
        texts: [{ label: 'Grund', text: entry.reason, internal: true }],
        internal: true,
      };
    case 'assignment':
      return { ...base, title: entry.assigneeId ? `Zugewiesen an ${userName(entry.assigneeId)}` : 'Zuweisung aufgehoben', texts: [], internal: true };
    case 'follow_up':
      return { ...base, title: entry.date ? `Wiedervorlage am ${formatDateDe(entry.date)}` : 'Wiedervorlage entfernt', texts: [], internal: true };
  }
}

/** Builds the timeline, newest entry first, which is where a clerk looks. */
export function buildTimeline(history: readonly HistoryEntry[], userName: NameOf, authorityName: NameOf): TimelineItem[] {
  return [...history]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((entry) => timelineItem(entry, userName, authorityName));
}
