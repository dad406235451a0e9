import { afterEach, describe, expect, it } from 'vitest';
import type { Application } from '../../../src-shared/api.ts';
import { SAVED_VIEWS, savedViewFilter, type InboxFilter, type InboxSort } from '../../../src-main/clerk/cache/index.ts';
import { OTHER_USER_ID, USER_ID, clockAt, feedPage, makeApplication, openTempCache, upserts, type TempCache } from './helpers.ts';

const RESIDENT_PARKING = 'urn:de:fim:leika:leistung:99050012104000';
const DOG_TAX = 'urn:de:fim:leika:leistung:99107004017000';

let opened: TempCache;
afterEach(() => opened.dispose());

const byReceived: InboxSort = { field: 'received', direction: 'asc' };
const allRows = { limit: 1_000, offset: 0 };

/** Opens a cache at the given instant and fills it with the applications. */
function cacheWith(applications: Application[], now = '2026-03-10T10:00:00Z'): TempCache {
  opened = openTempCache({ now: clockAt(now) });
  opened.cache.applyFeedPage(feedPage(upserts(...applications)));
  return opened;
}

function references(filter: InboxFilter, sort: InboxSort = byReceived): string[] {
  return opened.cache.queryInbox(filter, sort, allRows).rows.map((row) => row.reference.slice(-2));
}

function app(n: number, overrides: Partial<Application> = {}): Application {
  return makeApplication(n, { receivedAt: `2026-03-01T08:${String(n).padStart(2, '0')}:00.000Z`, ...overrides });
}

describe('queryInbox filters', () => {
  it('returns everything without filter', () => {
    cacheWith([app(1), app(2), app(3)]);

    const page = opened.cache.queryInbox({}, byReceived, allRows);

    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.reference)).toEqual(['SN-2026-000001', 'SN-2026-000002', 'SN-2026-000003']);
  });

  it('filters by one or several statuses', () => {
    cacheWith([app(1, { status: 'submitted' }), app(2, { status: 'accepted' }), app(3, { status: 'approved' })]);

    expect(references({ statuses: ['accepted'] })).toEqual(['02']);
    expect(references({ statuses: ['submitted', 'approved'] })).toEqual(['01', '03']);
    expect(references({ statuses: [] })).toEqual(['01', '02', '03']);
  });

  it('filters by service', () => {
    cacheWith([app(1, { serviceId: RESIDENT_PARKING }), app(2, { serviceId: DOG_TAX, serviceName: 'Anmeldung eines Hundes zur Hundesteuer' })]);

    expect(references({ serviceIds: [DOG_TAX] })).toEqual(['02']);
    expect(references({ serviceIds: [RESIDENT_PARKING, DOG_TAX] })).toEqual(['01', '02']);
  });

  it('filters by assignee', () => {
    cacheWith([app(1, { assigneeId: USER_ID }), app(2, { assigneeId: OTHER_USER_ID }), app(3, { assigneeId: null })]);

    expect(references({ assignee: 'me' })).toEqual(['01']);
    expect(references({ assignee: 'unassigned' })).toEqual(['03']);
    expect(references({ assignee: 'anyone' })).toEqual(['01', '02', '03']);
  });

  it('filters by channel', () => {
    cacheWith([app(1, { channel: 'online' }), app(2, { channel: 'kiosk' }), app(3, { channel: 'assisted' })]);

    expect(references({ channels: ['kiosk'] })).toEqual(['02']);
    expect(references({ channels: ['online', 'assisted'] })).toEqual(['01', '03']);
  });

  it('filters overdue open applications', () => {
    // Today is 2026-03-10 in Berlin.
    cacheWith([
      app(1, { deadline: '2026-03-09' }),
      app(2, { deadline: '2026-03-10' }),
      app(3, { deadline: '2026-03-01', status: 'approved' }),
      app(4, { deadline: '2026-02-01', status: 'action_required' }),
    ]);

    expect(references({ overdue: true })).toEqual(['01', '04']);
  });

  it('filters due within N days', () => {
    cacheWith([
      app(1, { deadline: '2026-03-09' }),
      app(2, { deadline: '2026-03-10' }),
      app(3, { deadline: '2026-03-13' }),
      app(4, { deadline: '2026-03-14' }),
      app(5, { deadline: '2026-03-12', status: 'rejected' }),
    ]);

    expect(references({ dueWithinDays: 0 })).toEqual(['02']);
    expect(references({ dueWithinDays: 3 })).toEqual(['02', '03']);
    expect(references({ dueWithinDays: 4 })).toEqual(['02', '03', '04']);
  });

  it('rejects invalid due window', () => {
    cacheWith([]);

    for (const days of [-1, 1.5, Number.NaN, 100_000]) {
      expect(() => opened.cache.queryInbox({ dueWithinDays: days }, byReceived, allRows)).toThrow(/Invalid dueWithinDays/);
    }
  });

  it('filters follow-up due on or before today', () => {
    cacheWith([
      app(1, { followUp: '2026-03-09' }),
      app(2, { followUp: '2026-03-10' }),
      app(3, { followUp: '2026-03-11' }),
      app(4, { followUp: null }),
    ]);

    expect(references({ followUpDue: true })).toEqual(['01', '02']);
  });

  it('filters needs attention', () => {
    cacheWith([app(1, { needsAttention: true }), app(2)]);

    expect(references({ needsAttention: true })).toEqual(['01']);
  });

  it('combines filters with AND', () => {
    cacheWith([
      app(1, { assigneeId: USER_ID, channel: 'kiosk', deadline: '2026-03-01' }),
      app(2, { assigneeId: USER_ID, channel: 'online', deadline: '2026-03-01' }),
      app(3, { assigneeId: null, channel: 'kiosk', deadline: '2026-03-01' }),
      app(4, { assigneeId: USER_ID, channel: 'kiosk', deadline: '2026-04-01' }),
    ]);

    expect(references({ assignee: 'me', channels: ['kiosk'], overdue: true })).toEqual(['01']);
  });
});

describe('queryInbox in Berlin time', () => {
  // 2026-03-29 is the last Sunday of March: clocks go from 02:00 CET to 03:00 CEST.
  it('uses Berlin today just after midnight in March', () => {
    // 23:30 UTC on Saturday is 00:30 CET on Sunday in Berlin.
    cacheWith([app(1, { deadline: '2026-03-28' }), app(2, { deadline: '2026-03-29' }), app(3, { deadline: '2026-03-30' })], '2026-03-28T23:30:00Z');

    expect(references({ overdue: true })).toEqual(['01']);
    expect(references({ dueWithinDays: 1 })).toEqual(['02', '03']);
  });

  it('uses Berlin today on the DST Sunday evening in March', () => {
    // 21:30 UTC is 23:30 CEST, still Sunday; 22:30 UTC is already Monday 00:30.
    cacheWith([app(1, { deadline: '2026-03-29' }), app(2, { deadline: '2026-03-30' })], '2026-03-29T21:30:00Z');
    expect(references({ overdue: true })).toEqual([]);
    expect(references({ dueWithinDays: 0 })).toEqual(['01']);
    opened.dispose();

    cacheWith([app(1, { deadline: '2026-03-29' }), app(2, { deadline: '2026-03-30' })], '2026-03-29T22:30:00Z');
    expect(references({ overdue: true })).toEqual(['01']);
    expect(references({ dueWithinDays: 0 })).toEqual(['02']);
  });

  // 2026-10-25 is the last Sunday of October: clocks go from 03:00 CEST back to 02:00 CET.
  it('uses Berlin today around the October change', () => {
    // 22:30 UTC on Saturday is 00:30 CEST on Sunday.
    cacheWith([app(1, { deadline: '2026-10-24' }), app(2, { deadline: '2026-10-25' }), app(3, { followUp: '2026-10-25', deadline: '2026-12-01' })], '2026-10-24T22:30:00Z');
    expect(references({ overdue: true })).toEqual(['01']);
    expect(references({ followUpDue: true })).toEqual(['03']);
    opened.dispose();

    // 22:30 UTC on Sunday is 23:30 CET, still Sunday: the 25-hour day has not ended yet.
    cacheWith([app(1, { deadline: '2026-10-25' }), app(2, { deadline: '2026-11-01' })], '2026-10-25T22:30:00Z');
    expect(references({ overdue: true })).toEqual([]);
    // Seven calendar days from Sunday the 25th end on Sunday 1 November, whatever the hour count.
    expect(references({ dueWithinDays: 7 })).toEqual(['01', '02']);
    expect(references({ dueWithinDays: 6 })).toEqual(['01']);
  });

  it('reads the clock at each query', () => {
    let now = new Date('2026-03-10T10:00:00Z');
    opened = openTempCache({ now: () => now });
    opened.cache.applyFeedPage(feedPage(upserts(app(1, { deadline: '2026-03-10' }))));

    expect(references({ overdue: true })).toEqual([]);
    now = new Date('2026-03-10T23:00:00Z');
    expect(references({ overdue: true })).toEqual(['01']);
  });
});

describe('queryInbox sorting and paging', () => {
  it('sorts by deadline both ways with id tie-break', () => {
    cacheWith([app(3, { deadline: '2026-03-20' }), app(1, { deadline: '2026-03-20' }), app(2, { deadline: '2026-03-15' })]);

    expect(references({}, { field: 'deadline', direction: 'asc' })).toEqual(['02', '01', '03']);
    expect(references({}, { field: 'deadline', direction: 'desc' })).toEqual(['01', '03', '02']);
  });

  it('sorts by received both ways', () => {
    cacheWith([app(2), app(3), app(1)]);

    expect(references({}, { field: 'received', direction: 'asc' })).toEqual(['01', '02', '03']);
    expect(references({}, { field: 'received', direction: 'desc' })).toEqual(['03', '02', '01']);
  });

  it('sorts by applicant in German order', () => {
    cacheWith([
      app(1, { applicantName: 'Zander, Paul' }),
      app(2, { applicantName: 'Ähren, Lea' }),
      app(3, { applicantName: 'Adler, Tom' }),
      app(4, { applicantName: 'Bäcker, Ina' }),
      app(5, { applicantName: 'Baecker, Ina' }),
    ]);

    // Ä sorts as A (DIN 5007-1, as Intl.Collator('de')), so "Bäcker" compares as "Backer" and
    // comes before "Baecker".
    expect(references({}, { field: 'applicant', direction: 'asc' })).toEqual(['03', '02', '04', '05', '01']);
    expect(references({}, { field: 'applicant', direction: 'desc' })).toEqual(['01', '05', '04', '02', '03']);
  });

  it('pages without gaps or repeats', () => {
    const applications = Array.from({ length: 25 }, (_, index) => app(index + 1, { deadline: index % 2 === 0 ? '2026-03-20' : '2026-03-21' }));
    cacheWith(applications);
    const sort: InboxSort = { field: 'deadline', direction: 'asc' };

    const pages = [0, 10, 20].map((offset) => opened.cache.queryInbox({}, sort, { limit: 10, offset }));
    const ids = pages.flatMap((page) => page.rows.map((row) => row.id));

    expect(pages.map((page) => page.total)).toEqual([25, 25, 25]);
    expect(pages.map((page) => page.rows.length)).toEqual([10, 10, 5]);
    expect(new Set(ids).size).toBe(25);
  });

  it('rejects invalid paging and sort', () => {
    cacheWith([]);

    expect(() => opened.cache.queryInbox({}, byReceived, { limit: 0, offset: 0 })).toThrow(/Invalid inbox page limit/);
    expect(() => opened.cache.queryInbox({}, byReceived, { limit: 10, offset: -1 })).toThrow(/Invalid inbox page offset/);
    const badSort = { field: 'reference; DROP TABLE applications', direction: 'asc' } as unknown as InboxSort;
    expect(() => opened.cache.queryInbox({}, badSort, allRows)).toThrow(/Unknown inbox sort field/);
    const badDirection = { field: 'deadline', direction: 'sideways' } as unknown as InboxSort;
    expect(() => opened.cache.queryInbox({}, badDirection, allRows)).toThrow(/Unknown sort direction/);
  });
});

describe('saved views', () => {
  it('have the German labels', () => {
    expect(SAVED_VIEWS.map((view) => view.label)).toEqual(['Meine', 'Nicht zugewiesen', 'Überfällig', 'Wiedervorlage heute']);
  });

  it('select the expected applications', () => {
    cacheWith([
      app(1, { assigneeId: USER_ID }),
      app(2, { assigneeId: USER_ID, status: 'approved' }),
      app(3, { assigneeId: null }),
      app(4, { assigneeId: null, status: 'discarded' }),
      app(5, { assigneeId: OTHER_USER_ID, deadline: '2026-03-09' }),
      app(6, { assigneeId: OTHER_USER_ID, followUp: '2026-03-10' }),
    ]);

    const query = (id: (typeof SAVED_VIEWS)[number]['id']) => {
      const view = SAVED_VIEWS.find((candidate) => candidate.id === id);
      if (!view) throw new Error(`missing view ${id}`);
      return references(view.filter, view.sort);
    };

    expect(query('mine')).toEqual(['01']);
    expect(query('unassigned')).toEqual(['03']);
    expect(query('overdue')).toEqual(['05']);
    expect(query('follow_up_due')).toEqual(['06']);
  });

  it('combine with a search', () => {
    cacheWith([app(1, { assigneeId: USER_ID, applicantName: 'Greta Sommerfeld' }), app(2, { assigneeId: USER_ID })]);

    expect(references(savedViewFilter('mine', { search: 'sommer' }))).toEqual(['01']);
  });

  it('reject an unknown view', () => {
    expect(() => savedViewFilter('everything' as never)).toThrow(/Unknown saved view/);
  });
});
