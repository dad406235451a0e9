// Citizen reply to a Rückfrage on the status API: authentication like the lookup, the transition,
// the message, the files with their messageId and the clerk's inbox flag.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PDF } from '../../support/submissions.ts';
import { clerkAction, fileOnline, startWebPortal, type Filed, type WebPortal } from './web-portal.ts';

let portal: WebPortal;
let clerkToken: string;

beforeAll(async () => {
  portal = await startWebPortal();
  clerkToken = await portal.login('a.krueger');
});
afterAll(async () => {
  await portal.stop();
});

async function withQuestion(): Promise<Filed> {
  const filed = await fileOnline(portal);
  await clerkAction(portal, clerkToken, filed.applicationId, { action: 'accept' });
  const asked = await clerkAction(portal, clerkToken, filed.applicationId, { action: 'request_information', message: 'Bitte senden Sie uns den Mietvertrag.' });
  expect(asked.status).toBe(200);
  return filed;
}

function reply(filed: Filed, body: Record<string, unknown> = {}, key = randomUUID()) {
  return portal.request('POST', '/api/v1/status/reply', {
    idempotencyKey: key,
    body: { reference: filed.reference, accessCode: filed.accessCode, text: 'Der Mietvertrag liegt bei.', ...body },
  });
}

describe('citizen reply', () => {
  it('shows the question on the status page', async () => {
    const filed = await withQuestion();
    const status = await portal.request('POST', '/api/v1/status', { body: { reference: filed.reference, accessCode: filed.accessCode } });
    expect(status.status).toBe(200);
    expect(status.body.status).toBe('action_required');
    expect(status.body.statusLabel).toBe('Rückfrage an Sie');
    expect(status.body.zbpState).toBe('ACTION_REQUIRED');
    expect(status.body.replyPossible).toBe(true);
    expect(status.body.messages).toEqual([expect.objectContaining({ direction: 'to_citizen', text: 'Bitte senden Sie uns den Mietvertrag.' })]);
  });

  it('moves the application back to the clerk with message and file', async () => {
    const filed = await withQuestion();
    const sent = await reply(filed, {
      attachments: [{ fileName: 'Mietvertrag.pdf', mediaType: 'application/pdf', contentBase64: SMALL_PDF.toString('base64') }],
    });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('in_progress');
    expect(sent.body.replyPossible).toBe(false);
    expect(sent.body.messages.at(-1)).toMatchObject({ direction: 'from_citizen', text: 'Der Mietvertrag liegt bei.' });

    const application = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}`, { token: clerkToken })).body;
    expect(application.status).toBe('in_progress');
    expect(application.needsAttention).toBe(true);
    const message = application.history.findLast((entry: { kind: string }) => entry.kind === 'message');
    expect(message).toMatchObject({ direction: 'from_citizen', actorId: 'citizen', text: 'Der Mietvertrag liegt bei.' });
    const statusEntry = application.history.at(-1);
    expect(statusEntry).toMatchObject({ kind: 'status', status: 'in_progress', previousStatus: 'action_required', actorId: 'citizen' });

    const file = application.attachments.find((attachment: { messageId: string | null }) => attachment.messageId === message.id);
    expect(file).toMatchObject({ documentId: 'reply', fileName: 'Mietvertrag.pdf', mediaType: 'application/pdf', size: SMALL_PDF.length });
    const download = await fetch(`${portal.url}/api/v1/clerk/applications/${filed.applicationId}/attachments/${file.id}`, { headers: { authorization: `Bearer ${clerkToken}` } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(SMALL_PDF);

    const audit = await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}/audit`, { token: clerkToken });
    expect(audit.body.valid).toBe(true);
  });

  it('reaches the clerk feed as a change', async () => {
    const filed = await withQuestion();
    const before = (await portal.request('GET', '/api/v1/clerk/feed?after=0&limit=1000', { token: clerkToken })).body.cursor;
    await reply(filed);
    const feed = await portal.request('GET', `/api/v1/clerk/feed?after=${before}`, { token: clerkToken });
    const change = feed.body.changes.find((item: { application?: { id: string } }) => item.application?.id === filed.applicationId);
    expect(change.application.needsAttention).toBe(true);
    expect(change.application.status).toBe('in_progress');
  });

  it('clears the inbox flag on the next clerk status action', async () => {
    const filed = await withQuestion();
    await reply(filed);
    const approved = await clerkAction(portal, clerkToken, filed.applicationId, { action: 'approve', decision: 'Bewilligt.' });
    expect(approved.body.needsAttention).toBe(false);
  });

  it('answers a wrong code like an unknown reference', async () => {
    const filed = await withQuestion();
    const wrongCode = await reply(filed, { accessCode: 'AAAA-AAAA-AAAA' });
    const unknown = await reply(filed, { reference: 'SN-2099-999999' });
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongCode.body.userMessage).toBe(unknown.body.userMessage);
    expect(wrongCode.body.detail).toBe(unknown.body.detail);

    const application = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}`, { token: clerkToken })).body;
    expect(application.status).toBe('action_required');
  });

  it('rejects a reply without an open question with 409', async () => {
    const filed = await fileOnline(portal);
    const result = await reply(filed);
    expect(result.status).toBe(409);
    expect(result.body.type).toBe('urn:antragsdesk:problem:no-open-question');
    expect(result.body.userMessage).toContain('keine Rückfrage offen');
  });

  it('rejects a file that is not PDF, JPEG or PNG', async () => {
    const filed = await withQuestion();
    const result = await reply(filed, {
      attachments: [{ fileName: 'Mietvertrag.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('#!/bin/sh\necho hallo\n').toString('base64') }],
    });
    expect(result.status).toBe(422);
    expect(result.body.errors[0].message).toContain('kein PDF, JPEG oder PNG');

    const application = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}`, { token: clerkToken })).body;
    expect(application.status).toBe('action_required');
  });

  it('rejects an empty text and a missing idempotency key', async () => {
    const filed = await withQuestion();
    const empty = await reply(filed, { text: '   ' });
    expect(empty.status).toBe(400);

    const noKey = await portal.request('POST', '/api/v1/status/reply', { body: { reference: filed.reference, accessCode: filed.accessCode, text: 'Hallo' } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.detail).toContain('Idempotency-Key');
  });

  it('replays a retried reply once', async () => {
    const filed = await withQuestion();
    const key = randomUUID();
    const first = await reply(filed, {}, key);
    const again = await reply(filed, {}, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const application = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}`, { token: clerkToken })).body;
    expect(application.history.filter((entry: { kind: string; direction?: string }) => entry.direction === 'from_citizen')).toHaveLength(1);
  });
});

describe('citizen reply rate limit', () => {
  it('locks a reference after ten wrong codes, also for the right code', async () => {
    const limited = await startWebPortal();
    try {
      const filed = await fileOnline(limited);
      const token = await limited.login('a.krueger');
      await clerkAction(limited, token, filed.applicationId, { action: 'accept' });
      await clerkAction(limited, token, filed.applicationId, { action: 'request_information', message: 'Frage' });

      const body = (accessCode: string) => ({ reference: filed.reference, accessCode, text: 'Antwort' });
      for (let attempt = 0; attempt < 10; attempt++) {
        const wrong = await limited.request('POST', '/api/v1/status/reply', { idempotencyKey: randomUUID(), body: body(`WRONG-${attempt}`) });
        expect(wrong.status).toBe(404);
      }
      const locked = await limited.request('POST', '/api/v1/status/reply', { idempotencyKey: randomUUID(), body: body(filed.accessCode) });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

      const lookup = await limited.request('POST', '/api/v1/status', { body: { reference: filed.reference, accessCode: filed.accessCode } });
      expect(lookup.status).toBe(429);
    } finally {
      await limited.stop();
    }
  });
});
