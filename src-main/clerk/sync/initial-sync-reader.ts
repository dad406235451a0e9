// The reader thread of a first sync: fetches feed pages from the portal, parses and prepares them
// (columns, snapshot bytes, search tokens) and hands them to the writer thread.
import type { MessagePort } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FeedPage } from '../../../src-shared/api.ts';
import { prepareFeedChange, type PreparedChange, type PreparedFeedPage } from '../cache/index.ts';
import type { Logger } from '../../logging/logger.ts';
import { createPortalClient, type PortalClient } from '../portal-api/portal-client.ts';
import { findSnapshotBytes } from './feed-snapshot-bytes.ts';
import { roundTimes, type PageMessage, type PageWrittenMessage, type PortalConnection } from './initial-sync-messages.ts';

// Pages handed to the writer and not yet stored. Four keep the writer busy and let it store
// several in one transaction, while bounding memory to about 10 MB of prepared pages and bodies.
const PAGES_IN_FLIGHT = 4;

// Feed pages requested ahead of the one being prepared. The portal then works on the next pages
// while this thread parses and prepares, instead of waiting for each request.
const PAGES_READ_AHEAD = 2;

// Changes prepared between two turns of the event loop, so that arriving responses are read and
// the next request goes out without waiting for a whole page (about 20 ms of work).
const CHANGES_PER_TURN = 100;

// The end of a feed page as the portal writes it: `…],"cursor":123,"hasMore":true}`.
const FEED_PAGE_END = /"cursor":(\d+),"hasMore":(true|false)\}\s*$/;

export async function readPages(portal: PortalConnection, after: number, pageSize: number, pages: MessagePort, log: Logger): Promise<void> {
  const client = createPortalClient({ ...portal, token: () => portal.token, log });
  const writer = trackUnwrittenPages(pages);
  const feed = createFeedReadAhead(client, after, pageSize);
  const timing = { waitForPortalMs: 0, prepareMs: 0, waitForWriterMs: 0, pagesWithoutLayout: 0 };

  for (;;) {
    let started = performance.now();
    const body = await feed.take();
    timing.waitForPortalMs += performance.now() - started;

    const page = client.parseFeedPage(body.toString('utf8'));
    const end = readFeedPageEnd(body);
    if (end && (end.cursor !== page.cursor || end.hasMore !== page.hasMore)) {
      throw new Error(`Feed page end (cursor ${end.cursor}) does not match its parsed cursor ${page.cursor}`);
    }
    if (page.hasMore) feed.continueAfter(page.cursor);

    started = performance.now();
    const snapshots = findSnapshotBytes(body, page);
    if (!snapshots) timing.pagesWithoutLayout += 1;
    const prepared = await prepareInTurns(page, snapshots);
    timing.prepareMs += performance.now() - started;

    started = performance.now();
    await writer.placeFree(PAGES_IN_FLIGHT);
    timing.waitForWriterMs += performance.now() - started;
    // The snapshots are views into the body, so the body moves to the writer instead of a copy.
    writer.handOver({ type: 'page', page: prepared }, snapshots ? [body.buffer as ArrayBuffer] : []);
    if (!page.hasMore) break;
  }

  // Closing the port at once could drop the last page. The writer's confirmation shows it arrived.
  await writer.placeFree(1);
  pages.close();
  log.debug('sync: initial sync reader finished', roundTimes(timing));
}

/** Counts pages posted to the writer and not yet confirmed, and waits for a free place. */
function trackUnwrittenPages(pages: MessagePort) {
  let unwritten = 0;
  let wake: (() => void) | null = null;
  pages.on('message', (message: PageWrittenMessage) => {
    if (message.type !== 'written') return;
    unwritten -= 1;
    wake?.();
  });

  return {
    async placeFree(limit: number): Promise<void> {
      while (unwritten >= limit) await new Promise<void>((resolve) => (wake = resolve));
    },
    handOver(message: PageMessage, transfer: ArrayBuffer[]): void {
      unwritten += 1;
      pages.postMessage(message, transfer);
    },
  };
}

/** Reads cursor and hasMore from the end of the page body, or null when it is written otherwise. */
function readFeedPageEnd(body: Buffer): { cursor: number; hasMore: boolean } | null {
  const match = FEED_PAGE_END.exec(body.toString('latin1', Math.max(0, body.length - 64)));
  return match ? { cursor: Number(match[1]), hasMore: match[2] === 'true' } : null;
}

/**
 * Requests feed pages one after the other, each as soon as the one before has arrived, up to
 * PAGES_READ_AHEAD pages ahead of the consumer. A page whose end cannot be read from its body
 * stops the read-ahead, and the consumer then requests the next page with its parsed cursor.
 */
function createFeedReadAhead(client: PortalClient, after: number, pageSize: number) {
  const queue: Promise<Buffer>[] = [];
  let nextCursor: number | null = after;

  function requestNext(): void {
    if (nextCursor === null || queue.length >= PAGES_READ_AHEAD) return;

    const request = client.readFeedBytes(nextCursor, pageSize);
    nextCursor = null;
    queue.push(request);
    // Failures surface where the consumer awaits the request; this handler only reads ahead.
    request.then((body) => {
      const end = readFeedPageEnd(body);
      if (!end?.hasMore) return;
      nextCursor = end.cursor;
      requestNext();
    }, () => {});
  }

  requestNext();
  return {
    /** Returns the next page's body, in feed order. */
    take(): Promise<Buffer> {
      const body = queue.shift()!;
      requestNext();
      return body;
    },
    /** Continues after a page whose end the read-ahead could not read. */
    continueAfter(cursor: number): void {
      if (queue.length > 0 || nextCursor !== null) return;
      nextCursor = cursor;
      requestNext();
    },
  };
}

async function prepareInTurns(page: FeedPage, snapshots: (Uint8Array | null)[] | null): Promise<PreparedFeedPage> {
  const changes: PreparedChange[] = [];
  for (let index = 0; index < page.changes.length; index += 1) {
    if (index > 0 && index % CHANGES_PER_TURN === 0) await nextTurn();
    changes.push(prepareFeedChange(page.changes[index]!, snapshots?.[index]));
  }
  return { changes, cursor: page.cursor, hasMore: page.hasMore };
}

