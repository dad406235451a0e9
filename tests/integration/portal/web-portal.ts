// Starts a real portal with the options of the citizen web pages (SMTP, web folder) on
// 127.0.0.1 with a temp data folder, plus helpers to file and process applications over HTTP.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { setAtPath } from '../../../src-shared/forms/paths.ts';
import type { PortalConfig } from '../../../portal/src/config.ts';
import { startPortal, type RunningPortal } from '../../../portal/src/portal.ts';
import { DEMO_PASSWORD_ENV, httpRequest, makeDataDir, type HttpResult, type RequestOptions } from '../../support/portal-harness.ts';
import { registrationCertificate, validSubmission } from '../../support/submissions.ts';

export interface WebPortal extends RunningPortal {
  request(method: string, path: string, options?: RequestOptions): Promise<HttpResult>;
  login(username: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startWebPortal(options: Partial<PortalConfig> = {}): Promise<WebPortal> {
  const dataDir = makeDataDir('antragsdesk-web-');
  const portal = await startPortal({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: process.env.PORTAL_TEST_LOG_LEVEL ?? 'silent',
    bodyLimitBytes: 60 * 1024 * 1024,
    seedDemoData: true,
    ...options,
  });
  const request = (method: string, path: string, requestOptions: RequestOptions = {}) => httpRequest(portal.url, method, path, requestOptions);

  return {
    ...portal,
    request,
    login: async (username) => {
      const result = await request('POST', '/api/v1/session', { body: { username, password: DEMO_PASSWORD_ENV } });
      if (result.status !== 201) throw new Error(`login of ${username} failed with ${result.status}: ${result.text}`);
      return result.body.token as string;
    },
    stop: async () => {
      await portal.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Filed {
  applicationId: string;
  reference: string;
  accessCode: string;
}

/** Files a Meldebescheinigung for Schwerin online, with an e-mail address unless `email` is null. */
export async function fileOnline(portal: WebPortal, email: string | null = 'erika.beispiel@example.org'): Promise<Filed> {
  const submission = validSubmission(registrationCertificate());
  submission.formData = setAtPath(submission.formData, 'applicant.email', email ?? undefined);
  const result = await portal.request('POST', '/api/v1/applications', { body: submission, idempotencyKey: randomUUID() });
  if (result.status !== 201) throw new Error(`intake failed with ${result.status}: ${result.text}`);
  return result.body as Filed;
}

export async function clerkAction(portal: WebPortal, token: string, applicationId: string, body: Record<string, unknown>): Promise<HttpResult> {
  const current = await portal.request('GET', `/api/v1/clerk/applications/${applicationId}`, { token });
  return portal.request('POST', `/api/v1/clerk/applications/${applicationId}/actions`, {
    token,
    idempotencyKey: randomUUID(),
    body: { expectedVersion: current.body.version, ...body },
  });
}
