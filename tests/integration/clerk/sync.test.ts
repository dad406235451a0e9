// Sync engine against a real portal: initial and delta sync, many applications in one
// millisecond, a clerk PC with a wrong clock, tombstones after forwarding, assignment events,
// a damaged cache file and one cache per user.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheFilePath } from '../../../src-main/clerk/cache/index.ts';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { startTestPortal, type TestPortal } from '../../support/portal-harness.ts';
import {
  AMT_CLERK, cachedIds, DOMSUEHL_ARS, removeTempDirs, SCHWERIN_CLERK, SCHWERIN_COLLEAGUE, signIn, startClerk,
  submitApplication, waitFor, type TestClerk,
} from './helpers.ts';

let portal: TestPortal;
const clerks: TestClerk[] = [];

function clerk(options: Parameters<typeof startClerk>[1] = {}): TestClerk {
  const started = startClerk(portal.url, options);
  clerks.push(started);
  return started;
}

beforeAll(async () => {
  portal = await startTestPortal();
});
afterEach(async () => {
  for (const started of clerks.splice(0)) await started.services.close();
});
afterAll(async () => {
  await portal.stop();
  removeTempDirs();
});

describe('sync', () => {
  it('fills an empty cache with progress', async () => {
    const submitted = [];
    for (let seed = 1; seed <= 30; seed++) submitted.push(await submitApplication(portal.url, seed, DOMSUEHL_ARS));
    const amt = clerk({ tuning: { pageSize: 7, syncIntervalMs: 0 } });

    await signIn(amt, AMT_CLERK.username);
    await amt.services.handlers.syncNow();

    const ids = await cachedIds(amt);
    expect(ids.sort()).toEqual(submitted.map((receipt) => receipt.applicationId).sort());
    const progress = amt.events.flatMap((event) => (event.type === 'sync-status' && event.status.initialSync ? [event.status.initialSync.done] : []));
    expect(progress).toContain(7);
    expect(progress).toContain(28);
    expect(progress).toContain(30);
    const status = await amt.services.handlers.getSyncStatus();
    expect(status.initialSync).toBeNull();
    expect(status.lastSyncAt).not.toBeNull();
    expect(status.online).toBe(true);
  });

  it('applies a delta from the live stream', async () => {
    const schwerin = clerk();
    await signIn(schwerin, SCHWERIN_CLERK.username);
    await schwerin.services.handlers.syncNow();
    const before = await cachedIds(schwerin);

    const { applicationId } = await submitApplication(portal.url, 101);

    // No syncNow: the portal's live hint triggers the delta sync.
    await waitFor('the new application in the cache', async () => (await cachedIds(schwerin)).includes(applicationId));
    expect((await cachedIds(schwerin)).length).toBe(before.length + 1);
    expect(schwerin.events).toContainEqual({ type: 'inbox-changed' });
  });

  it('pages 250 applications from one millisecond', async () => {
    const amt = clerk({ tuning: { pageSize: 100, syncIntervalMs: 0 } });
    await signIn(amt, AMT_CLERK.username);
    await amt.services.handlers.syncNow();
    const before = new Set(await cachedIds(amt));

    // Every application gets the same receivedAt and updatedAt instant.
    const realNow = portal.context.now;
    const instant = new Date('2026-12-04T10:00:00.000Z');
    portal.context.now = () => instant;
    let created: string[];
    try {
      const receipts = await Promise.all(Array.from({ length: 250 }, (_, index) => submitApplication(portal.url, 1_000 + index, DOMSUEHL_ARS)));
      created = receipts.map((receipt) => receipt.applicationId);
    } finally {
      portal.context.now = realNow;
    }
    await amt.services.handlers.syncNow();

    const after = await cachedIds(amt);
    expect(new Set(after).size).toBe(after.length);
    expect(after.length).toBe(before.size + 250);
    for (const id of created) expect(after).toContain(id);
  });

  it('ignores a client clock 15 minutes ahead', async () => {
    const ahead = () => new Date(Date.now() + 15 * 60 * 1000);
    const schwerin = clerk({ now: ahead });
    await signIn(schwerin, SCHWERIN_CLERK.username);
    await schwerin.services.handlers.syncNow();
    const before = await cachedIds(schwerin);

    const { applicationId } = await submitApplication(portal.url, 202);
    await schwerin.services.handlers.syncNow();

    const after = await cachedIds(schwerin);
    expect(after).toContain(applicationId);
    expect(after.length).toBe(before.length + 1);
    const feed = await portal.request('GET', '/api/v1/clerk/feed?after=0&limit=1000', { token: await portal.login(SCHWERIN_CLERK.username) });
    expect(after.length).toBe(new Set(feed.body.changes.flatMap((change: { kind: string; application?: { id: string } }) => (change.kind === 'upsert' ? [change.application!.id] : []))).size);
  });

  it('removes a forwarded application by tombstone', async () => {
    const { applicationId } = await submitApplication(portal.url, 303);
    const schwerin = clerk();
    await signIn(schwerin, SCHWERIN_CLERK.username);
    await schwerin.services.handlers.syncNow();
    expect(await cachedIds(schwerin)).toContain(applicationId);

    await schwerin.services.handlers.submitAction({
      applicationId,
      action: { action: 'forward', expectedVersion: 1, targetAuthorityId: 'lk-ludwigslust-parchim', reason: 'Zuständigkeit liegt beim Landkreis.' },
    });

    await waitFor('the tombstone to remove the row', async () => !(await cachedIds(schwerin)).includes(applicationId));
    expect(await schwerin.services.handlers.getApplication({ id: applicationId })).toBeNull();
    expect(await schwerin.services.handlers.listPendingActions()).toEqual([]);
  });

  it('announces an application newly assigned to me', async () => {
    const { applicationId, reference } = await submitApplication(portal.url, 404);
    const me = clerk();
    await signIn(me, SCHWERIN_COLLEAGUE.username);
    await me.services.handlers.syncNow();
    expect(me.events.some((event) => event.type === 'assigned-to-me')).toBe(false);

    const lead = await portal.login('c.weiss');
    const assigned = await portal.request('POST', `/api/v1/clerk/applications/${applicationId}/actions`, {
      token: lead, idempotencyKey: `assign-${applicationId}`, body: { action: 'assign', expectedVersion: 1, assigneeId: SCHWERIN_COLLEAGUE.userId },
    });
    expect(assigned.status).toBe(200);
    await me.services.handlers.syncNow();

    expect(me.events.filter((event) => event.type === 'assigned-to-me')).toEqual([{ type: 'assigned-to-me', applicationId, reference }]);

    // A later change of the same application does not announce it again.
    await portal.request('POST', `/api/v1/clerk/applications/${applicationId}/actions`, {
      token: lead, idempotencyKey: `note-${applicationId}`, body: { action: 'add_note', expectedVersion: 2, text: 'Bitte prüfen.' },
    });
    await me.services.handlers.syncNow();
    expect(me.events.filter((event) => event.type === 'assigned-to-me')).toHaveLength(1);
  });
});

describe('cache recovery', () => {
  it('replaces a corrupt cache file and syncs again', async () => {
    const first = clerk();
    await signIn(first, AMT_CLERK.username);
    await first.services.handlers.syncNow();
    const synced = await cachedIds(first);
    expect(synced.length).toBeGreaterThan(0);
    await first.services.close();

    const file = cacheFilePath(first.dataDir, AMT_CLERK.userId, AMT_CLERK.authorityId);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) writeFileSync(file + suffix, '');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));

    const log = createMemoryLogger();
    const second = clerk({ dataDir: first.dataDir, log });
    await second.services.ready;
    await second.services.handlers.syncNow();

    expect((await cachedIds(second)).sort()).toEqual(synced.sort());
    expect(readdirSync(path.dirname(file)).some((name) => name.includes('.corrupt-'))).toBe(true);
    expect(log.records).toContainEqual(expect.objectContaining({ level: 'warn', message: 'cache: damaged file moved aside, syncing again' }));
  });
});

describe('session', () => {
  it('keeps one cache per user and removes the token on sign-out', async () => {
    const shared = clerk();
    await signIn(shared, SCHWERIN_CLERK.username);
    await shared.services.handlers.syncNow();
    const schwerinIds = await cachedIds(shared);

    await shared.services.handlers.logout();
    expect(await shared.services.handlers.getSession()).toEqual({ signedIn: false });
    await expect(shared.services.handlers.queryInbox({ filter: {}, sort: { field: 'received', direction: 'asc' }, limit: 10, offset: 0 })).rejects.toThrow('nicht angemeldet');
    expect(existsSync(path.join(shared.dataDir, 'secrets', 'clerk-session.secret'))).toBe(false);

    await signIn(shared, AMT_CLERK.username);
    await shared.services.handlers.syncNow();
    const amtIds = await cachedIds(shared);
    expect(amtIds.some((id) => schwerinIds.includes(id))).toBe(false);
    expect(cacheFilePath(shared.dataDir, AMT_CLERK.userId, AMT_CLERK.authorityId)).not.toBe(cacheFilePath(shared.dataDir, SCHWERIN_CLERK.userId, SCHWERIN_CLERK.authorityId));

    // The session survives a restart of the app without a new login.
    await shared.services.close();
    const restarted = clerk({ dataDir: shared.dataDir });
    expect(await restarted.services.handlers.getSession()).toMatchObject({ signedIn: true, user: { id: AMT_CLERK.userId } });
    expect((await cachedIds(restarted)).sort()).toEqual(amtIds.sort());
  });

  it('rejects a wrong password in German', async () => {
    const someone = clerk();

    const result = await someone.services.handlers.login({ username: SCHWERIN_CLERK.username, password: 'falsch' });

    expect(result).toEqual({ ok: false, message: 'Benutzername oder Passwort ist falsch.' });
    expect(await someone.services.handlers.getSession()).toEqual({ signedIn: false });
  });

  it('asks for a new sign-in when the portal ends the session', async () => {
    const schwerin = clerk();
    await signIn(schwerin, SCHWERIN_CLERK.username);
    await schwerin.services.handlers.syncNow();
    const stored = JSON.parse((await import('node:fs')).readFileSync(path.join(schwerin.dataDir, 'secrets', 'clerk-session.secret'), 'utf8')) as { token: string };

    const ended = await portal.request('DELETE', '/api/v1/session', { token: stored.token });
    expect(ended.status).toBe(204);
    await schwerin.services.handlers.syncNow();

    expect(await schwerin.services.handlers.getSession()).toEqual({ signedIn: false });
    expect((await schwerin.services.handlers.getSyncStatus()).lastError).toContain('Anmeldung ist abgelaufen');
  });
});
