// Submission from the kiosk against a real portal on 127.0.0.1 with a real outbox file: confirmed,
// queued while the portal is down and delivered once after. A lost response is repaired by the
// portal's idempotent replay.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_KIOSK_DEVICES } from '../../../portal/src/catalog/demo/accounts.ts';
import { startPortal, type RunningPortal } from '../../../portal/src/portal.ts';
import { openOutbox, type Outbox } from '../../../src-main/kiosk/outbox.ts';
import { createPortalClient } from '../../../src-main/kiosk/portal-client.ts';
import { startDeliveryLoop } from '../../../src-main/kiosk/delivery.ts';
import { submitFromKiosk } from '../../../src-main/kiosk/submission.ts';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { parkingRequest } from './fixtures.ts';

const device = DEMO_KIOSK_DEVICES[0]!;
let dataDir: string;
let portalDir: string;
let portal: RunningPortal | null;
let outbox: Outbox;
let proxy: Server | null;

async function bootPortal(port = 0): Promise<RunningPortal> {
  return startPortal({ port, host: '127.0.0.1', dataDir: portalDir, logLevel: 'silent', bodyLimitBytes: 60 * 1024 * 1024, seedDemoData: true });
}

async function countApplications(running: RunningPortal): Promise<number> {
  const login = await fetch(`${running.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'a.krueger', password: 'Demo-Passwort-2026' }) });
  const { token } = await login.json() as { token: string };
  const feed = await fetch(`${running.url}/api/v1/clerk/feed?after=0&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
  const page = await feed.json() as { changes: { kind: string }[] };
  return page.changes.filter((change) => change.kind === 'upsert').length;
}

function clientFor(url: string) {
  return createPortalClient({ portalUrl: url, authorization: async () => `Device ${device.token}`, timeoutMs: 5_000 });
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'antragsdesk-kiosk-'));
  portalDir = mkdtempSync(join(tmpdir(), 'antragsdesk-kiosk-portal-'));
  outbox = openOutbox(join(dataDir, 'outbox.sqlite'));
  portal = null;
  proxy = null;
});

afterEach(async () => {
  outbox.close();
  await portal?.close();
  proxy?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(portalDir, { recursive: true, force: true });
});

describe('kiosk submission', () => {
  it('returns the portal receipt and empties the outbox', async () => {
    portal = await bootPortal();
    const log = createMemoryLogger();

    const result = await submitFromKiosk({ request: parkingRequest(), idempotencyKey: 'kiosk-test-key-0001' }, { client: clientFor(portal.url), outbox, log, inFlight: new Set(), offlineIntakeAllowed: true });

    expect(result.kind).toBe('receipt');
    if (result.kind !== 'receipt') return;
    expect(result.receipt.channel).toBe('kiosk');
    expect(result.receipt.reference).toMatch(/^[A-Z]{2,4}-\d{4}-\d{6}$/);
    expect(outbox.list()).toEqual([]);
  });

  it('passes a portal rejection on as a value', async () => {
    portal = await bootPortal();
    const request = parkingRequest();
    (request.formData.address as Record<string, unknown>).postcode = '1905';

    const result = await submitFromKiosk({ request, idempotencyKey: 'kiosk-test-key-0002' }, { client: clientFor(portal.url), outbox, log: createMemoryLogger(), inFlight: new Set(), offlineIntakeAllowed: true });

    expect(result.kind).toBe('rejected');
    if (result.kind === 'rejected') expect(result.problem.status).toBe(422);
    expect(outbox.list()).toEqual([]);
  });

  it('throws and stores nothing when offline intake is off', async () => {
    const client = clientFor('http://127.0.0.1:9');

    await expect(submitFromKiosk({ request: parkingRequest(), idempotencyKey: 'kiosk-test-key-0003' }, { client, outbox, log: createMemoryLogger(), inFlight: new Set(), offlineIntakeAllowed: false }))
      .rejects.toThrow(/offline intake is off/);
    expect(outbox.list()).toEqual([]);
  });

  it('queues while the portal is down and delivers once', async () => {
    portal = await bootPortal();
    const port = new URL(portal.url).port;
    await portal.close();
    portal = null;
    const client = clientFor(`http://127.0.0.1:${port}`);
    const inFlight = new Set<string>();
    const log = createMemoryLogger();

    const first = await submitFromKiosk({ request: parkingRequest(), idempotencyKey: 'kiosk-test-key-0004' }, { client, outbox, log, inFlight, offlineIntakeAllowed: true, backoff: { baseMs: 1, maxMs: 1 } });
    const retried = await submitFromKiosk({ request: parkingRequest(), idempotencyKey: 'kiosk-test-key-0004' }, { client, outbox, log, inFlight, offlineIntakeAllowed: true, backoff: { baseMs: 1, maxMs: 1 } });

    expect(first.kind).toBe('queued');
    expect(retried).toEqual(first);
    expect(outbox.list()).toHaveLength(1);
    if (first.kind === 'queued') expect(first.localReference).toMatch(/^BT-\d{8}-[2-9A-Z]{6}$/);

    portal = await bootPortal(Number(port));
    const loop = startDeliveryLoop({ client, outbox, log, inFlight, backoff: { baseMs: 1, maxMs: 1 }, pollMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await loop.deliverDue();
    await loop.deliverDue();
    loop.stop();

    expect(outbox.list()).toEqual([]);
    expect(await countApplications(portal)).toBe(1);
    expect(log.records.some((record) => record.message === 'outbox: delivered')).toBe(true);
  });

  it('delivers once when the first response was lost', async () => {
    portal = await bootPortal();
    const target = new URL(portal.url);
    let dropped = 0;
    // Forwards to the portal but drops the response to the first submission.
    proxy = createServer((incoming, outgoing) => {
      const forward = httpRequest({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
        if (incoming.method === 'POST' && dropped === 0) {
          dropped += 1;
          answer.resume();
          answer.on('end', () => outgoing.socket?.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      incoming.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
    const client = clientFor(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    const inFlight = new Set<string>();
    const log = createMemoryLogger();

    const result = await submitFromKiosk({ request: parkingRequest(), idempotencyKey: 'kiosk-test-key-0005' }, { client, outbox, log, inFlight, offlineIntakeAllowed: true, backoff: { baseMs: 1, maxMs: 1 } });
    expect(result.kind).toBe('queued');

    const loop = startDeliveryLoop({ client, outbox, log, inFlight, backoff: { baseMs: 1, maxMs: 1 }, pollMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await loop.deliverDue();
    loop.stop();

    expect(dropped).toBe(1);
    expect(outbox.list()).toEqual([]);
    expect(await countApplications(portal)).toBe(1);
  });

  it('leaves no form data in the outbox file after delivery', async () => {
    portal = await bootPortal();
    const request = parkingRequest();

    await submitFromKiosk({ request, idempotencyKey: 'kiosk-test-key-0006' }, { client: clientFor(portal.url), outbox, log: createMemoryLogger(), inFlight: new Set(), offlineIntakeAllowed: true });
    outbox.close();

    const bytes = readFileSync(join(dataDir, 'outbox.sqlite')).toString('latin1');
    expect(bytes).not.toContain('Kiosktestweg');
    expect(bytes).not.toContain('Beispielfrau');
    expect(bytes).not.toContain('kiosk-test-key-0006');
    outbox = openOutbox(join(dataDir, 'outbox.sqlite'));
  });
});
