// Bulk mode of the first sync: pages go to the table rows and the search index, and finishing the
// load builds the secondary indexes. Real cache files in temp folders.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openClerkCache } from '../../../src-main/clerk/cache/index.ts';
import { AUTHORITY_ID, USER_ID, applicationId, feedPage, makeApplication, openTempCache, upserts, type TempCache } from './helpers.ts';

let opened: TempCache;
let fresh: TempCache | undefined;
afterEach(() => {
  opened.dispose();
  fresh?.dispose();
  fresh = undefined;
});

function searchReferences(text: string): string[] {
  return opened.cache
    .queryInbox({ search: text }, { field: 'received', direction: 'asc' }, { limit: 100, offset: 0 })
    .rows.map((row) => row.reference);
}

// The statistics tables of ANALYZE exist only after a first sync, so they are left out.
function schemaOf(database: Database): string[] {
  const rows = database.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%' ORDER BY type, name").all() as {
    type: string; name: string; sql: string;
  }[];
  return rows.map((row) => `${row.type} ${row.name}: ${row.sql}`);
}

function countRows(database: Database, table: string): number {
  return (database.prepare(`SELECT count(*) AS count FROM ${table}`).get() as { count: number }).count;
}

describe('initial load', () => {
  it('drops secondary indexes and keeps search current', () => {
    opened = openTempCache();
    const database = opened.cache.database;

    opened.cache.beginInitialLoad();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1, { applicantName: 'Jürgen Müller' }))));

    expect(opened.cache.initialLoadPending()).toBe(true);
    expect(database.prepare("SELECT name FROM sqlite_master WHERE name = 'applications_by_deadline'").get()).toBeUndefined();
    // Search finds the application while the load goes on; the inbox list works without the indexes.
    expect(searchReferences('muller')).toEqual(['SN-2026-000001']);
    expect(opened.cache.queryInbox({}, { field: 'deadline', direction: 'asc' }, { limit: 10, offset: 0 }).total).toBe(1);
  });

  it('finish restores the migrated schema and search', () => {
    opened = openTempCache();
    fresh = openTempCache();

    opened.cache.beginInitialLoad();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1, { applicantName: 'Jürgen Müller' }), makeApplication(2, { applicantName: 'Helga Weiß' }))));
    opened.cache.finishInitialLoad();

    expect(opened.cache.initialLoadPending()).toBe(false);
    expect(schemaOf(opened.cache.database)).toEqual(schemaOf(fresh.cache.database));
    expect(countRows(opened.cache.database, 'sqlite_stat1')).toBeGreaterThan(0);
    expect(searchReferences('muller')).toEqual(['SN-2026-000001']);
    expect(searchReferences('weiss')).toEqual(['SN-2026-000002']);
    expect(searchReferences('schwerin')).toEqual(['SN-2026-000001', 'SN-2026-000002']);
  });

  it('finish matches a cache written page by page', () => {
    opened = openTempCache();
    fresh = openTempCache();
    const first = upserts(makeApplication(1, { applicantName: 'Jürgen Müller' }), makeApplication(2), makeApplication(3));
    const second = [
      { seq: 4, kind: 'upsert' as const, application: makeApplication(1, { version: 2, applicantName: 'Jürgen Schulz' }) },
      { seq: 5, kind: 'tombstone' as const, applicationId: applicationId(2) },
    ];

    opened.cache.beginInitialLoad();
    opened.cache.applyFeedPage({ changes: first, cursor: 3, hasMore: true });
    opened.cache.applyFeedPage({ changes: second, cursor: 5, hasMore: false });
    opened.cache.finishInitialLoad();
    fresh.cache.applyFeedPage({ changes: first, cursor: 3, hasMore: true });
    fresh.cache.applyFeedPage({ changes: second, cursor: 5, hasMore: false });

    for (const term of ['muller', 'schulz', 'testperson', 'SN-2026-000002', 'demoweg']) {
      const expected = fresh.cache.queryInbox({ search: term }, { field: 'received', direction: 'asc' }, { limit: 100, offset: 0 }).rows;
      expect(searchReferences(term), term).toEqual(expected.map((row) => row.reference));
    }
    expect(searchReferences('schulz')).toEqual(['SN-2026-000001']);
    expect(searchReferences('muller')).toEqual([]);
    expect(opened.cache.readSyncState().cursor).toBe(5);
  });

  it('resumes in bulk mode after a restart', () => {
    opened = openTempCache();
    opened.cache.beginInitialLoad();
    opened.cache.applyFeedPage({ changes: upserts(makeApplication(1, { applicantName: 'Jürgen Müller' })), cursor: 1, hasMore: true });
    opened.cache.close();

    const reopened = openClerkCache({ dataDir: opened.dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
    opened = { ...opened, ...reopened };

    expect(opened.cache.initialLoadPending()).toBe(true);
    expect(opened.cache.readSyncState().cursor).toBe(1);
    opened.cache.applyFeedPage({ changes: [{ seq: 2, kind: 'upsert', application: makeApplication(2, { applicantName: 'Helga Weiß' }) }], cursor: 2, hasMore: false });
    opened.cache.finishInitialLoad();

    expect(searchReferences('muller')).toEqual(['SN-2026-000001']);
    expect(searchReferences('weiss')).toEqual(['SN-2026-000002']);
  });

  it('begin on a filled cache changes nothing', () => {
    opened = openTempCache();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1, { applicantName: 'Jürgen Müller' }))));

    opened.cache.beginInitialLoad();
    opened.cache.applyFeedPage({ changes: [{ seq: 2, kind: 'upsert', application: makeApplication(2, { applicantName: 'Helga Weiß' }) }], cursor: 2, hasMore: false });

    expect(opened.cache.initialLoadPending()).toBe(false);
    expect(searchReferences('weiss')).toEqual(['SN-2026-000002']);
    expect(opened.cache.database.prepare("SELECT name FROM sqlite_master WHERE name = 'applications_by_deadline'").get()).toBeDefined();
  });

  it('finish outside an initial load is a no-op', () => {
    opened = openTempCache();
    opened.cache.applyFeedPage(feedPage(upserts(makeApplication(1))));

    opened.cache.finishInitialLoad();

    expect(countRows(opened.cache.database, 'application_search')).toBe(1);
    expect(searchReferences('testperson')).toEqual(['SN-2026-000001']);
  });
});
