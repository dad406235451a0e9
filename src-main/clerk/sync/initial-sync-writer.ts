// The writer thread of a first sync: stores the pages the reader thread prepared, through its own
// connection to the cache file, and finishes the bulk load after the last page.
import type { MessagePort } from 'node:worker_threads';
import { createFeedWriter, finishInitialLoad, openCacheWriterConnection, type PreparedFeedPage } from '../cache/index.ts';
import type { Logger } from '../../logging/logger.ts';
import { roundTimes, type PageMessage, type PageWrittenMessage, type WorkerReport } from './initial-sync-messages.ts';

export function writePages(cachePath: string, pages: MessagePort, log: Logger, report: (message: WorkerReport) => void, fail: (error: unknown) => void): void {
  const database = openCacheWriterConnection(cachePath);
  const writer = createFeedWriter(database);
  const queued: PreparedFeedPage[] = [];
  const timing = { writeMs: 0, waitForReaderMs: 0, finishMs: 0 };
  let waitingSince = performance.now();
  let done = 0;

  // Pages that arrived while the previous ones were written go into one transaction together:
  // fewer commits mean fewer, larger FTS5 segments to merge.
  const writeInOneTransaction = database.transaction((batch: PreparedFeedPage[]) => batch.map((page) => writer.applyPreparedPage(page)));

  function writeQueuedPages(): void {
    const batch = queued.splice(0);
    const started = performance.now();
    timing.waitForReaderMs += started - waitingSince;
    const results = writeInOneTransaction(batch);
    timing.writeMs += performance.now() - started;
    waitingSince = performance.now();

    batch.forEach((page, index) => {
      done += page.changes.length;
      pages.postMessage({ type: 'written' } satisfies PageWrittenMessage);
      const changed = results[index]!.upserted + results[index]!.deleted;
      report({ type: 'progress', done, cursor: page.cursor, hasMore: page.hasMore, changed });
    });

    const last = batch.at(-1)!;
    if (last.hasMore) return;

    const finishStarted = performance.now();
    finishInitialLoad(database);
    timing.finishMs = performance.now() - finishStarted;
    database.close();
    pages.close();
    log.debug('sync: initial sync writer finished', roundTimes(timing));
    report({ type: 'finished', cursor: last.cursor, changes: done });
  }

  pages.on('message', (message: PageMessage) => {
    queued.push(message.page);
    if (queued.length > 1) return;

    // Written in the next turn, after the messages already waiting have arrived, so they join the batch.
    setImmediate(() => {
      try {
        writeQueuedPages();
      } catch (error) {
        if (database.open) database.close();
        pages.close();
        fail(error);
      }
    });
  });
}
