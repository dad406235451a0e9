// The clerk cache as one object: what the sync engine writes and what the inbox reads.
import type { Database } from 'better-sqlite3';
import type { Application, FeedPage } from '../../../src-shared/api.ts';
import { openCacheDatabase, type OpenCacheDatabaseOptions } from './database.ts';
import { createFeedWriter, type FeedPageResult } from './feed-writer.ts';
import { beginInitialLoad, finishInitialLoad, isInitialLoadPending } from './initial-load.ts';
import { queryInbox, type InboxFilter, type InboxPage, type InboxPaging, type InboxSort } from './inbox-query.ts';

export interface SyncState {
  /** Change feed cursor as the portal returned it; 0 before the first sync. */
  cursor: number;
  /** ISO instant of the last sync run that reached the end of the feed; null before. */
  lastSyncedAt: string | null;
}

export interface ClerkCache {
  readonly database: Database;
  /** Applies one change feed page in one transaction and stores its cursor. */
  applyFeedPage(page: FeedPage): FeedPageResult;
  /**
   * Switches an empty cache to bulk mode for the first sync (see initial-load.ts). Until
   * finishInitialLoad, search finds none of the loaded applications.
   */
  beginInitialLoad(): void;
  /** Builds the indexes and the search index after the last page of a first sync; else a no-op. */
  finishInitialLoad(): void;
  /** Whether a first sync is in bulk mode, also one that was interrupted and resumes. */
  initialLoadPending(): boolean;
  /**
   * Forgets the cached inbox totals. Needed when another connection (the first sync's writer
   * thread) has changed the file.
   */
  invalidateTotals(): void;
  /** Records the end of a sync run that reached the end of the feed (`hasMore: false`). */
  recordSyncCompleted(at: Date): void;
  readSyncState(): SyncState;
  /** Returns the stored snapshot, or null when the application is not (or no longer) in the cache. */
  getApplication(id: string): Application | null;
  queryInbox(filter: InboxFilter, sort: InboxSort, paging: InboxPaging): InboxPage;
  close(): void;
}

export interface ClerkCacheOptions {
  /** The user the cache belongs to; `assignee: 'me'` filters on it. */
  userId: string;
  /** Clock for "today" in deadline and follow-up filters; injectable for tests. */
  now?: () => Date;
}

export interface OpenedClerkCache {
  cache: ClerkCache;
  path: string;
  /** True when a damaged file was replaced by an empty one; the app should run a full sync. */
  recovered: boolean;
  movedAsidePath: string | null;
}

/** Opens the cache file of a user and authority and wraps it; see openCacheDatabase for recovery. */
export function openClerkCache(options: OpenCacheDatabaseOptions): OpenedClerkCache {
  const opened = openCacheDatabase(options);
  const cache = createClerkCache(opened.database, { userId: options.userId, now: options.now });
  return { cache, path: opened.path, recovered: opened.recovered, movedAsidePath: opened.movedAsidePath };
}

/** Wraps an opened and migrated cache database. */
export function createClerkCache(database: Database, options: ClerkCacheOptions): ClerkCache {
  const now = options.now ?? (() => new Date());
  const feedWriter = createFeedWriter(database);
  const selectSnapshot = database.prepare(
    'SELECT s.snapshot FROM applications a JOIN application_snapshots s ON s.row_id = a.row_id WHERE a.id = ?',
  );
  const selectSyncState = database.prepare('SELECT cursor, last_synced_at AS lastSyncedAt FROM sync_state WHERE id = 1');
  const updateLastSynced = database.prepare('UPDATE sync_state SET last_synced_at = ? WHERE id = 1');

  // Inbox totals by query; any write of applications makes them stale.
  const totals = new Map<string, number>();

  return {
    database,
    applyFeedPage: (page) => {
      totals.clear();
      return feedWriter.applyPage(page);
    },
    beginInitialLoad: () => beginInitialLoad(database),
    finishInitialLoad: () => {
      totals.clear();
      finishInitialLoad(database);
    },
    initialLoadPending: () => isInitialLoadPending(database),
    invalidateTotals: () => totals.clear(),
    recordSyncCompleted: (at) => {
      updateLastSynced.run(at.toISOString());
    },
    readSyncState: () => selectSyncState.get() as SyncState,
    getApplication: (id) => {
      const row = selectSnapshot.get(id) as { snapshot: string } | undefined;
      return row ? (JSON.parse(row.snapshot) as Application) : null;
    },
    queryInbox: (filter, sort, paging) => queryInbox(database, filter, sort, paging, { userId: options.userId, now: now(), totals }),
    close: () => database.close(),
  };
}
