// A real portal process for end-to-end tests: `node portal/src/cli.ts` with a temp data folder,
// the web pages built by vite into a temp folder, and optional SMTP.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startPortalProcess as startSharedPortalProcess, type PortalProcess } from '../../support/portal-process.ts';

export { REPO_ROOT, type PortalProcess };
const VITE = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');

/**
 * Builds the citizen web pages once per test file into a temp folder, so parallel workers never
 * write the same output. PORTAL_WEB_DIR names an existing build instead (e.g. from the test script).
 */
export function buildWebPages(): { dir: string; cleanup: () => void } {
  if (process.env.PORTAL_WEB_DIR) return { dir: process.env.PORTAL_WEB_DIR, cleanup: () => {} };

  const dir = mkdtempSync(join(tmpdir(), 'antragsdesk-e2e-web-'));
  const result = spawnSync(process.execPath, [VITE, 'build', '-c', 'vite.web.config.ts', '--outDir', dir, '--logLevel', 'warn'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build of the web pages failed:\n${result.stdout}\n${result.stderr}`);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}


/** Starts a portal process that serves the citizen web pages from webDir, with mail sent to smtpUrl. */
export function startPortalProcess(options: { webDir: string; smtpUrl?: string }): Promise<PortalProcess> {
  const args = ['--web-dir', options.webDir, '--mail-retry-base-seconds', '1'];
  if (options.smtpUrl) args.push('--smtp-url', options.smtpUrl);
  return startSharedPortalProcess({ logLevel: 'info', args });
}

/** JSON call to the portal's API, as the clerk app makes it. */
export async function api(baseUrl: string, method: string, path: string, options: { body?: unknown; token?: string; idempotencyKey?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  const body: any = text ? JSON.parse(text) : null;
  return { status: response.status, body };
}
