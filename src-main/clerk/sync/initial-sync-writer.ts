// The writer thread of a first sync: stores the pages the reader thread prepared, through its own
// connection to the cache file, and finishes the bulk load after the last page.
import type { MessagePort } from 'node:worker_threads';
import { createFeedWriter, finishInitialLoad, openCacheWriterConnection, type PreparedFeedPage } from '../cache/index.ts';
import type { Logger } from '../../logging/logger.ts';
import { roundTimes, type PageMessage, type PageWrittenMessage, type WorkerReport } from './initial-sync-messages.ts';

// Pages stored in one transaction. Each commit writes the dirty pages of the id index again and
// flushes a new FTS5 segment that later merges rewrite. Committing every page cost about 0.5 s
// more for 100,000 applications. The inbox shows new rows only after the commit, a few tenths of
// a second later.
const PAGES_PER_COMMIT = 8;

// An open transaction holds the file's write lock, and the app's connection waits for it to store
// a clerk's action in the outbox. So the writer also commits when no page arrived for this long.
const IDLE_COMMIT_MS = 30;

export function writePages(cachePath: string, pages: MessagePort, log: Logger, report: (message: WorkerReport) => void, fail: (error: unknown) => void): void {
  const database = openCacheWriterConnection(cachePath);
  const writer = createFeedWriter(database);
  const timing = { writeMs: 0, commitMs: 0, waitForReaderMs: 0, finishMs: 0, commits: 0 };
  let waitingSince = performance.now();
  let done = 0;
  // Pages written in the open transaction, reported as progress once it is committed.
  let uncommitted: { page: PreparedFeedPage; changed: number }[] = [];
  let idleCommit: NodeJS.Timeout | null = null;

  function cancelIdleCommit(): void {
    if (idleCommit) clearTimeout(idleCommit);
    idleCommit = null;
  }

  function writePage(page: PreparedFeedPage): void {
    const started = performance.now();
    timing.waitForReaderMs += started - waitingSince;

    if (!database.inTransaction) database.exec('BEGIN');
    // A page that fails ends the load, and closing the connection rolls back the open transaction.
    const result = writer.writePreparedPage(page);
    uncommitted.push({ page, changed: result.upserted + result.deleted });
    // The reader may prepare the next page now; the written page no longer needs its place.
    pages.postMessage({ type: 'written' } satisfies PageWrittenMessage);
    timing.writeMs += performance.now() - started;

    if (uncommitted.length >= PAGES_PER_COMMIT || !page.hasMore) commit();
    else idleCommit = setTimeout(commitOrFail, IDLE_COMMIT_MS);
    waitingSince = performance.now();

    if (!page.hasMore) finish(page.cursor);
  }

  function commit(): void {
    cancelIdleCommit();
    const started = performance.now();
    database.exec('COMMIT');
    timing.commitMs += performance.now() - started;
    timing.commits += 1;

    for (const { page, changed } of uncommitted) {
      done += page.changes.length;
      report({ type: 'progress', done, cursor: page.cursor, hasMore: page.hasMore, changed });
    }
    uncommitted = [];
  }

  function finish(cursor: number): void {
    const started = performance.now();
    finishInitialLoad(database);
    // The app's connection would otherwise copy the rest of the WAL (up to 160 MB) into the file
    // at its next commit, on the app's main thread. That took 165 ms on the 2-core VM, and a
    // slower disk takes longer.
    database.pragma('wal_checkpoint(PASSIVE)');
    timing.finishMs = performance.now() - started;
    database.close();
    pages.close();
    log.debug('sync: initial sync writer finished', roundTimes(timing));
    report({ type: 'finished', cursor, changes: done });
  }

  function failWith(error: unknown): void {
    cancelIdleCommit();
    // Closing rolls back the open transaction, so the cursor stays at the last commit.
    if (database.open) database.close();
    pages.close();
    fail(error);
  }

  function commitOrFail(): void {
    try {
      commit();
    } catch (error) {
      failWith(error);
    }
  }

  pages.on('message', (message: PageMessage) => {
    cancelIdleCommit();
    try {
      writePage(message.page);
    } catch (error) {
      failWith(error);
    }
  });
}
