// Every role × own / other authority × every clerk route: a clerk reads and changes only the
// applications of their own authority.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLERKS } from '../../../portal/src/catalog/demo-data.ts';
import { startTestPortal, type TestPortal } from '../../support/portal-harness.ts';
import { parkingPermit, SCHWERIN_ARS, validSubmission } from '../../support/submissions.ts';

let portal: TestPortal;
let applicationId: string;
let attachmentId: string;

beforeAll(async () => {
  portal = await startTestPortal();
  const receipt = await portal.request('POST', '/api/v1/applications', { body: validSubmission(parkingPermit(), { placeArs: SCHWERIN_ARS }), idempotencyKey: randomUUID() });
  applicationId = receipt.body.applicationId;
  const lead = await portal.login('c.weiss');
  attachmentId = (await portal.request('GET', `/api/v1/clerk/applications/${applicationId}`, { token: lead })).body.attachments[0].id;
});
afterAll(async () => {
  await portal.stop();
});

interface RouteCase {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  /** Status for a user of the application's own authority, by role. */
  own: (role: string) => number;
}

const routes: RouteCase[] = [
  { name: 'read application', method: 'GET', path: () => `/api/v1/clerk/applications/${applicationId}`, own: () => 200 },
  { name: 'download attachment', method: 'GET', path: () => `/api/v1/clerk/applications/${applicationId}/attachments/${attachmentId}`, own: () => 200 },
  { name: 'verify audit', method: 'GET', path: () => `/api/v1/clerk/applications/${applicationId}/audit`, own: () => 200 },
  // A note changes the application without changing its status, so every role can repeat it.
  { name: 'act on application', method: 'POST', path: () => `/api/v1/clerk/applications/${applicationId}/actions`, body: () => ({ action: 'add_note', expectedVersion: currentVersion, text: 'Vermerk' }), own: () => 200 },
  { name: 'workload view', method: 'GET', path: () => '/api/v1/clerk/workload', own: (role) => (role === 'clerk' ? 403 : 200) },
];

let currentVersion = 1;
const roles = ['clerk', 'team_lead', 'admin'] as const;
const ownAuthority = 'schwerin';

describe.each(roles)('role %s', (role) => {
  const own = DEMO_CLERKS.find((user) => user.role === role && user.authorityId === ownAuthority)!;
  const other = DEMO_CLERKS.find((user) => user.role === role && user.authorityId !== ownAuthority)!;

  it.each(routes)('own authority: $name', async (route) => {
    const token = await portal.login(own.username);
    const result = await portal.request(route.method, route.path(), { token, body: route.body?.(), idempotencyKey: randomUUID() });
    expect(result.status, result.text).toBe(route.own(role));
    if (route.method === 'POST' && result.status === 200) currentVersion = result.body.version;
  });

  it.each(routes.filter((route) => route.path().includes(applicationId)))('other authority: $name is not found', async (route) => {
    const token = await portal.login(other.username);
    const result = await portal.request(route.method, route.path(), { token, body: route.body?.(), idempotencyKey: randomUUID() });
    expect(result.status, result.text).toBe(404);
  });

  it('other authority: feed never contains the application', async () => {
    const token = await portal.login(other.username);
    const feed = await portal.request('GET', '/api/v1/clerk/feed?after=0&limit=1000', { token });
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain(applicationId);
  });

  it('users list shows only the own authority', async () => {
    const token = await portal.login(other.username);
    const users = await portal.request('GET', '/api/v1/clerk/users', { token });
    expect(users.body.every((user: { authorityId: string }) => user.authorityId === other.authorityId)).toBe(true);
  });
});

describe('without a session', () => {
  it.each(routes)('$name answers 401', async (route) => {
    const result = await portal.request(route.method, route.path(), { body: route.body?.(), idempotencyKey: randomUUID() });
    expect(result.status).toBe(401);
  });
});
