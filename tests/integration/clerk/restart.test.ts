// Restarts on both sides, with the portal as a separate process on a fixed port. The portal is
// killed in the middle of an initial sync and started again. The clerk app exits with a queued
// action and delivers it at its next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Application } from '../../../src-shared/api.ts';
import { cacheFilePath } from '../../../src-main/clerk/cache/index.ts';
import { DEMO_PASSWORD_ENV, httpRequest } from '../../support/portal-harness.ts';
import {
  AMT_CLERK, cachedIds, DOMSUEHL_ARS, removeTempDirs, signIn, startClerk, submitApplication, tempDir, waitFor, type TestClerk,
} from './helpers.ts';

const CLI = path.join(import.meta.dirname, '../../../portal/src/cli.ts');
const CHILD = path.join(import.meta.dirname, 'queue-action.child.ts');

interface PortalProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

const portals: PortalProcess[] = [];
const clerks: TestClerk[] = [];

afterEach(async () => {
  for (const clerk of clerks.splice(0)) await clerk.services.close();
  for (const portal of portals.splice(0)) await stopPortal(portal, 'SIGTERM');
});
afterAll(() => removeTempDirs());

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startPortal(port: number, dataDir: string): Promise<PortalProcess> {
  const child = spawn(process.execPath, [CLI, '--port', String(port), '--data', dataDir, '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`portal exited with ${code}: ${output}`)));
  });
  const portal = { child, url, exited };
  portals.push(portal);
  return portal;
}

async function stopPortal(portal: PortalProcess, signal: NodeJS.Signals): Promise<void> {
  if (portal.child.exitCode === null && portal.child.signalCode === null) portal.child.kill(signal);
  await portal.exited;
  portals.splice(portals.indexOf(portal), 1);
}

async function portalApplication(url: string, id: string): Promise<Application> {
  const login = await httpRequest(url, 'POST', '/api/v1/session', { body: { username: AMT_CLERK.username, password: DEMO_PASSWORD_ENV } });
  const result = await httpRequest(url, 'GET', `/api/v1/clerk/applications/${id}`, { token: login.body.token });
  expect(result.status).toBe(200);
  return result.body as Application;
}

describe('portal restart', () => {
  it('resumes an initial sync from the cursor', async () => {
    const port = await freePort();
    const portalData = tempDir('antragsdesk-portal-');
    let portal = await startPortal(port, portalData);
    const submitted: string[] = [];
    for (let seed = 1; seed <= 150; seed++) submitted.push((await submitApplication(portal.url, seed, DOMSUEHL_ARS)).applicationId);

    // Watches the feed requests and kills the portal right after the second page arrived.
    const feedRequests: string[] = [];
    const killingFetch: typeof fetch = async (input, init) => {
      const url = String(input);
      const response = await fetch(input, init);
      if (!url.includes('/clerk/feed?')) return response;

      feedRequests.push(new URL(url).search);
      const body = await response.arrayBuffer();
      if (feedRequests.length === 2) await stopPortal(portal, 'SIGKILL');
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const clerk = startClerk(portal.url, { fetch: killingFetch, tuning: { pageSize: 40, requestRetries: 0, requestTimeoutMs: 2_000, reconnectBaseMs: 60_000, syncIntervalMs: 0 } });
    clerks.push(clerk);
    await signIn(clerk, AMT_CLERK.username);
    await clerk.services.handlers.syncNow();

    const interrupted = await clerk.services.handlers.getSyncStatus();
    expect(interrupted.online).toBe(false);
    expect(interrupted.lastError).toContain('nicht erreichbar');
    expect(interrupted.lastSyncAt).toBeNull();
    const partial = await cachedIds(clerk);
    expect(partial).toHaveLength(80);

    portal = await startPortal(port, portalData);
    const requestsBefore = feedRequests.length;
    await clerk.services.handlers.syncNow();

    const ids = await cachedIds(clerk);
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
    expect(ids.sort()).toEqual(submitted.sort());
    expect(feedRequests[requestsBefore]).not.toContain('after=0&');

    // The first sync ran in bulk mode across the interruption, so its end built the search index
    // for the pages written before the kill as well as after it.
    const inbox = await clerk.services.handlers.queryInbox({ filter: {}, sort: { field: 'received', direction: 'asc' }, limit: 150, offset: 0 });
    for (const row of [inbox.rows[0]!, inbox.rows[149]!]) {
      const found = await clerk.services.handlers.queryInbox({ filter: { search: row.applicantName }, sort: { field: 'received', direction: 'asc' }, limit: 150, offset: 0 });
      expect(found.rows.map((match) => match.id), row.id).toContain(row.id);
    }
    const status = await clerk.services.handlers.getSyncStatus();
    expect(status.online).toBe(true);
    expect(status.lastError).toBeNull();
  });
});

describe('app restart', () => {
  it('delivers a queued action once after a restart', async () => {
    const port = await freePort();
    const portalData = tempDir('antragsdesk-portal-');
    let portal = await startPortal(port, portalData);
    const { applicationId } = await submitApplication(portal.url, 7, DOMSUEHL_ARS);

    const dataDir = tempDir();
    const first = startClerk(portal.url, { dataDir });
    await signIn(first, AMT_CLERK.username);
    await first.services.handlers.syncNow();
    await first.services.close();
    await stopPortal(portal, 'SIGTERM');

    const text = 'Vermerk vor dem Absturz';
    const child = spawn(process.execPath, [CHILD, dataDir, portal.url, applicationId, text], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ pending: 1 });

    const cacheFile = cacheFilePath(dataDir, AMT_CLERK.userId, AMT_CLERK.authorityId);
    const database = new Database(cacheFile, { readonly: true });
    const queued = database.prepare('SELECT application_id AS applicationId, attempts FROM outbox').all();
    database.close();
    expect(queued).toEqual([{ applicationId, attempts: 1 }]);

    portal = await startPortal(port, portalData);
    const second = startClerk(portal.url, { dataDir });
    clerks.push(second);
    await waitFor('delivery after the restart', async () => (await second.services.handlers.getSyncStatus()).pendingActions === 0 && (await second.services.handlers.getSession()).signedIn);

    const application = await portalApplication(portal.url, applicationId);
    expect(application.history.filter((entry) => entry.kind === 'note' && entry.text === text)).toHaveLength(1);
    expect(application.version).toBe(2);
    await waitFor('the synced note', async () => (await second.services.handlers.getApplication({ id: applicationId }))?.version === 2);
  });
});
