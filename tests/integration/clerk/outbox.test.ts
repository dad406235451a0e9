// The outbox against a real portal behind a faulty proxy: actions survive gateway errors and lost
// responses without being applied twice, and a stale version becomes a conflict that the clerk
// discards or reapplies.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../../src-shared/api.ts';
import { startTestPortal, type TestPortal } from '../../support/portal-harness.ts';
import { startFaultyProxy, type FaultyProxy } from './faulty-proxy.ts';
import { removeTempDirs, SCHWERIN_CLERK, signIn, startClerk, submitApplication, waitFor, type TestClerk } from './helpers.ts';

let portal: TestPortal;
let proxy: FaultyProxy;
let leadToken: string;
const clerks: TestClerk[] = [];

beforeAll(async () => {
  portal = await startTestPortal();
  proxy = await startFaultyProxy(portal.url);
  leadToken = await portal.login('c.weiss');
});
afterEach(async () => {
  proxy.plan = () => 'pass';
  for (const started of clerks.splice(0)) await started.services.close();
});
afterAll(async () => {
  await proxy.close();
  await portal.stop();
  removeTempDirs();
});

async function clerkWith(applicationId: string): Promise<TestClerk> {
  const clerk = startClerk(proxy.url);
  clerks.push(clerk);
  await signIn(clerk, SCHWERIN_CLERK.username);
  await clerk.services.handlers.syncNow();
  expect(await clerk.services.handlers.getApplication({ id: applicationId })).not.toBeNull();
  return clerk;
}

async function portalApplication(id: string): Promise<Application> {
  const result = await portal.request('GET', `/api/v1/clerk/applications/${id}`, { token: leadToken });
  expect(result.status).toBe(200);
  return result.body as Application;
}

function notesWith(application: Application, text: string): number {
  return application.history.filter((entry) => entry.kind === 'note' && entry.text === text).length;
}

const isAction = (path: string) => path.includes('/actions');

describe('outbox delivery', () => {
  it('keeps an action queued while the gateway fails', async () => {
    const { applicationId } = await submitApplication(portal.url, 11);
    const clerk = await clerkWith(applicationId);
    proxy.plan = ({ path }) => (isAction(path) ? 'refuse-502' : 'pass');

    await clerk.services.handlers.submitAction({ applicationId, action: { action: 'add_note', expectedVersion: 1, text: 'Vermerk A' } });
    await waitFor('a failed attempt', async () => (await clerk.services.handlers.listPendingActions())[0]?.attempts);

    const status = await clerk.services.handlers.getSyncStatus();
    expect(status.pendingActions).toBe(1);
    const [pending] = await clerk.services.handlers.listPendingActions();
    expect(pending).toMatchObject({ applicationId, action: { action: 'add_note' }, lastError: expect.stringContaining('HTTP 502') });
    expect(notesWith(await portalApplication(applicationId), 'Vermerk A')).toBe(0);

    proxy.plan = () => 'pass';
    await waitFor('delivery', async () => (await clerk.services.handlers.listPendingActions()).length === 0);
    expect(notesWith(await portalApplication(applicationId), 'Vermerk A')).toBe(1);
  });

  it('applies once when a 502 follows the commit', async () => {
    const { applicationId } = await submitApplication(portal.url, 12);
    const clerk = await clerkWith(applicationId);
    let broken = 0;
    proxy.plan = ({ path }) => (isAction(path) && broken++ < 3 ? 'forward-then-502' : 'pass');

    await clerk.services.handlers.submitAction({ applicationId, action: { action: 'add_note', expectedVersion: 1, text: 'Vermerk B' } });
    await waitFor('delivery', async () => (await clerk.services.handlers.listPendingActions()).length === 0);

    const application = await portalApplication(applicationId);
    expect(notesWith(application, 'Vermerk B')).toBe(1);
    expect(application.version).toBe(2);
    const actionRequests = proxy.log.filter((entry) => isAction(entry.path) && entry.path.includes(applicationId));
    expect(actionRequests.length).toBeGreaterThanOrEqual(4);
    expect(actionRequests.slice(0, 3).every((entry) => entry.upstreamStatus === 200)).toBe(true);
  });

  it('applies once when the response is dropped', async () => {
    const { applicationId } = await submitApplication(portal.url, 13);
    const clerk = await clerkWith(applicationId);
    let dropped = 0;
    proxy.plan = ({ path }) => (isAction(path) && dropped++ < 2 ? 'forward-then-drop' : 'pass');

    await clerk.services.handlers.submitAction({ applicationId, action: { action: 'accept', expectedVersion: 1, note: 'Unterlagen vollständig.' } });
    await waitFor('delivery', async () => (await clerk.services.handlers.listPendingActions()).length === 0);

    const application = await portalApplication(applicationId);
    expect(application.status).toBe('accepted');
    expect(application.version).toBe(2);
    expect(application.history.filter((entry) => entry.kind === 'status' && entry.status === 'accepted')).toHaveLength(1);
    expect(await clerk.services.handlers.listConflicts()).toEqual([]);

    // The inbox shows the portal's state after the sync that follows delivery.
    await waitFor('the synced status', async () => (await clerk.services.handlers.getApplication({ id: applicationId }))?.status === 'accepted');
  });

  it('keeps the clerk order of actions', async () => {
    const { applicationId } = await submitApplication(portal.url, 14);
    const clerk = await clerkWith(applicationId);
    proxy.plan = ({ path }) => (isAction(path) ? 'refuse-502' : 'pass');

    await clerk.services.handlers.submitAction({ applicationId, action: { action: 'add_note', expectedVersion: 1, text: 'Erster Vermerk' } });
    await clerk.services.handlers.submitAction({ applicationId, action: { action: 'add_note', expectedVersion: 2, text: 'Zweiter Vermerk' } });
    expect((await clerk.services.handlers.listPendingActions()).map((pending) => pending.action.action)).toEqual(['add_note', 'add_note']);

    proxy.plan = () => 'pass';
    await waitFor('delivery', async () => (await clerk.services.handlers.listPendingActions()).length === 0);
    const notes = (await portalApplication(applicationId)).history.flatMap((entry) => (entry.kind === 'note' ? [entry.text] : []));
    expect(notes).toEqual(['Erster Vermerk', 'Zweiter Vermerk']);
  });
});

describe('conflicts', () => {
  async function staleAction(seed: number) {
    const { applicationId } = await submitApplication(portal.url, seed);
    const clerk = await clerkWith(applicationId);
    const changed = await portal.request('POST', `/api/v1/clerk/applications/${applicationId}/actions`, {
      token: leadToken, idempotencyKey: `lead-note-${applicationId}`, body: { action: 'add_note', expectedVersion: 1, text: 'Vermerk der Teamleitung' },
    });
    expect(changed.status).toBe(200);

    // The clerk's cache still has version 1.
    await clerk.services.handlers.submitAction({ applicationId, action: { action: 'accept', expectedVersion: 1 } });
    const [conflict] = await waitFor('a conflict', async () => {
      const conflicts = await clerk.services.handlers.listConflicts();
      return conflicts.length > 0 ? conflicts : null;
    });
    return { clerk, applicationId, conflict: conflict! };
  }

  it('stores both versions on a stale version', async () => {
    const { clerk, applicationId, conflict } = await staleAction(21);

    expect(conflict).toMatchObject({ applicationId, action: { action: 'accept', expectedVersion: 1 } });
    expect(conflict.local?.version).toBe(1);
    expect(conflict.server?.version).toBe(2);
    expect(conflict.problem).toMatchObject({ status: 409, currentVersion: 2 });
    expect(conflict.problem.userMessage).toContain('inzwischen geändert');
    const status = await clerk.services.handlers.getSyncStatus();
    expect(status.conflicts).toBe(1);
    expect(status.pendingActions).toBe(0);
  });

  it('discards the clerk action', async () => {
    const { clerk, applicationId, conflict } = await staleAction(22);

    await clerk.services.handlers.resolveConflict({ conflictId: conflict.id, resolution: 'discard' });

    expect(await clerk.services.handlers.listConflicts()).toEqual([]);
    expect(await clerk.services.handlers.listPendingActions()).toEqual([]);
    const application = await portalApplication(applicationId);
    expect(application.status).toBe('submitted');
    expect(application.version).toBe(2);
  });

  it('reapplies on the current version', async () => {
    const { clerk, applicationId, conflict } = await staleAction(23);

    await clerk.services.handlers.resolveConflict({ conflictId: conflict.id, resolution: 'reapply' });
    await waitFor('delivery', async () => (await clerk.services.handlers.listPendingActions()).length === 0);

    expect(await clerk.services.handlers.listConflicts()).toEqual([]);
    const application = await portalApplication(applicationId);
    expect(application.status).toBe('accepted');
    expect(application.version).toBe(3);
    expect(application.history.filter((entry) => entry.kind === 'status' && entry.status === 'accepted')).toHaveLength(1);
  });

  it('rejects an unknown conflict id', async () => {
    const { clerk } = await staleAction(24);

    await expect(clerk.services.handlers.resolveConflict({ conflictId: 'nicht-vorhanden', resolution: 'discard' })).rejects.toThrow('bereits erledigt');
    await expect(clerk.services.handlers.resolveConflict({ conflictId: 'x', resolution: 'ignore' })).rejects.toThrow('Invalid argument for clerk:resolve-conflict: resolution');
  });

  it('parks a disallowed transition as a conflict', async () => {
    const { applicationId } = await submitApplication(portal.url, 25);
    const clerk = await clerkWith(applicationId);

    await clerk.services.handlers.submitAction({ applicationId, action: { action: 'approve', expectedVersion: 1, decision: 'Bewilligt.' } });
    const [conflict] = await waitFor('a conflict', async () => {
      const conflicts = await clerk.services.handlers.listConflicts();
      return conflicts.length > 0 ? conflicts : null;
    });

    expect(conflict!.problem.status).toBe(409);
    expect(conflict!.problem.allowedActions?.length).toBeGreaterThan(0);
    expect((await portalApplication(applicationId)).status).toBe('submitted');
  });
});

describe('action input', () => {
  it('rejects an invalid action', async () => {
    const { applicationId } = await submitApplication(portal.url, 31);
    const clerk = await clerkWith(applicationId);

    await expect(clerk.services.handlers.submitAction({ applicationId, action: { action: 'add_note', expectedVersion: 1, text: '   ' } })).rejects.toThrow('action.text');
    await expect(clerk.services.handlers.submitAction({ applicationId: 'kein-uuid', action: { action: 'accept', expectedVersion: 1 } })).rejects.toThrow('applicationId');
    await expect(clerk.services.handlers.submitAction({ applicationId, action: { action: 'delete_everything', expectedVersion: 1 } })).rejects.toThrow('Invalid argument');
    expect(await clerk.services.handlers.listPendingActions()).toEqual([]);
  });

  it('rejects an application outside the inbox', async () => {
    const { applicationId } = await submitApplication(portal.url, 32);
    const clerk = await clerkWith(applicationId);

    const unknown = '00000000-0000-4000-8000-000000000999';
    await expect(clerk.services.handlers.submitAction({ applicationId: unknown, action: { action: 'accept', expectedVersion: 1 } })).rejects.toThrow('nicht (mehr) in Ihrem Posteingang');
  });
});
