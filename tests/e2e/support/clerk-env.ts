// Real components for the clerk end-to-end tests. A portal child process runs with its own data
// folder and can stop and restart on the same port. A static server serves the built renderer, and
// a small client for the portal's HTTP API submits applications and checks results.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Application } from '../../../src-shared/api.ts';
import { setAtPath } from '../../../src-shared/forms/paths.ts';
import { DEMO_PASSWORD } from '../../../portal/src/catalog/demo/accounts.ts';
import { startPortalProcess as startSharedPortalProcess, type PortalProcess } from '../../support/portal-process.ts';
import { validSubmission, type registrationCertificate } from '../../support/submissions.ts';

const REPO = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = join(REPO, 'out/renderer');

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Portal process

export type { PortalProcess };

/** Starts `node portal/src/cli.ts` on 127.0.0.1 with the data folder; port 0 picks a free one. */
export function startPortalProcess(dataDir: string, port = 0): Promise<PortalProcess> {
  return startSharedPortalProcess({ dataDir, port });
}

// ---------------------------------------------------------------------------------------------
// Static server for the built renderer (module scripts do not load from file://)

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves out/renderer on 127.0.0.1; fails early when the renderer has not been built. */
export async function serveRenderer(root = RENDERER_DIR): Promise<StaticServer> {
  const entry = join(root, 'clerk.html');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npx electron-vite build\` before the end-to-end tests`);

  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

// ---------------------------------------------------------------------------------------------
// Portal HTTP client

async function portalRequest(baseUrl: string, method: string, path: string, options: { body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, text };
}

export interface SubmittedApplication {
  applicationId: string;
  reference: string;
  accessCode: string;
}

/** Files an application online, with an invented applicant name. */
export async function submitApplication(
  baseUrl: string,
  service: ReturnType<typeof registrationCertificate>,
  applicant: { givenName: string; familyName: string },
  seed = 1,
): Promise<SubmittedApplication> {
  let submission = validSubmission(service, { seed });
  submission = { ...submission, formData: setAtPath(setAtPath(submission.formData, 'applicant.givenName', applicant.givenName), 'applicant.familyName', applicant.familyName) };
  const result = await portalRequest(baseUrl, 'POST', '/api/v1/applications', { body: submission });
  if (result.status !== 201) throw new Error(`submission failed with ${result.status}: ${result.text}`);
  return result.body as SubmittedApplication;
}

/** Sends a reply to a Rückfrage as the citizen does on the status page, with reference and access code. */
export async function replyAsCitizen(
  baseUrl: string,
  application: SubmittedApplication,
  text: string,
  attachments: { fileName: string; mediaType: string; contentBase64: string }[] = [],
): Promise<void> {
  const body = { reference: application.reference, accessCode: application.accessCode, text, attachments };
  const result = await portalRequest(baseUrl, 'POST', '/api/v1/status/reply', { body });
  if (result.status >= 300) throw new Error(`citizen reply failed with ${result.status}: ${result.text}`);
}

export async function loginToPortal(baseUrl: string, username: string): Promise<string> {
  const result = await portalRequest(baseUrl, 'POST', '/api/v1/session', { body: { username, password: DEMO_PASSWORD } });
  if (result.status !== 201) throw new Error(`login of ${username} failed with ${result.status}: ${result.text}`);
  return (result.body as { token: string }).token;
}

/** Runs a clerk action through the portal's clerk API, as another clerk's workstation would. */
export async function actOnPortal(baseUrl: string, token: string, id: string, action: Record<string, unknown>): Promise<Application> {
  const result = await portalRequest(baseUrl, 'POST', `/api/v1/clerk/applications/${id}/actions`, { body: action, token });
  if (result.status !== 200) throw new Error(`action ${String(action.action)} on ${id} failed with ${result.status}: ${result.text}`);
  return result.body as Application;
}

/** Reads an application through the portal's clerk API, as the server has it. */
export async function fetchApplication(baseUrl: string, token: string, id: string): Promise<Application> {
  const result = await portalRequest(baseUrl, 'GET', `/api/v1/clerk/applications/${id}`, { token });
  if (result.status !== 200) throw new Error(`reading application ${id} failed with ${result.status}: ${result.text}`);
  return result.body as Application;
}

export { DEMO_PASSWORD };

// ---------------------------------------------------------------------------------------------
// Cuttable link between the clerk services and the portal

export interface NetworkLink {
  url: string;
  /** Drops open connections and refuses new ones, like a lost network. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** TCP forwarder on 127.0.0.1 in front of the portal, so one clerk can go offline alone. */
export async function startNetworkLink(targetPort: number): Promise<NetworkLink> {
  const sockets = new Set<Socket>();
  const server = createNetServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('network link has no TCP address');
  const port = address.port;

  const stopListening = () => new Promise<void>((done) => {
    for (const socket of sockets) socket.destroy();
    if (!server.listening) return done();
    server.close(() => done());
  });

  return {
    url: `http://127.0.0.1:${port}`,
    cut: stopListening,
    restore: () => new Promise<void>((done) => server.listen(port, '127.0.0.1', done)),
    close: stopListening,
  };
}
