// Saved views of the inbox, shown as tabs. The filters match the presets of the clerk cache in the
// main process. The renderer keeps its own copy because it may not import main-process code.
import type { InboxFilterInput, QueryInboxArgs } from '../../../src-shared/ipc/clerk.ts';
import { APPLICATION_STATUSES, TERMINAL_STATUSES } from '../../../src-shared/status.ts';

export const SAVED_VIEW_IDS = ['mine', 'unassigned', 'overdue', 'follow_up_due', 'all'] as const;
export type SavedViewId = (typeof SAVED_VIEW_IDS)[number];

export interface SavedView {
  id: SavedViewId;
  label: string;
  filter: InboxFilterInput;
  sort: QueryInboxArgs['sort'];
}

const OPEN_STATUSES = APPLICATION_STATUSES.filter((status) => !TERMINAL_STATUSES.has(status));

export const SAVED_VIEWS: readonly SavedView[] = [
  { id: 'mine', label: 'Meine', filter: { assignee: 'me', statuses: OPEN_STATUSES }, sort: { field: 'deadline', direction: 'asc' } },
  { id: 'unassigned', label: 'Nicht zugewiesen', filter: { assignee: 'unassigned', statuses: OPEN_STATUSES }, sort: { field: 'received', direction: 'asc' } },
  { id: 'overdue', label: 'Überfällig', filter: { overdue: true }, sort: { field: 'deadline', direction: 'asc' } },
  { id: 'follow_up_due', label: 'Wiedervorlage heute', filter: { followUpDue: true }, sort: { field: 'deadline', direction: 'asc' } },
  { id: 'all', label: 'Alle', filter: {}, sort: { field: 'received', direction: 'desc' } },
];

export function savedView(id: SavedViewId): SavedView {
  const view = SAVED_VIEWS.find((candidate) => candidate.id === id);
  if (!view) throw new RangeError(`Unknown saved view ${JSON.stringify(id)}; expected one of ${SAVED_VIEW_IDS.join(', ')}`);
  return view;
}

/** Maximum search length the IPC contract accepts; longer input is cut, not rejected. */
export const MAX_SEARCH_LENGTH = 500;

/** Returns the filter and sort of a view with the clerk's search on top; blank search means none. */
export function inboxQuery(id: SavedViewId, search: string): Pick<QueryInboxArgs, 'filter' | 'sort'> {
  const view = savedView(id);
  const trimmed = search.trim().slice(0, MAX_SEARCH_LENGTH);
  const filter: InboxFilterInput = trimmed === '' ? { ...view.filter } : { ...view.filter, search: trimmed };
  return { filter, sort: view.sort };
}
