import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from '../../support/portal-harness.ts';
import { DEMO_CLERKS } from '../../../portal/src/catalog/demo-data.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal.stop();
});

const clerk = DEMO_CLERKS.find((user) => user.role === 'clerk')!;

describe('clerk session', () => {
  it('login returns a token that identifies the clerk', async () => {
    const login = await portal.request('POST', '/api/v1/session', { body: { username: clerk.username, password: clerk.password } });
    expect(login.status).toBe(201);
    expect(login.body.user).toMatchObject({ id: clerk.id, authorityId: clerk.authorityId, role: 'clerk' });
    expect(login.body).not.toHaveProperty('user.passwordHash');

    const me = await portal.request('GET', '/api/v1/session', { token: login.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(clerk.id);
  });

  it('wrong password and unknown user answer alike', async () => {
    const wrong = await portal.request('POST', '/api/v1/session', { body: { username: clerk.username, password: 'falsch' } });
    const unknown = await portal.request('POST', '/api/v1/session', { body: { username: 'niemand', password: 'falsch' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.userMessage).toBe('Benutzername oder Passwort ist falsch.');
    expect(unknown.body.userMessage).toBe(wrong.body.userMessage);
  });

  it('logout ends the session at once', async () => {
    const token = await portal.login(clerk.username, clerk.password);
    const logout = await portal.request('DELETE', '/api/v1/session', { token });
    expect(logout.status).toBe(204);

    const after = await portal.request('GET', '/api/v1/clerk/feed', { token });
    expect(after.status).toBe(401);
    expect(after.body.userMessage).toContain('erneut an');
  });

  it('login is rate-limited after five failures', async () => {
    const other = DEMO_CLERKS.find((user) => user.id !== clerk.id)!;
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await portal.request('POST', '/api/v1/session', { body: { username: other.username, password: 'falsch' } });
      expect(result.status).toBe(401);
    }
    const blocked = await portal.request('POST', '/api/v1/session', { body: { username: other.username, password: other.password } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The lockout lasts 15 minutes, and the message names the wait.
    expect(blocked.body.userMessage).toBe('Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie 15 Minuten.');
  });

  it('missing fields answer 400 with field errors', async () => {
    const result = await portal.request('POST', '/api/v1/session', { body: { username: '' } });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('malformed authorization header is rejected', async () => {
    const result = await portal.request('GET', '/api/v1/clerk/feed', { headers: { authorization: 'Basic abc' } });
    expect(result.status).toBe(401);
  });
});
