// The web backend against a real HTTP server on 127.0.0.1 that responds like the portal.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Receipt, ServiceSummary } from '../../../src-shared/index.ts';
import { DEMO_PLACES } from '../../../portal/src/catalog/demo-data.ts';
import { BackendUnavailableError, ProblemError } from '../../../src-renderer/citizen/backend.ts';
import { createHttpBackend } from '../../../src-renderer/web/http-backend.ts';
import { eventService } from './fixtures.ts';

interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (request: RecordedRequest, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
const recorded: RecordedRequest[] = [];

const RECEIPT: Receipt = {
  applicationId: '0b0f7c7e-4a53-4d7e-9a2a-6f1f7c0d9a11',
  reference: 'SN-2026-000124',
  accessCode: 'K7QM4XW9TB2P',
  receivedAt: '2026-05-04T09:00:00.000Z',
  channel: 'online',
  service: { id: eventService().id, version: 1, name: 'Anzeige einer Veranstaltung' },
  authority: { id: 'schwerin', name: 'Landeshauptstadt Schwerin', address: '19053 Schwerin' },
  documents: [],
  statusPath: '/status?reference=SN-2026-000124',
  nextSteps: 'Wir melden uns.',
};

function json(response: ServerResponse, status: number, body: unknown, contentType = 'application/json') {
  response.writeHead(status, { 'content-type': contentType });
  response.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      recorded.push(entry);
      handler(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  recorded.length = 0;
  handler = (_request, response) => json(response, 404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no route' }, 'application/problem+json');
});

describe('HTTP citizen backend', () => {
  it('lists services and places from the catalog API', async () => {
    const summary: ServiceSummary = {
      id: eventService().id, version: 1, name: 'Anzeige einer Veranstaltung', description: 'Feste anmelden', level: 'municipal',
      feeCents: 0, deadlineDays: 21, translations: {},
    };
    handler = (request, response) => {
      if (request.url === '/api/v1/catalog/services') json(response, 200, [summary]);
      else if (request.url === '/api/v1/catalog/places') json(response, 200, DEMO_PLACES);
      else json(response, 404, {});
    };

    const backend = createHttpBackend({ baseUrl });
    expect(await backend.listServices()).toEqual([summary]);
    expect((await backend.listPlaces()).map((place) => place.name)).toEqual(DEMO_PLACES.map((place) => place.name));
  });

  it('asks for the current version or a given version of a service', async () => {
    handler = (_request, response) => json(response, 200, eventService());
    const backend = createHttpBackend({ baseUrl });

    await backend.getService(eventService().id);
    await backend.getService(eventService().id, 1);

    expect(recorded.map((request) => request.url)).toEqual([
      `/api/v1/catalog/services/${encodeURIComponent(eventService().id)}`,
      `/api/v1/catalog/services/${encodeURIComponent(eventService().id)}/versions/1`,
    ]);
  });

  it('submits with the idempotency key and returns the receipt', async () => {
    handler = (_request, response) => json(response, 201, RECEIPT);
    const backend = createHttpBackend({ baseUrl });
    const body = { serviceId: RECEIPT.service.id, serviceVersion: 1, channel: 'online' as const, formData: { event: { name: 'Sommerfest' } }, attachments: [] };

    const outcome = await backend.submit(body, 'key-0b0f7c7e-retry');

    expect(outcome).toEqual({ kind: 'receipt', receipt: RECEIPT });
    expect(recorded[0]?.method).toBe('POST');
    expect(recorded[0]?.url).toBe('/api/v1/applications');
    expect(recorded[0]?.headers['idempotency-key']).toBe('key-0b0f7c7e-retry');
    expect(recorded[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(recorded[0]?.body ?? '')).toEqual(body);
  });

  it('turns a 422 into a ProblemError with the field errors', async () => {
    const problem = {
      type: 'https://antragsdesk.example/problems/validation', title: 'Invalid form data', status: 422,
      detail: 'form data failed validation', userMessage: 'Bitte prüfen Sie Ihre Angaben.',
      errors: [{ path: 'event.startDate', message: 'Bitte geben Sie den ersten Veranstaltungstag an.' }],
    };
    handler = (_request, response) => json(response, 422, problem, 'application/problem+json');

    const error = await createHttpBackend({ baseUrl }).submit({ serviceId: 'x', serviceVersion: 1, channel: 'online', formData: {} }, 'key-12345678').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem.status).toBe(422);
    expect((error as ProblemError).problem.errors).toEqual(problem.errors);
  });

  it('turns a non-problem error body into a ProblemError with the status', async () => {
    handler = (_request, response) => {
      response.writeHead(500, { 'content-type': 'text/html' });
      response.end('<h1>Internal Server Error</h1>');
    };

    const error = await createHttpBackend({ baseUrl }).listServices().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem.status).toBe(500);
  });

  it('treats a gateway error as no answer', async () => {
    handler = (_request, response) => {
      response.writeHead(502);
      response.end();
    };
    await expect(createHttpBackend({ baseUrl }).listServices()).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it('rejects a response that breaks the contract', async () => {
    handler = (_request, response) => json(response, 201, { ...RECEIPT, reference: 'not a reference' });
    await expect(createHttpBackend({ baseUrl }).submit({ serviceId: 'x', serviceVersion: 1, channel: 'online', formData: {} }, 'key-12345678'))
      .rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it('reports an unreachable portal as BackendUnavailableError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    await expect(createHttpBackend({ baseUrl: `http://127.0.0.1:${port}` }).listPlaces()).rejects.toBeInstanceOf(BackendUnavailableError);
  });
});
