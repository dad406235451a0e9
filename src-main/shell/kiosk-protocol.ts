// Serves the kiosk app from app://kiosk/ out of the built renderer folder, per session, with the
// path-traversal guard and CSP of kiosk/app-protocol.ts.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, appResponseHeaders, outOfOrderHtml, resolveAppRequest } from '../kiosk/app-protocol.ts';
import type { Logger } from '../logging/logger.ts';

/** Must run before the app is ready: app:// gets the rights of https (origin, fetch, secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export async function answerAppRequest(url: string, rendererDir: string, log: Logger): Promise<Response> {
  const resolved = resolveAppRequest(url, rendererDir);
  if (resolved.kind === 'rejected') {
    log.warn('kiosk: app request rejected', { status: resolved.status, reason: resolved.reason });
    return new Response(null, { status: resolved.status });
  }
  if (resolved.kind === 'out-of-order') return new Response(outOfOrderHtml(), { headers: appResponseHeaders('text/html; charset=utf-8') });

  try {
    return new Response(await readFile(resolved.path), { headers: appResponseHeaders(resolved.contentType) });
  } catch {
    return new Response(null, { status: 404 });
  }
}

export function serveAppProtocol(session: Session, rendererDir: string, log: Logger): void {
  if (session.protocol.isProtocolHandled(APP_SCHEME)) return;
  session.protocol.handle(APP_SCHEME, (request) => answerAppRequest(request.url, rendererDir, log));
}
