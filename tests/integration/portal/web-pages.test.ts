// The citizen web pages the portal serves: pages, assets with content types and caching, the help
// page, the CSP header, and the static handler's refusal of every way out of the web folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebPortal, type WebPortal } from './web-portal.ts';

let webDir: string;
let portal: WebPortal;

const PAGE = (name: string) =>
  `<!doctype html><html lang="de"><head><title>${name}</title><link rel="stylesheet" crossorigin href="/assets/app-AbCd1234.css"></head><body><div id="root"></div></body></html>`;

beforeAll(async () => {
  // A stand-in for the vite build: the same file layout, so the test does not depend on a build.
  webDir = mkdtempSync(join(tmpdir(), 'antragsdesk-webdir-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'web.html'), PAGE('Antrag stellen'));
  writeFileSync(join(webDir, 'status.html'), PAGE('Status'));
  writeFileSync(join(webDir, 'assets', 'app-AbCd1234.js'), 'console.log("app");');
  writeFileSync(join(webDir, 'assets', 'app-AbCd1234.css'), 'body { margin: 0; }');
  writeFileSync(join(webDir, 'assets', 'FiraSans-Regular-CGes_AjB.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(webDir, 'assets', '.secret'), 'hidden');
  symlinkSync('/etc/passwd', join(webDir, 'assets', 'passwd-link.txt'));

  portal = await startWebPortal({ webDir });
});
afterAll(async () => {
  await portal.stop();
  rmSync(webDir, { recursive: true, force: true });
});

/** Sends the path exactly as written, because fetch() would normalise `..` segments away. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(portal.url);
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('web pages', () => {
  it('serves the filing app at / and the status page at /status', async () => {
    const home = await fetch(`${portal.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('<title>Antrag stellen</title>');

    const status = await fetch(`${portal.url}/status?ref=SN-2026-000001`);
    expect(status.status).toBe(200);
    expect(await status.text()).toContain('<title>Status</title>');
  });

  it('sends a strict CSP on pages and API responses', async () => {
    for (const path of ['/', '/status', '/hilfe', '/api/v1/catalog/services', '/gibt-es-nicht']) {
      const response = await fetch(`${portal.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('serves hashed assets with content type and immutable caching', async () => {
    const script = await fetch(`${portal.url}/assets/app-AbCd1234.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const style = await fetch(`${portal.url}/assets/app-AbCd1234.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = await fetch(`${portal.url}/assets/FiraSans-Regular-CGes_AjB.woff2`);
    expect(font.headers.get('content-type')).toBe('font/woff2');

    const page = await fetch(`${portal.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('renders the help page in German with the app styles', async () => {
    const help = await fetch(`${portal.url}/hilfe`);
    expect(help.status).toBe(200);
    const html = await help.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1 class="kern-heading-large">Hilfe: Anträge online stellen und den Status abfragen</h1>');
    expect(html).toContain('<a class="kern-link" href="/status">Statusseite</a>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/app-AbCd1234.css">');
    expect(html).not.toContain('<script');
  });

  it('redirects a trailing slash to the page', async () => {
    for (const page of ['/status', '/hilfe']) {
      const response = await fetch(`${portal.url}${page}/`, { redirect: 'manual' });
      expect(response.status, page).toBe(301);
      expect(response.headers.get('location'), page).toBe(page);
    }

    const withReference = await fetch(`${portal.url}/status/?ref=SN-2026-000009`, { redirect: 'manual' });
    expect(withReference.headers.get('location')).toBe('/status?ref=SN-2026-000009');
  });

  it('answers the favicon request without an error', async () => {
    const icon = await fetch(`${portal.url}/favicon.ico`);
    expect(icon.status).toBe(204);
  });

  it('shows browsers a German page for unknown addresses', async () => {
    const page = await fetch(`${portal.url}/gibtsnicht`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Seite nicht gefunden');
    expect(html).toContain('href="/status"');

    const api = await fetch(`${portal.url}/api/v1/gibtsnicht`, { headers: { accept: 'text/html' } });
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    '/..%2f..%2fetc/passwd',
    '/assets/..%2f..%2f..%2f..%2fetc/passwd',
    '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/assets/../../../../etc/passwd',
    '/assets/..%5c..%5cweb.html',
    '/assets/%2e%2e%2fweb.html',
    '/assets/passwd-link.txt',
    '/assets/.secret',
    '/assets/app-AbCd1234.js%00.css',
    '/assets/',
    '/assets//etc/passwd',
  ])('rejects %s', async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('root:');
    expect(response.body).not.toContain('hidden');
    expect(response.body).not.toContain('<title>Antrag stellen</title>');
  });
});

describe('web pages not built', () => {
  it('answers 503 with a German page', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'antragsdesk-noweb-'));
    const unbuilt = await startWebPortal({ webDir: join(empty, 'missing') });
    try {
      const response = await fetch(`${unbuilt.url}/status`);
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain('noch nicht eingerichtet');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      await unbuilt.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
