import { afterEach, describe, expect, it } from 'vitest';
import type { Application, FeedPage } from '../../../src-shared/api.ts';
import { feedPage, makeApplication, openTempCache, upserts, type TempCache } from './helpers.ts';

let opened: TempCache;
afterEach(() => opened.dispose());

const byReceived = { field: 'received', direction: 'asc' } as const;
const firstPage = { limit: 100, offset: 0 };

function referencesInCache(): string[] {
  return opened.cache.queryInbox({}, byReceived, firstPage).rows.map((row) => row.reference);
}

function searchHits(text: string): string[] {
  return opened.cache.queryInbox({ search: text }, byReceived, firstPage).rows.map((row) => row.reference);
}

describe('applyFeedPage', () => {
  it('stores snapshots and cursor', () => {
    opened = openTempCache();
    const application = makeApplication(1, { assigneeId: 'u-clerk-1', followUp: '2026-03-10', needsAttention: true });

    const result = opened.cache.applyFeedPage(feedPage(upserts(application, makeApplication(2)), 42));

    expect(result).toEqual({ upserted: 2, deleted: 0, skipped: 0 });
    expect(opened.cache.readSyncState()).toEqual({ cursor: 42, lastSyncedAt: null });
    expect(opened.cache.getApplication(application.id)).toEqual(application);

    const row = opened.cache.queryInbox({}, byReceived, firstPage).rows.find((candidate) => candidate.id === application.id);
    expect(row).toEqual({
      id: application.id,
      reference: 'SN-2026-000001',
      version: 1,
      status: 'submitted',
      serviceId: application.serviceId,
      serviceName: 'Bewohnerparkausweis',
      channel: 'online',
      applicantName: 'Testperson 1',
      receivedAt: '2026-03-02T09:00:00.000Z',
      deadline: '2026-04-01',
      assigneeId: 'u-clerk-1',
      followUp: '2026-03-10',
      needsAttention: true,
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('replaces a snapshot with a newer version', () => {
    opened = openTempCache();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1, { applicantName: 'Jana Altmann' })), 1));

    const newer = makeApplication(1, { version: 2, status: 'accepted', applicantName: 'Jana Neumann' });
    const result = opened.cache.applyFeedPage(feedPage(upserts(newer), 2));

    expect(result.upserted).toBe(1);
    expect(opened.cache.getApplication(newer.id)?.status).toBe('accepted');
    expect(referencesInCache()).toEqual(['SN-2026-000001']);
    // The search index contains the new name and no longer the old one.
    expect(searchHits('Neumann')).toEqual(['SN-2026-000001']);
    expect(searchHits('Altmann')).toEqual([]);
  });

  it('keeps a newer snapshot over an older one', () => {
    opened = openTempCache();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1, { version: 5, status: 'in_progress' })), 10));

    const result = opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1, { version: 4, status: 'accepted' })), 11));

    expect(result).toEqual({ upserted: 0, deleted: 0, skipped: 1 });
    expect(opened.cache.getApplication(makeApplication(1).id)?.version).toBe(5);
    expect(opened.cache.readSyncState().cursor).toBe(11);
  });

  it('deletes on tombstone', () => {
    opened = openTempCache();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1, { applicantName: 'Lotte Zieglerin' }), makeApplication(2)), 2));

    const page: FeedPage = {
      changes: [{ seq: 3, kind: 'tombstone', applicationId: makeApplication(1).id }],
      cursor: 3,
      hasMore: false,
    };
    const result = opened.cache.applyFeedPage(page);

    expect(result).toEqual({ upserted: 0, deleted: 1, skipped: 0 });
    expect(opened.cache.getApplication(makeApplication(1).id)).toBeNull();
    expect(referencesInCache()).toEqual(['SN-2026-000002']);
    expect(searchHits('Zieglerin')).toEqual([]);
    expect(opened.cache.readSyncState().cursor).toBe(3);
  });

  it('ignores tombstone of unknown application', () => {
    opened = openTempCache();

    const result = opened.cache.applyFeedPage({
      changes: [{ seq: 1, kind: 'tombstone', applicationId: makeApplication(9).id }],
      cursor: 1,
      hasMore: false,
    });

    expect(result.deleted).toBe(0);
    expect(opened.cache.readSyncState().cursor).toBe(1);
  });

  it('applies upsert and tombstone of one page in order', () => {
    opened = openTempCache();

    opened.cache.applyFeedPage({
      changes: [
        { seq: 1, kind: 'upsert', application: makeApplication(1) },
        { seq: 2, kind: 'tombstone', applicationId: makeApplication(1).id },
        { seq: 3, kind: 'upsert', application: makeApplication(2) },
      ],
      cursor: 3,
      hasMore: false,
    });

    expect(referencesInCache()).toEqual(['SN-2026-000002']);
  });

  it('keeps a snapshot that returns after its tombstone', () => {
    opened = openTempCache();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1, { applicantName: 'Ida Rückkehr' })), 1));

    opened.cache.applyFeedPage({
      changes: [
        { seq: 2, kind: 'tombstone', applicationId: makeApplication(1).id },
        { seq: 3, kind: 'upsert', application: makeApplication(1, { version: 2, applicantName: 'Ida Rückkehr' }) },
      ],
      cursor: 3,
      hasMore: false,
    });

    expect(referencesInCache()).toEqual(['SN-2026-000001']);
    expect(searchHits('rückkehr')).toEqual(['SN-2026-000001']);
  });

  it('indexes a reused row_id', () => {
    opened = openTempCache();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1), makeApplication(2, { applicantName: 'Lotte Zieglerin' })), 2));

    // The deleted application had the highest row_id, which SQLite hands to the next new row.
    const result = opened.cache.applyFeedPage({
      changes: [
        { seq: 3, kind: 'tombstone', applicationId: makeApplication(2).id },
        { seq: 4, kind: 'upsert', application: makeApplication(3, { applicantName: 'Hanne Brösel' }) },
      ],
      cursor: 4,
      hasMore: false,
    });

    expect(result).toEqual({ upserted: 1, deleted: 1, skipped: 0 });
    expect(searchHits('zieglerin')).toEqual([]);
    expect(searchHits('brösel')).toEqual(['SN-2026-000003']);
    expect(referencesInCache()).toEqual(['SN-2026-000001', 'SN-2026-000003']);
  });

  it('indexes the later of two versions', () => {
    opened = openTempCache();

    opened.cache.applyFeedPage({
      changes: [
        { seq: 1, kind: 'upsert', application: makeApplication(1, { applicantName: 'Kurt Vorname' }) },
        { seq: 2, kind: 'upsert', application: makeApplication(1, { version: 2, applicantName: 'Kurt Nachname' }) },
      ],
      cursor: 2,
      hasMore: false,
    });

    expect(searchHits('vorname')).toEqual([]);
    expect(searchHits('nachname')).toEqual(['SN-2026-000001']);
    expect(opened.cache.getApplication(makeApplication(1).id)?.version).toBe(2);
  });

  it('rolls back a page with a broken snapshot', () => {
    opened = openTempCache();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1)), 5));
    const broken = { ...makeApplication(3), reference: null } as unknown as Application;

    expect(() =>
      opened.cache.applyFeedPage({
        changes: [
          { seq: 6, kind: 'upsert', application: makeApplication(2) },
          { seq: 7, kind: 'tombstone', applicationId: makeApplication(1).id },
          { seq: 8, kind: 'upsert', application: broken },
        ],
        cursor: 8,
        hasMore: false,
      }),
    ).toThrow(`Feed snapshot of application ${broken.id} has no valid reference`);

    expect(referencesInCache()).toEqual(['SN-2026-000001']);
    expect(opened.cache.readSyncState().cursor).toBe(5);
  });

  it('records the completed sync time', () => {
    opened = openTempCache();

    opened.cache.recordSyncCompleted(new Date('2026-03-29T01:15:00Z'));

    expect(opened.cache.readSyncState()).toEqual({ cursor: 0, lastSyncedAt: '2026-03-29T01:15:00.000Z' });
  });

  it('normalises received time for sorting', () => {
    opened = openTempCache();
    const early = makeApplication(1, { receivedAt: '2026-03-02T09:00:00Z' });
    const late = makeApplication(2, { receivedAt: '2026-03-02T09:00:00.500Z' });

    opened.cache.applyFeedPage(feedPage(upserts(late, early)));

    expect(referencesInCache()).toEqual(['SN-2026-000001', 'SN-2026-000002']);
  });

  it('writes a large page in one go', () => {
    opened = openTempCache();
    const applications = Array.from({ length: 2_000 }, (_, index) => makeApplication(index + 1));

    const result = opened.cache.applyFeedPage(feedPage(upserts(...applications), 2_000));

    expect(result.upserted).toBe(2_000);
    expect(opened.cache.queryInbox({}, byReceived, { limit: 1, offset: 0 }).total).toBe(2_000);
    expect(searchHits('SN-2026-001999')).toEqual(['SN-2026-001999']);
  });
});
