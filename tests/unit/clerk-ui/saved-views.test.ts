import { describe, expect, it } from 'vitest';
import { InboxFilter } from '../../../src-shared/ipc/clerk.ts';
import { inboxQuery, SAVED_VIEWS, savedView } from '../../../src-renderer/clerk/logic/saved-views.ts';

describe('saved views', () => {
  it('offers the five tabs in order', () => {
    expect(SAVED_VIEWS.map((view) => view.label)).toEqual(['Meine', 'Nicht zugewiesen', 'Überfällig', 'Wiedervorlage heute', 'Alle']);
  });

  it('produce filters the IPC contract accepts', () => {
    for (const view of SAVED_VIEWS) expect(InboxFilter.safeParse(inboxQuery(view.id, 'Müller').filter).success).toBe(true);
  });

  it('keep closed applications out of Meine', () => {
    const statuses = savedView('mine').filter.statuses ?? [];
    expect(statuses).toContain('submitted');
    expect(statuses).not.toContain('approved');
    expect(statuses).not.toContain('discarded');
  });

  it('add a trimmed search and drop a blank one', () => {
    expect(inboxQuery('all', '  Müller ').filter).toEqual({ search: 'Müller' });
    expect(inboxQuery('all', '   ').filter).toEqual({});
  });

  it('cut an overlong search to the contract limit', () => {
    expect(inboxQuery('all', 'a'.repeat(600)).filter.search).toHaveLength(500);
  });

  it('reject an unknown view id', () => {
    expect(() => savedView('everything' as never)).toThrow('Unknown saved view "everything"');
  });
});
