// Keeps the clerk cache in step with the portal's change feed. A sync run reads pages after the
// stored cursor until hasMore is false. Each page is applied in one transaction together with its
// cursor, so a run that breaks off (portal down, app closed) resumes where the last page ended.
// The cursor comes only from the server, so the local clock plays no part. Runs are triggered by
// the live hint stream, by its reconnect, by a timer and by the clerk.
import type { Statement } from 'better-sqlite3';
import type { FeedPage } from '../../../src-shared/api.ts';
import type { Logger } from '../../logging/logger.ts';
import type { ClerkCache } from '../cache/index.ts';
import { backoffDelay, sleep } from '../portal-api/backoff.ts';
import type { PortalClient } from '../portal-api/portal-client.ts';
import { PortalError } from '../portal-api/portal-error.ts';
import { readFeedHints } from './feed-events.ts';
import type { InitialLoader } from './initial-sync.ts';

export interface InitialSyncProgress {
  done: number;
  total: number | null;
  percent: number | null;
}

export interface SyncEngineOptions {
  cache: ClerkCache;
  client: PortalClient;
  userId: string;
  log: Logger;
  now: () => Date;
  /** Changes per feed request (1 to 1,000; default 1,000). */
  pageSize?: number;
  /** Interval of the timer-driven sync in ms (default 60,000); 0 turns the timer off. */
  intervalMs?: number;
  /** Base of the reconnect delay of the live stream in ms (default 1,000; cap 30,000). */
  reconnectBaseMs?: number;
  /** Whether to follow the portal's live hint stream (default true); benchmarks turn it off. */
  liveUpdates?: boolean;
  /**
   * Runs a first sync (and the rest of an interrupted one) off the main thread; see
   * initial-sync.ts. Without it, the first sync runs here like any other.
   */
  initialLoader?: InitialLoader;
  onProgress(progress: InitialSyncProgress | null): void;
  onCompleted(at: Date): void;
  onInboxChanged(): void;
  onAssignedToMe(applicationId: string, reference: string): void;
  /** Called with the outcome of every exchange, for the online indicator. */
  onReachability(online: boolean, error: PortalError | null): void;
  /** Called when the live stream (re)connects, so queued actions go out at once. */
  onReconnected(): void;
  onUnauthorized(error: PortalError): void;
}

export interface SyncEngine {
  /** Runs a sync now, or joins the running one (which then runs once more). Never rejects. */
  sync(): Promise<void>;
  /** Starts the live stream and the timer. */
  start(): void;
  stop(): void;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { cache, client, log } = options;
  const pageSize = options.pageSize ?? 1_000;
  const intervalMs = options.intervalMs ?? 60_000;
  const reconnect = { baseMs: options.reconnectBaseMs ?? 1_000, maxMs: 30_000 };
  const selectAssignee = cache.database.prepare('SELECT assignee_id AS assigneeId FROM applications WHERE id = ?');
  const countApplications = cache.database.prepare('SELECT count(*) AS count FROM applications');

  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let latestSeq: number | null = null;
  const liveStream = new AbortController();
  let timer: NodeJS.Timeout | null = null;

  async function run(): Promise<void> {
    const startCursor = cache.readSyncState().cursor;
    const initial = startCursor === 0 && (countApplications.get() as { count: number }).count === 0;
    if (initial) {
      options.onProgress({ done: 0, total: null, percent: null });
      cache.beginInitialLoad();
    }

    const inBulk = cache.initialLoadPending();
    const { cursor, done } = inBulk && options.initialLoader ? await loadInSyncProcess(startCursor, options.initialLoader) : await readPages(startCursor, initial);
    if (stopped || !cache.database.open) return;

    // Also finishes a first sync that an earlier, interrupted run began.
    cache.finishInitialLoad();
    const completedAt = options.now();
    cache.recordSyncCompleted(completedAt);
    // finishInitialLoad analyzed the whole table; after a delta the planner statistics are refreshed
    // only where a table changed a lot.
    if (!inBulk) cache.database.pragma('optimize');
    // The window reloads the list once more, now with every application of the first sync.
    if (inBulk) options.onInboxChanged();
    if (initial) options.onProgress(null);
    options.onCompleted(completedAt);
    log.info('sync: completed', { cursor, changes: done, initial });
  }

  /** Reads and writes pages on this thread until the end of the feed. */
  async function readPages(startCursor: number, initial: boolean): Promise<{ cursor: number; done: number }> {
    let cursor = startCursor;
    let done = 0;

    // The next page is requested before the current one is written, so the portal's work and the
    // local parse and write overlap. The cursor for it comes from the page, not from the cache.
    let nextPage = client.readFeed(cursor, pageSize);
    for (;;) {
      const page = await nextPage;
      options.onReachability(true, null);
      if (stopped || !cache.database.open) return { cursor, done };
      if (page.hasMore) {
        nextPage = client.readFeed(page.cursor, pageSize);
        // Awaited in the next round; this handler only keeps an abandoned one from being unhandled.
        nextPage.catch(() => {});
      }

      const assigned = initial ? [] : newlyAssignedToMe(page, selectAssignee, options.userId);
      const result = cache.applyFeedPage(page);
      cursor = page.cursor;
      done += page.changes.length;

      if (initial) options.onProgress({ done, total: null, percent: estimatePercent(startCursor, cursor, latestSeq, page.hasMore) });
      if (result.upserted + result.deleted > 0) options.onInboxChanged();
      for (const application of assigned) options.onAssignedToMe(application.id, application.reference);
      if (!page.hasMore) return { cursor, done };
    }
  }

  /**
   * Hands a first sync to the sync process. The cache's own connection only reads meanwhile, so
   * the inbox and search show the applications stored so far.
   */
  async function loadInSyncProcess(startCursor: number, loader: InitialLoader): Promise<{ cursor: number; done: number }> {
    let reachable = false;
    const result = await loader.load({
      after: startCursor,
      pageSize,
      onPage: ({ done, cursor, hasMore, changed }) => {
        if (!reachable) options.onReachability(true, null);
        reachable = true;
        cache.invalidateTotals();
        options.onProgress({ done, total: null, percent: estimatePercent(startCursor, cursor, latestSeq, hasMore) });
        if (changed > 0) options.onInboxChanged();
      },
    });
    return { cursor: result.cursor, done: result.changes };
  }

  async function runGuarded(): Promise<void> {
    try {
      do {
        again = false;
        await run();
      } while (again && !stopped);
    } catch (error) {
      // Stopping ends a first sync in the sync process with an error; the stored pages stay.
      if (stopped) return;
      if (!(error instanceof PortalError)) {
        // Cache errors name ids and versions only (see cache/README.md), so the message may be logged.
        log.error('sync: failed', { error: error instanceof Error ? error.name : 'unknown', detail: error instanceof Error ? error.message : null });
        return;
      }
      log.warn('sync: stopped, resumes from the stored cursor', { status: error.status, kind: error.kind, cursor: cache.database.open ? cache.readSyncState().cursor : null });
      if (error.unauthorized) {
        options.onUnauthorized(error);
        return;
      }
      options.onReachability(false, error);
    } finally {
      running = null;
      if (cache.database.open) options.onProgress(null);
    }
  }

  function sync(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = runGuarded();
    return running;
  }

  // Reconnects with backoff while the app runs. Each successful connect triggers a sync, which
  // covers everything missed while the stream was down.
  async function keepLiveStream(): Promise<void> {
    for (let attempt = 0; !stopped; attempt += 1) {
      try {
        const response = await client.openFeedEvents(liveStream.signal);
        attempt = 0;
        options.onReconnected();
        void sync();
        await readFeedHints(response.body!, (hint) => {
          latestSeq = hint.latest;
          if (cache.database.open && hint.latest > cache.readSyncState().cursor) void sync();
        });
        log.info('sync: live stream ended, reconnecting');
      } catch (error) {
        if (stopped) return;
        if (error instanceof PortalError && error.unauthorized) {
          options.onUnauthorized(error);
          return;
        }
        if (error instanceof PortalError) options.onReachability(false, error);
        log.warn('sync: live stream failed', { status: error instanceof PortalError ? error.status : null, attempt: attempt + 1 });
      }
      await sleep(backoffDelay(attempt, reconnect), liveStream.signal);
    }
  }

  return {
    sync,
    start() {
      if (options.liveUpdates !== false) void keepLiveStream();
      if (intervalMs > 0) {
        timer = setInterval(() => void sync(), intervalMs);
        timer.unref?.();
      }
    },
    stop() {
      stopped = true;
      options.initialLoader?.stop();
      liveStream.abort();
      if (timer) clearInterval(timer);
    },
  };
}

/** Snapshots in the page that are assigned to the user now but were not in the cache before. */
function newlyAssignedToMe(page: FeedPage, selectAssignee: Statement, userId: string): { id: string; reference: string }[] {
  const assigned: { id: string; reference: string }[] = [];
  for (const change of page.changes) {
    if (change.kind !== 'upsert' || change.application.assigneeId !== userId) continue;

    const before = selectAssignee.get(change.application.id) as { assigneeId: string | null } | undefined;
    if (before?.assigneeId !== userId) assigned.push({ id: change.application.id, reference: change.application.reference });
  }
  return assigned;
}

/**
 * Estimates initial sync progress from sequence numbers: how far the cursor has moved towards the
 * latest sequence the live stream reported. Sequence numbers also count other authorities' changes
 * and repeated changes of one application, so this is an estimate; null until a hint arrived.
 */
function estimatePercent(startCursor: number, cursor: number, latestSeq: number | null, hasMore: boolean): number | null {
  if (!hasMore) return 100;
  if (latestSeq === null || latestSeq <= startCursor) return null;
  return Math.min(99, Math.floor(((cursor - startCursor) / (latestSeq - startCursor)) * 100));
}

