import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPage } from '../../../src-shared/api.ts';
import { findSnapshotBytes } from '../../../src-main/clerk/sync/feed-snapshot-bytes.ts';
import { startTestPortal, type TestPortal } from '../../support/portal-harness.ts';
import { DOMSUEHL_ARS, registrationCertificate, validSubmission } from '../../support/submissions.ts';

let portal: TestPortal;
let token: string;

beforeAll(async () => {
  portal = await startTestPortal();
  // The Amt's inbox starts empty, so the counts below are exact.
  token = await portal.login('k.grosse');
});
afterAll(async () => {
  await portal.stop();
});

const submit = (seed: number) =>
  portal.request('POST', '/api/v1/applications', { body: validSubmission(registrationCertificate(), { placeArs: DOMSUEHL_ARS, seed }), idempotencyKey: randomUUID() });

async function readAll(after: number, limit: number) {
  const ids: string[] = [];
  let cursor = after;
  let pages = 0;
  for (;;) {
    const page = await portal.request('GET', `/api/v1/clerk/feed?after=${cursor}&limit=${limit}`, { token });
    expect(page.status).toBe(200);
    for (const change of page.body.changes) ids.push(change.application?.id ?? change.applicationId);
    expect(page.body.cursor).toBeGreaterThanOrEqual(cursor);
    cursor = page.body.cursor;
    pages++;
    if (!page.body.hasMore) break;
    expect(pages, 'feed paging must end').toBeLessThan(100);
  }
  return { ids, cursor, pages };
}

describe('change feed', () => {
  it('pages 250 applications from one millisecond without repeats', async () => {
    const instant = new Date('2026-12-04T10:00:00.000Z');
    const realNow = portal.context.now;
    portal.context.now = () => instant;
    try {
      const receipts = await Promise.all(Array.from({ length: 250 }, (_, index) => submit(index + 1)));
      expect(receipts.every((receipt) => receipt.status === 201)).toBe(true);
    } finally {
      portal.context.now = realNow;
    }

    const { ids, pages } = await readAll(0, 100);
    const first = await portal.request('GET', '/api/v1/clerk/feed?after=0&limit=100', { token });
    expect(FeedPage.safeParse(first.body).success, 'feed page matches the API contract').toBe(true);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(pages).toBe(3);
  });

  it('shows an application committed later with an older timestamp', async () => {
    const { cursor } = await readAll(0, 1000);

    const realNow = portal.context.now;
    portal.context.now = () => new Date('2020-01-01T00:00:00Z');
    const late = await submit(999);
    portal.context.now = realNow;

    const next = await readAll(cursor, 100);
    expect(next.ids).toEqual([late.body.applicationId]);
  });

  it('writes each change on a line of its own, tombstones too', async () => {
    const { cursor } = await readAll(0, 1000);
    const remaining = await submit(5_001);
    const forwarded = await submit(5_002);
    const forwarding = await portal.request('POST', `/api/v1/clerk/applications/${forwarded.body.applicationId}/actions`, {
      token,
      idempotencyKey: randomUUID(),
      body: { action: 'forward', expectedVersion: 1, targetAuthorityId: 'schwerin', reason: 'Zuständigkeit geprüft.' },
    });
    expect(forwarding.status).toBe(200);

    const response = await fetch(`${portal.url}/api/v1/clerk/feed?after=${cursor}&limit=10`, { headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await response.arrayBuffer());
    const page = FeedPage.parse(JSON.parse(body.toString('utf8')));
    expect(page.changes.map((change) => change.kind)).toEqual(['upsert', 'tombstone']);

    // The clerk app's reader finds the snapshot bytes, and they are the application's JSON.
    const snapshots = findSnapshotBytes(body, page);
    expect(snapshots).not.toBeNull();
    expect(snapshots![1]).toBeNull();
    const upsert = page.changes[0]!;
    if (upsert.kind !== 'upsert') throw new Error('the first change must be an upsert');
    expect(upsert.application.id).toBe(remaining.body.applicationId);
    expect(JSON.parse(Buffer.from(snapshots![0]!).toString('utf8'))).toEqual(upsert.application);
  });

  it('rejects a bad cursor or limit', async () => {
    const negative = await portal.request('GET', '/api/v1/clerk/feed?after=-1', { token });
    const huge = await portal.request('GET', '/api/v1/clerk/feed?limit=100000', { token });
    expect(negative.status).toBe(400);
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].path).toBe('limit');
  });

  it('sends a live hint when the feed moves', async () => {
    const controller = new AbortController();
    const response = await fetch(`${portal.url}/api/v1/clerk/feed/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();

    const readEvent = async () => {
      let text = '';
      while (!text.includes('\n\n')) {
        const { value } = await reader.read();
        text += decoder.decode(value);
      }
      return JSON.parse(/data: (.*)/.exec(text)![1]!) as { latest: number };
    };

    const initial = await readEvent();
    await submit(4242);
    const hint = await readEvent();
    expect(hint.latest).toBeGreaterThan(initial.latest);
    controller.abort();
  });
});
