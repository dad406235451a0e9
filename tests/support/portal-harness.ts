// Starts a real portal on 127.0.0.1 with a fresh temp data folder, and a small HTTP client for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortal, type RunningPortal } from '../../portal/src/portal.ts';

export interface TestPortal extends RunningPortal {
  dataDir: string;
  request: (method: string, path: string, options?: RequestOptions) => Promise<HttpResult>;
  login: (username: string, password?: string) => Promise<string>;
  stop: () => Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  deviceToken?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  body: any;
  text: string;
}

export const DEMO_PASSWORD_ENV = 'Demo-Passwort-2026';

export function makeDataDir(prefix = 'antragsdesk-portal-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestPortal(options: { dataDir?: string; keepData?: boolean } = {}): Promise<TestPortal> {
  const dataDir = options.dataDir ?? makeDataDir();
  const portal = await startPortal({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: process.env.PORTAL_TEST_LOG_LEVEL ?? 'silent',
    bodyLimitBytes: 60 * 1024 * 1024,
    seedDemoData: true,
  });

  const request = (method: string, path: string, requestOptions: RequestOptions = {}) => httpRequest(portal.url, method, path, requestOptions);

  return {
    ...portal,
    dataDir,
    request,
    login: async (username, password = DEMO_PASSWORD_ENV) => {
      const result = await request('POST', '/api/v1/session', { body: { username, password } });
      if (result.status !== 201) throw new Error(`login of ${username} failed with ${result.status}: ${result.text}`);
      return result.body.token as string;
    },
    stop: async () => {
      await portal.close();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function httpRequest(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.deviceToken) headers.authorization = `Device ${options.deviceToken}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}
