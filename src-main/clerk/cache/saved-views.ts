// Saved views: named filter presets that the inbox offers as tabs. Labels are German UI text.
import { APPLICATION_STATUSES, TERMINAL_STATUSES } from '../../../src-shared/status.ts';
import type { InboxFilter, InboxSort } from './inbox-query.ts';

export const SAVED_VIEW_IDS = ['mine', 'unassigned', 'overdue', 'follow_up_due'] as const;
export type SavedViewId = (typeof SAVED_VIEW_IDS)[number];

export interface SavedView {
  id: SavedViewId;
  label: string;
  filter: InboxFilter;
  sort: InboxSort;
}

/** Statuses that still need work; closed applications stay out of the work views. */
export const OPEN_STATUSES = APPLICATION_STATUSES.filter((status) => !TERMINAL_STATUSES.has(status));

export const SAVED_VIEWS: readonly SavedView[] = [
  {
    id: 'mine',
    label: 'Meine',
    filter: { assignee: 'me', statuses: OPEN_STATUSES },
    sort: { field: 'deadline', direction: 'asc' },
  },
  {
    id: 'unassigned',
    label: 'Nicht zugewiesen',
    filter: { assignee: 'unassigned', statuses: OPEN_STATUSES },
    sort: { field: 'received', direction: 'asc' },
  },
  {
    // Overdue already means "not closed", see InboxFilter.overdue.
    id: 'overdue',
    label: 'Überfällig',
    filter: { overdue: true },
    sort: { field: 'deadline', direction: 'asc' },
  },
  {
    id: 'follow_up_due',
    label: 'Wiedervorlage heute',
    filter: { followUpDue: true },
    sort: { field: 'deadline', direction: 'asc' },
  },
];

/** Returns the saved view's filter with the clerk's extra conditions (e.g. a search) on top. */
export function savedViewFilter(id: SavedViewId, extra: InboxFilter = {}): InboxFilter {
  const view = SAVED_VIEWS.find((candidate) => candidate.id === id);
  if (!view) throw new RangeError(`Unknown saved view ${JSON.stringify(id)}; expected one of ${SAVED_VIEW_IDS.join(', ')}`);
  return { ...view.filter, ...extra };
}
