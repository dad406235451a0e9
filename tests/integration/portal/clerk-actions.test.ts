import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from '../../support/portal-harness.ts';
import { LUDWIGSLUST_ARS, parkingPermit, registrationCertificate, SCHWERIN_ARS, SMALL_PDF, validSubmission } from '../../support/submissions.ts';

let portal: TestPortal;
let clerkToken: string;
let leadToken: string;

beforeAll(async () => {
  portal = await startTestPortal();
  clerkToken = await portal.login('a.krueger');
  leadToken = await portal.login('c.weiss');
});
afterAll(async () => {
  await portal.stop();
});

async function newApplication(service = registrationCertificate(), placeArs = SCHWERIN_ARS) {
  const receipt = await portal.request('POST', '/api/v1/applications', { body: validSubmission(service, { placeArs }), idempotencyKey: randomUUID() });
  expect(receipt.status).toBe(201);
  return receipt.body as { applicationId: string; reference: string; accessCode: string };
}

function act(id: string, body: Record<string, unknown>, token = clerkToken, key = randomUUID()) {
  return portal.request('POST', `/api/v1/clerk/applications/${id}/actions`, { body, token, idempotencyKey: key });
}

describe('clerk actions', () => {
  it('walk an application from submission to approval', async () => {
    const { applicationId } = await newApplication();
    const accepted = await act(applicationId, { action: 'accept', expectedVersion: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });

    const started = await act(applicationId, { action: 'start', expectedVersion: 2 });
    const asked = await act(applicationId, { action: 'request_information', expectedVersion: 3, message: 'Bitte reichen Sie den Mietvertrag nach.' });
    expect(started.body.status).toBe('in_progress');
    expect(asked.body.status).toBe('action_required');
    expect(asked.body.history.at(-1)).toMatchObject({ kind: 'message', direction: 'to_citizen' });

    const approved = await act(applicationId, { action: 'reject', expectedVersion: 4, decision: 'Ablehnung', reasons: 'Unterlagen fehlen.' });
    expect(approved.body.status).toBe('rejected');
    const decision = approved.body.history.findLast((entry: { kind: string }) => entry.kind === 'status');
    expect(decision.decision).toEqual({ text: 'Ablehnung', reasons: 'Unterlagen fehlen.' });
  });

  it('answers 409 with the current version on a stale version', async () => {
    const { applicationId } = await newApplication();
    await act(applicationId, { action: 'add_note', expectedVersion: 1, text: 'Vermerk eins' });
    const stale = await act(applicationId, { action: 'accept', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'urn:antragsdesk:problem:version-conflict', currentVersion: 2 });
    expect(stale.body.userMessage).toContain('inzwischen geändert');
  });

  it('answers 409 naming the allowed actions on a disallowed transition', async () => {
    const { applicationId } = await newApplication();
    const result = await act(applicationId, { action: 'approve', expectedVersion: 1, decision: 'Bewilligt' });
    expect(result.status).toBe(409);
    expect(result.body.type).toBe('urn:antragsdesk:problem:transition-not-allowed');
    expect(result.body.allowedActions).toEqual(['accept', 'withdraw', 'discard']);
    expect(result.body.detail).toContain('allowed: accept, withdraw, discard');
  });

  it('replays an action with the same key once', async () => {
    const { applicationId } = await newApplication();
    const key = randomUUID();
    const first = await act(applicationId, { action: 'accept', expectedVersion: 1 }, clerkToken, key);
    const again = await act(applicationId, { action: 'accept', expectedVersion: 1 }, clerkToken, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const current = await portal.request('GET', `/api/v1/clerk/applications/${applicationId}`, { token: clerkToken });
    expect(current.body.version).toBe(2);
    expect(current.body.history.filter((entry: { kind: string }) => entry.kind === 'status')).toHaveLength(2);
  });

  it('requires reasons for a rejection', async () => {
    const { applicationId } = await newApplication();
    await act(applicationId, { action: 'accept', expectedVersion: 1 });
    const result = await act(applicationId, { action: 'reject', expectedVersion: 2, decision: 'Nein', reasons: '  ' });
    expect(result.status).toBe(400);
    expect(result.body.errors[0].path).toBe('reasons');
  });

  it('lets clerks take work and team leads distribute it', async () => {
    const { applicationId } = await newApplication();
    const toOther = await act(applicationId, { action: 'assign', expectedVersion: 1, assigneeId: 'user-sn-oezdemir' });
    expect(toOther.status).toBe(403);

    const toSelf = await act(applicationId, { action: 'assign', expectedVersion: 1, assigneeId: 'user-sn-krueger' });
    expect(toSelf.body.assigneeId).toBe('user-sn-krueger');

    const byLead = await act(applicationId, { action: 'assign', expectedVersion: 2, assigneeId: 'user-sn-oezdemir' }, leadToken);
    expect(byLead.body.assigneeId).toBe('user-sn-oezdemir');

    const foreign = await act(applicationId, { action: 'assign', expectedVersion: 3, assigneeId: 'user-lup-schroeder' }, leadToken);
    expect(foreign.status).toBe(422);
  });

  it('sets follow-up dates and internal notes', async () => {
    const { applicationId, reference, accessCode } = await newApplication();
    const followUp = await act(applicationId, { action: 'set_follow_up', expectedVersion: 1, date: '2027-01-15' });
    expect(followUp.body.followUp).toBe('2027-01-15');
    const note = await act(applicationId, { action: 'add_note', expectedVersion: 2, text: 'Interner Vermerk: Rückruf vereinbart' });
    expect(note.body.history.at(-1)).toMatchObject({ kind: 'note' });

    const citizen = await portal.request('POST', '/api/v1/status', { body: { reference, accessCode } });
    expect(citizen.text).not.toContain('Interner Vermerk');
  });

  it('discards with an internal reason the citizen never sees', async () => {
    const { applicationId, reference, accessCode } = await newApplication();
    const result = await act(applicationId, { action: 'discard', expectedVersion: 1, internalReason: 'Doppelter Antrag' });
    expect(result.body.status).toBe('discarded');

    const citizen = await portal.request('POST', '/api/v1/status', { body: { reference, accessCode } });
    expect(citizen.body.status).toBe('submitted');
    expect(citizen.text).not.toContain('Doppelter Antrag');
    expect(citizen.text).not.toContain('Verworfen');
  });

  it('downloads attachments as files with their hash', async () => {
    const { applicationId } = await newApplication(parkingPermit(), SCHWERIN_ARS);
    const application = await portal.request('GET', `/api/v1/clerk/applications/${applicationId}`, { token: clerkToken });
    const attachment = application.body.attachments[0];

    const response = await fetch(`${portal.url}/api/v1/clerk/applications/${applicationId}/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${clerkToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await response.arrayBuffer()).equals(SMALL_PDF)).toBe(true);
  });
});

describe('forwarding', () => {
  it('moves the application between feeds with a tombstone', async () => {
    const { applicationId } = await newApplication(parkingPermit(), SCHWERIN_ARS);
    const districtToken = await portal.login('e.schroeder');
    const before = await portal.request('GET', '/api/v1/clerk/feed?after=0&limit=1000', { token: districtToken });

    const forwarded = await act(applicationId, { action: 'forward', expectedVersion: 1, targetAuthorityId: 'lk-ludwigslust-parchim', reason: 'Adresse liegt im Landkreis.' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.authorityId).toBe('lk-ludwigslust-parchim');
    expect(forwarded.body.history.at(-1)).toMatchObject({ kind: 'forwarding', fromAuthorityId: 'schwerin', toAuthorityId: 'lk-ludwigslust-parchim' });

    const sender = await portal.request('GET', '/api/v1/clerk/feed?after=0&limit=1000', { token: clerkToken });
    const last = sender.body.changes.find((change: { applicationId?: string; application?: { id: string } }) => (change.applicationId ?? change.application?.id) === applicationId);
    expect(last).toMatchObject({ kind: 'tombstone', applicationId });

    const receiver = await portal.request('GET', `/api/v1/clerk/feed?after=${before.body.cursor}&limit=1000`, { token: districtToken });
    expect(receiver.body.changes.map((change: { application?: { id: string } }) => change.application?.id)).toContain(applicationId);

    const gone = await portal.request('GET', `/api/v1/clerk/applications/${applicationId}`, { token: clerkToken });
    expect(gone.status).toBe(404);
    const again = await act(applicationId, { action: 'accept', expectedVersion: 2 });
    expect(again.status).toBe(404);
  });

  it('rejects forwarding to an unknown authority', async () => {
    const { applicationId } = await newApplication();
    const result = await act(applicationId, { action: 'forward', expectedVersion: 1, targetAuthorityId: 'atlantis', reason: 'Test' });
    expect(result.status).toBe(422);
  });
});

describe('audit chain', () => {
  it('verifies, and fails after a row is altered in the database', async () => {
    const { applicationId } = await newApplication(parkingPermit(), LUDWIGSLUST_ARS);
    const token = await portal.login('e.schroeder');
    await act(applicationId, { action: 'accept', expectedVersion: 1 }, token);
    await act(applicationId, { action: 'start', expectedVersion: 2 }, token);

    const ok = await portal.request('GET', `/api/v1/clerk/applications/${applicationId}/audit`, { token });
    expect(ok.body).toEqual({ valid: true, entries: 3, brokenAt: null, reason: null });

    const db = new Database(join(portal.dataDir, 'antragsdesk.sqlite'));
    db.prepare("UPDATE audit_log SET entry = replace(entry, '\"newStatus\":\"accepted\"', '\"newStatus\":\"approved\"') WHERE application_id = ? AND position = 2").run(applicationId);
    db.close();

    const broken = await portal.request('GET', `/api/v1/clerk/applications/${applicationId}/audit`, { token });
    expect(broken.body.valid).toBe(false);
    expect(broken.body.brokenAt).toBe(2);
  });

  it('detects an edited application row', async () => {
    const { applicationId } = await newApplication();
    const db = new Database(join(portal.dataDir, 'antragsdesk.sqlite'));
    db.prepare("UPDATE applications SET snapshot = replace(snapshot, '\"status\":\"submitted\"', '\"status\":\"approved\"') WHERE id = ?").run(applicationId);
    db.close();

    const result = await portal.request('GET', `/api/v1/clerk/applications/${applicationId}/audit`, { token: clerkToken });
    expect(result.body.valid).toBe(false);
    expect(result.body.reason).toContain('differs');
  });
});

describe('citizen status', () => {
  it('shows the status history with citizen texts', async () => {
    const { applicationId, reference, accessCode } = await newApplication();
    await act(applicationId, { action: 'accept', expectedVersion: 1 });

    const result = await portal.request('POST', '/api/v1/status', { body: { reference: reference.toLowerCase(), accessCode: accessCode.replace(/-/g, '') } });
    expect(result.status).toBe(200);
    expect(result.body.status).toBe('accepted');
    expect(result.body.statusLabel).toBe('Angenommen');
    expect(result.body.zbpState).toBe('RECEIVED');
    expect(result.body.history.map((entry: { label: string }) => entry.label)).toEqual(['Eingegangen', 'Angenommen']);
  });

  it('names the same fee as the receipt', async () => {
    const receipt = await portal.request('POST', '/api/v1/applications', { body: validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS }), idempotencyKey: randomUUID() });
    const { reference, accessCode } = receipt.body as { reference: string; accessCode: string };

    const result = await portal.request('POST', '/api/v1/status', { body: { reference, accessCode } });

    expect(result.status).toBe(200);
    expect(result.body.fee).toEqual(receipt.body.fee);
    expect(result.body.fee.totalCents).toBeGreaterThan(0);
  });

  it('answers unknown reference and wrong code alike', async () => {
    const { reference } = await newApplication();
    const wrongCode = await portal.request('POST', '/api/v1/status', { body: { reference, accessCode: 'AAAA-BBBB-CCCC' } });
    const unknown = await portal.request('POST', '/api/v1/status', { body: { reference: 'SN-2026-999999', accessCode: 'AAAA-BBBB-CCCC' } });
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    expect(strip(wrongCode.body)).toEqual(strip(unknown.body));
  });

  it('locks a reference after ten wrong codes, even with the right one', async () => {
    const { reference, accessCode } = await newApplication();
    for (let attempt = 0; attempt < 10; attempt++) {
      await portal.request('POST', '/api/v1/status', { body: { reference, accessCode: `WRONG-${attempt}` }, headers: { 'x-forwarded-for': `10.0.0.${attempt}` } });
    }
    const locked = await portal.request('POST', '/api/v1/status', { body: { reference, accessCode } });
    expect(locked.status).toBe(429);
    expect(locked.body.userMessage).toMatch(/^Zu viele Abfragen\. Bitte warten Sie \d+ Minuten? und versuchen Sie es dann erneut\.$/);
  });
});
