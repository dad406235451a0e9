// The kiosk app is served from app://kiosk/ out of the built renderer folder. This module maps a
// request URL to a file with a guard against path traversal, and holds the headers every answer
// carries, including the Content-Security-Policy.
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const KIOSK_HOST = 'kiosk';
export const KIOSK_ORIGIN = `${APP_SCHEME}://${KIOSK_HOST}`;

/** Page shown when the kiosk cannot recover from renderer crashes; served from memory. */
export const OUT_OF_ORDER_PATH = '/out-of-order';

export const KIOSK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export type AppRequestResolution =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'out-of-order' }
  | { kind: 'rejected'; status: 400 | 403 | 404; reason: string };

/** True for a URL inside the kiosk app, the only place the kiosk window may navigate to. */
export function isKioskAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === KIOSK_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export function resolveAppRequest(rawUrl: string, rootDir: string): AppRequestResolution {
  if (!isKioskAppUrl(rawUrl)) return { kind: 'rejected', status: 403, reason: 'foreign host' };
  const url = new URL(rawUrl);

  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'rejected', status: 400, reason: 'invalid percent-encoding' };
  }

  if (path === OUT_OF_ORDER_PATH) return { kind: 'out-of-order' };
  // Encoded separators and NUL would let a path escape the folder after decoding.
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((segment) => segment === '..')) {
    return { kind: 'rejected', status: 403, reason: 'path traversal' };
  }

  const root = resolve(rootDir);
  const relative = path === '/' ? 'kiosk.html' : path.replace(/^\/+/, '');
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return { kind: 'rejected', status: 403, reason: 'path traversal' };

  const contentType = MEDIA_TYPES[extname(file).toLowerCase()];
  if (!contentType) return { kind: 'rejected', status: 404, reason: 'unknown file type' };
  return { kind: 'file', path: file, contentType };
}

export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': KIOSK_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  };
}

export function outOfOrderHtml(): string {
  return `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Außer Betrieb</title></head>
<body>
<main>
<h1>Außer Betrieb</h1>
<p>Dieses Terminal ist gerade außer Betrieb. Bitte wenden Sie sich an das Personal am Schalter.</p>
</main>
</body>
</html>
`;
}
