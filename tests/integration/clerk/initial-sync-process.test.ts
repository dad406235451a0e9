// The first sync in its own process (two worker threads) against a real portal process. It runs
// through the clerk services and through createProcessInitialLoader directly, and is stopped in the
// middle and resumed. Failure cases: a wrong session token, a portal that is down, an invalid page
// size, a sync process that dies and worker threads that die.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openClerkCache, type OpenedClerkCache } from '../../../src-main/clerk/cache/index.ts';
import { PortalError } from '../../../src-main/clerk/portal-api/portal-error.ts';
import type { PortalConnection, WorkerReport } from '../../../src-main/clerk/sync/initial-sync-messages.ts';
import {
  createProcessInitialLoader, forkSyncProcess, InitialLoadStoppedError,
  type InitialLoadRequest, type LaunchSyncProcess,
} from '../../../src-main/clerk/sync/initial-sync.ts';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { DEMO_PASSWORD_ENV, httpRequest } from '../../support/portal-harness.ts';
import { startPortalProcess, type PortalProcess } from '../../support/portal-process.ts';
import { registrationCertificate, validSubmission } from '../../support/submissions.ts';
import {
  AMT_CLERK, DOMSUEHL_ARS, FAST_TUNING, removeTempDirs, signIn, startClerk, submitApplication, tempDir, waitFor, type TestClerk,
} from './helpers.ts';

// 300 generated applications and one with a known umlaut name, all for the Amt Parchimer Umland,
// whose inbox is empty in the demo data. Pages of 50 make seven feed pages.
const GENERATED = 300;
const TOTAL = GENERATED + 1;
const PAGE_SIZE = 50;
const PROGRESS_AT_EACH_PAGE = [50, 100, 150, 200, 250, 300, 301];

let portal: PortalProcess;
let submittedIds: string[];
let umlautApplicationId: string;
/** Cursor of the last feed page of the Amt, as the portal returns it. */
let feedEnd: number;
/** The snapshots of the Amt's feed by application id, as the portal sent them. */
let feedSnapshots: Map<string, unknown>;
let token: string;

const caches: OpenedClerkCache[] = [];
const clerks: TestClerk[] = [];
const gates: FeedGate[] = [];

beforeAll(async () => {
  portal = await startPortalProcess();

  const generated: string[] = [];
  for (let first = 1; first <= GENERATED; first += 25) {
    const batch = Array.from({ length: 25 }, (_, index) => submitApplication(portal.url, first + index, DOMSUEHL_ARS));
    generated.push(...(await Promise.all(batch)).map((receipt) => receipt.applicationId));
  }
  umlautApplicationId = await submitInventedApplicant('Kühnbrück', 'Jörn');
  submittedIds = [...generated, umlautApplicationId];

  const login = await httpRequest(portal.url, 'POST', '/api/v1/session', { body: { username: AMT_CLERK.username, password: DEMO_PASSWORD_ENV } });
  token = login.body.token as string;
  const feed = await httpRequest(portal.url, 'GET', '/api/v1/clerk/feed?after=0&limit=1000', { token });
  expect(feed.body.hasMore).toBe(false);
  expect(feed.body.changes).toHaveLength(TOTAL);
  feedEnd = feed.body.cursor as number;
  feedSnapshots = new Map((feed.body.changes as { application: { id: string } }[]).map((change) => [change.application.id, change.application]));
});

afterEach(async () => {
  for (const clerk of clerks.splice(0)) await clerk.services.close();
  for (const opened of caches.splice(0)) if (opened.cache.database.open) opened.cache.close();
  for (const gate of gates.splice(0)) await gate.close();
});

afterAll(async () => {
  await portal.stop();
  removeTempDirs();
});

/** Files a registration certificate for a Domsühl resident with the given (invented) name. */
async function submitInventedApplicant(familyName: string, givenName: string): Promise<string> {
  const submission = validSubmission(registrationCertificate(), { placeArs: DOMSUEHL_ARS, seed: 9_001 });
  const applicant = submission.formData.applicant as Record<string, unknown>;
  submission.formData = { ...submission.formData, applicant: { ...applicant, familyName, givenName } };

  const result = await httpRequest(portal.url, 'POST', '/api/v1/applications', { body: submission, idempotencyKey: randomUUID() });
  if (result.status !== 201) throw new Error(`submission failed with ${result.status}: ${result.text}`);
  return result.body.applicationId as string;
}

function connection(baseUrl: string, sessionToken = token): PortalConnection {
  return { baseUrl, token: sessionToken, timeoutMs: 5_000, retries: 0, retryBaseMs: 50 };
}

/** Opens an empty cache of the Amt clerk in a temp folder and switches it to bulk mode, as the sync engine does. */
function openEmptyCache(): OpenedClerkCache {
  const opened = openClerkCache({ dataDir: tempDir(), userId: AMT_CLERK.userId, authorityId: AMT_CLERK.authorityId });
  caches.push(opened);
  opened.cache.beginInitialLoad();
  return opened;
}

interface CacheFileState {
  rows: number;
  distinctIds: number;
  ids: string[];
  cursor: number;
  initialLoad: number;
}

/** Reads the cache file through a connection of its own, as a restarted app would see it. */
function readCacheFile(filePath: string): CacheFileState {
  const database = new BetterSqlite3(filePath, { readonly: true });
  try {
    const counts = database.prepare('SELECT count(*) AS rows, count(DISTINCT id) AS distinctIds FROM applications').get() as { rows: number; distinctIds: number };
    const ids = (database.prepare('SELECT id FROM applications ORDER BY id').all() as { id: string }[]).map((row) => row.id);
    const state = database.prepare('SELECT cursor, initial_load AS initialLoad FROM sync_state WHERE id = 1').get() as { cursor: number; initialLoad: number };
    return { ...counts, ids, ...state };
  } finally {
    database.close();
  }
}

/** Reads the stored snapshots with their SQLite storage class, through a connection of their own. */
function readStoredSnapshots(filePath: string): { id: string; type: string; snapshot: string }[] {
  const database = new BetterSqlite3(filePath, { readonly: true });
  try {
    return database
      .prepare('SELECT a.id, typeof(s.snapshot) AS type, s.snapshot FROM applications a JOIN application_snapshots s ON s.row_id = a.row_id')
      .all() as { id: string; type: string; snapshot: string }[];
  } finally {
    database.close();
  }
}

/** Collects the progress reports of a load. */
function progressRecorder(): { reports: Parameters<InitialLoadRequest['onPage']>[0][]; onPage: InitialLoadRequest['onPage'] } {
  const reports: Parameters<InitialLoadRequest['onPage']>[0][] = [];
  return { reports, onPage: (progress) => reports.push(progress) };
}

/**
 * Process ids of the sync processes that this test process started and that still run. Reads
 * /proc (Linux), because forkSyncProcess does not expose the child's pid.
 */
function runningSyncProcesses(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parentPid === process.pid && commandLine.includes('initial-sync-process')) found.push(Number(entry));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return found;
}

async function expectNoSyncProcess(): Promise<void> {
  await waitFor('the sync process to end', () => runningSyncProcesses().length === 0, 5_000);
  expect(runningSyncProcesses()).toEqual([]);
}

interface FeedGate {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 in front of the portal that forwards the first `passed` feed requests
 * and leaves every later one unanswered. A first sync through it cannot get past that page, so a
 * test can stop or kill it in the middle without racing the end of the feed.
 */
async function startFeedGate(targetUrl: string, passed: number): Promise<FeedGate> {
  const target = new URL(targetUrl);
  let feedRequests = 0;

  const server = http.createServer((request, response) => {
    if (request.url?.includes('/clerk/feed?')) {
      feedRequests += 1;
      if (feedRequests > passed) return;
    }

    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: { ...request.headers, host: target.host } },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const gate: FeedGate = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  gates.push(gate);
  return gate;
}

// Preloaded into the sync process: every worker thread throws before its script runs, as a thread
// that dies (for example out of memory) ends without a report. The process itself starts normally.
const CRASH_EVERY_THREAD = 'data:text/javascript,import { isMainThread } from "node:worker_threads"; if (!isMainThread) throw new Error("thread crashed");';

/** Starts the sync process like forkSyncProcess, with CRASH_EVERY_THREAD preloaded. */
const forkWithCrashingThreads: LaunchSyncProcess = (script) => {
  const child = fork(script, [], { serialization: 'advanced', execArgv: ['--import', CRASH_EVERY_THREAD], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code ?? 1)),
    kill: () => child.kill(),
  };
};

type Outcome = { state: 'resolved'; value: unknown } | { state: 'rejected'; error: unknown } | { state: 'pending' };

/** Waits for a promise up to timeoutMs, so a load that never settles fails the test instead of hanging it. */
async function settleWithin(promise: Promise<unknown>, timeoutMs: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve({ state: 'pending' }), timeoutMs)));
  const settled = promise.then(
    (value): Outcome => ({ state: 'resolved', value }),
    (error: unknown): Outcome => ({ state: 'rejected', error }),
  );
  try {
    return await Promise.race([settled, pending]);
  } finally {
    clearTimeout(timer);
  }
}

describe('first sync in the sync process', () => {
  it('fills the cache through the clerk services', async () => {
    const log = createMemoryLogger();
    const amt = startClerk(portal.url, { log, tuning: { ...FAST_TUNING, pageSize: PAGE_SIZE } });
    clerks.push(amt);

    await signIn(amt, AMT_CLERK.username);
    await amt.services.handlers.syncNow();

    const inbox = await amt.services.handlers.queryInbox({ filter: {}, sort: { field: 'deadline', direction: 'asc' }, limit: 5_000, offset: 0 });
    expect(inbox.total).toBe(TOTAL);
    expect(inbox.rows.map((row) => row.id).sort()).toEqual([...submittedIds].sort());
    const sortKeys = inbox.rows.map((row) => `${row.deadline} ${row.id}`);
    expect(sortKeys).toEqual([...sortKeys].sort());

    for (const input of ['kuehnbrueck', 'kuhnbruck', 'Kühnbrück', 'KÜHNBRÜCK joern']) {
      const found = await amt.services.handlers.queryInbox({ filter: { search: input }, sort: { field: 'deadline', direction: 'asc' }, limit: 50, offset: 0 });
      expect(found.rows.map((row) => row.id), input).toEqual([umlautApplicationId]);
    }

    const progress = amt.events.flatMap((event) => (event.type === 'sync-status' && event.status.initialSync ? [event.status.initialSync] : []));
    const counted = progress.map((step) => step.done).filter((done, index, all) => index === 0 || done !== all[index - 1]);
    expect(counted).toEqual([0, ...PROGRESS_AT_EACH_PAGE]);
    expect(progress.at(-1)!.percent).toBe(100);
    expect((await amt.services.handlers.getSyncStatus()).initialSync).toBeNull();

    // The writer thread of the sync process logged through this logger, with timings and no names.
    expect(log.records).toContainEqual(expect.objectContaining({ level: 'debug', message: 'sync: initial sync writer finished' }));
    expect(JSON.stringify(log.records)).not.toMatch(/Kühnbrück|kuehnbrueck/i);
    await expectNoSyncProcess();
  });

  it('loader stores every page', async () => {
    const opened = openEmptyCache();
    const log = createMemoryLogger();
    const loader = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(portal.url), log });
    const progress = progressRecorder();
    const processesDuringLoad: number[] = [];

    const result = await loader.load({
      after: 0,
      pageSize: PAGE_SIZE,
      onPage: (report) => {
        progress.onPage(report);
        processesDuringLoad.push(runningSyncProcesses().length);
      },
    });

    expect(result).toEqual({ cursor: feedEnd, changes: TOTAL });
    // One sync process did the work; this also shows that runningSyncProcesses finds it.
    expect(processesDuringLoad).toEqual(PROGRESS_AT_EACH_PAGE.map(() => 1));
    expect(progress.reports.map((report) => report.done)).toEqual(PROGRESS_AT_EACH_PAGE);
    expect(progress.reports.map((report) => report.hasMore)).toEqual([true, true, true, true, true, true, false]);
    const cursors = progress.reports.map((report) => report.cursor);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(cursors.at(-1)).toBe(feedEnd);

    const file = readCacheFile(opened.path);
    expect(file.rows).toBe(TOTAL);
    expect(file.ids).toEqual([...submittedIds].sort());
    expect(file.cursor).toBe(feedEnd);
    expect(file.initialLoad).toBe(0);
    expect(opened.cache.initialLoadPending()).toBe(false);
    // The writer built the search index page by page, and the app's own connection reads it.
    const found = opened.cache.queryInbox({ search: 'kuhnbruck' }, { field: 'deadline', direction: 'asc' }, { limit: 10, offset: 0 });
    expect(found.rows.map((row) => row.id)).toEqual([umlautApplicationId]);

    // The reader kept the snapshot bytes of every page as sent, and the cache stores them as text.
    const reader = log.records.find((record) => record.message === 'sync: initial sync reader finished');
    expect(reader?.data).toMatchObject({ pagesWithoutLayout: 0 });
    const stored = readStoredSnapshots(opened.path);
    expect(stored.map((row) => row.type)).toEqual(stored.map(() => 'text'));
    for (const row of stored) expect(JSON.parse(row.snapshot), row.id).toEqual(feedSnapshots.get(row.id));
    expect(opened.cache.getApplication(umlautApplicationId)?.applicantName).toBe('Kühnbrück, Jörn');
    await expectNoSyncProcess();
  });

  it('stop keeps pages and resumes', async () => {
    const gate = await startFeedGate(portal.url, 2);
    const opened = openEmptyCache();
    let baseUrl = gate.url;
    const loader = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(baseUrl), log: createMemoryLogger() });
    const progress = progressRecorder();

    const stopped = loader.load({
      after: 0,
      pageSize: PAGE_SIZE,
      onPage: (report) => {
        progress.onPage(report);
        if (progress.reports.length === 2) loader.stop();
      },
    });

    await expect(stopped).rejects.toBeInstanceOf(InitialLoadStoppedError);
    await expectNoSyncProcess();
    const interrupted = readCacheFile(opened.path);
    expect(interrupted.cursor).toBeGreaterThan(0);
    expect(interrupted.cursor).toBeLessThan(feedEnd);
    expect(interrupted.cursor).toBe(progress.reports[1]!.cursor);
    expect(interrupted.rows).toBe(2 * PAGE_SIZE);
    expect(interrupted.initialLoad).toBe(1);

    baseUrl = portal.url;
    const resumed = progressRecorder();
    const result = await loader.load({ after: opened.cache.readSyncState().cursor, pageSize: PAGE_SIZE, onPage: resumed.onPage });

    expect(result).toEqual({ cursor: feedEnd, changes: TOTAL - 2 * PAGE_SIZE });
    expect(resumed.reports.map((report) => report.done)).toEqual([50, 100, 150, 200, 201]);
    const file = readCacheFile(opened.path);
    expect(file.rows).toBe(TOTAL);
    expect(file.distinctIds).toBe(TOTAL);
    expect(file.ids).toEqual([...submittedIds].sort());
    expect(file.initialLoad).toBe(0);
    await expectNoSyncProcess();
  });

  it('stop before a load does nothing', async () => {
    const opened = openEmptyCache();
    const loader = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(portal.url), log: createMemoryLogger() });

    loader.stop();
    const result = await loader.load({ after: 0, pageSize: 1_000, onPage: () => {} });

    expect(result).toEqual({ cursor: feedEnd, changes: TOTAL });
    expect(readCacheFile(opened.path).rows).toBe(TOTAL);
  });

  it('wrong token rejects as unauthorized', async () => {
    const opened = openEmptyCache();
    const loader = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(portal.url, 'no-such-session'), log: createMemoryLogger() });
    const progress = progressRecorder();

    const failure = await loader.load({ after: 0, pageSize: PAGE_SIZE, onPage: progress.onPage }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PortalError);
    expect((failure as PortalError).unauthorized).toBe(true);
    expect((failure as PortalError).userMessage).toContain('Anmeldung ist abgelaufen');
    expect(progress.reports).toEqual([]);
    expect(readCacheFile(opened.path)).toMatchObject({ rows: 0, cursor: 0, initialLoad: 1 });
    await expectNoSyncProcess();
  });

  it('stopped portal rejects as network error', async () => {
    const stoppedPortal = await startPortalProcess({ args: ['--no-demo-data'] });
    const url = stoppedPortal.url;
    await stoppedPortal.stop();
    const opened = openEmptyCache();
    const loader = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(url), log: createMemoryLogger() });

    const failure = await loader.load({ after: 0, pageSize: PAGE_SIZE, onPage: () => {} }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PortalError);
    expect((failure as PortalError).kind).toBe('network');
    expect((failure as PortalError).retryable).toBe(true);
    expect(readCacheFile(opened.path)).toMatchObject({ rows: 0, cursor: 0 });
    await expectNoSyncProcess();
  });

  it('invalid page size rejects with 400', async () => {
    const opened = openEmptyCache();
    const loader = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(portal.url), log: createMemoryLogger() });

    for (const pageSize of [0, 1_001]) {
      const failure = await loader.load({ after: 0, pageSize, onPage: () => {} }).catch((error: unknown) => error);

      expect(failure, `pageSize ${pageSize}`).toBeInstanceOf(PortalError);
      expect((failure as PortalError).status, `pageSize ${pageSize}`).toBe(400);
    }
    expect(readCacheFile(opened.path)).toMatchObject({ rows: 0, cursor: 0 });
    await expectNoSyncProcess();
  });

  it('dead process rejects and resumes', async () => {
    const gate = await startFeedGate(portal.url, 2);
    const opened = openEmptyCache();
    // Kills the sync process right after its first progress report, as a crash would end it.
    const killAfterFirstProgress: LaunchSyncProcess = (script) => {
      const child = forkSyncProcess(script);
      let killed = false;
      return {
        ...child,
        onMessage: (listener) =>
          child.onMessage((message) => {
            listener(message);
            if (!killed && (message as WorkerReport).type === 'progress') {
              killed = true;
              child.kill();
            }
          }),
      };
    };
    const crashing = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(gate.url), log: createMemoryLogger(), launch: killAfterFirstProgress });

    const failure = await crashing.load({ after: 0, pageSize: PAGE_SIZE, onPage: () => {} }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(InitialLoadStoppedError);
    expect(failure).not.toBeInstanceOf(PortalError);
    expect((failure as Error).message).toContain('exited');
    expect(runningSyncProcesses()).toEqual([]);
    const interrupted = readCacheFile(opened.path);
    expect(interrupted.cursor).toBeGreaterThan(0);
    expect(interrupted.cursor).toBeLessThan(feedEnd);

    // The next load, with a process that lives, completes from the stored cursor.
    const loader = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(portal.url), log: createMemoryLogger() });
    const result = await loader.load({ after: interrupted.cursor, pageSize: PAGE_SIZE, onPage: () => {} });

    expect(result.cursor).toBe(feedEnd);
    expect(result.changes).toBe(TOTAL - interrupted.rows);
    const file = readCacheFile(opened.path);
    expect(file.rows).toBe(TOTAL);
    expect(file.distinctIds).toBe(TOTAL);
    expect(file.initialLoad).toBe(0);
    await expectNoSyncProcess();
  });

  // A thread that dies without a 'failed' report must still end the load. Otherwise the process
  // keeps running and the load stays pending for good.
  it('dead threads reject the load', async () => {
    const opened = openEmptyCache();
    const loader = createProcessInitialLoader({ cachePath: opened.path, portal: () => connection(portal.url), log: createMemoryLogger(), launch: forkWithCrashingThreads });

    const outcome = await settleWithin(loader.load({ after: 0, pageSize: PAGE_SIZE, onPage: () => {} }), 5_000);
    // Ends a process that still waits, so that the next test starts without one.
    loader.stop();

    expect(outcome.state).toBe('rejected');
    const error = outcome.state === 'rejected' ? outcome.error : null;
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InitialLoadStoppedError);
    expect(readCacheFile(opened.path)).toMatchObject({ rows: 0, cursor: 0 });
    await expectNoSyncProcess();
  });
});
