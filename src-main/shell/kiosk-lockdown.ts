// Lockdown of the kiosk's web contents and session: what a citizen's page may do inside
// Chromium. Each function attaches one group of guards; kiosk-window.ts applies all of them.
import type { BrowserWindow, Session, WebContents } from 'electron';
import { isKioskAppUrl } from '../kiosk/app-protocol.ts';
import { originForLog } from '../kiosk/ipc-guard.ts';
import { isAllowedKey } from '../kiosk/keyboard.ts';
import type { Logger } from '../logging/logger.ts';

/** Denies new windows, webviews and every navigation or redirect that leaves app://kiosk. */
export function lockNavigation(contents: WebContents, log: Logger, isAllowedUrl: (url: string) => boolean = isKioskAppUrl): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('kiosk: new window denied', { origin: originForLog(url) });
    return { action: 'deny' };
  });

  const guard = (kind: string) => (event: Electron.Event, url: string) => {
    if (isAllowedUrl(url)) return;
    event.preventDefault();
    log.warn('kiosk: navigation denied', { kind, origin: originForLog(url) });
  };
  contents.on('will-navigate', guard('navigate'));
  contents.on('will-redirect', guard('redirect'));
  // Sub-frame navigations: Electron passes one details object that carries the URL.
  contents.on('will-frame-navigate', (details) => {
    if (isAllowedUrl(details.url)) return;
    details.preventDefault();
    log.warn('kiosk: navigation denied', { kind: 'frame-navigate', origin: originForLog(details.url) });
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('kiosk: webview denied');
  });
}

/** Drops every key the allowlist does not name (F5, F11, F12, Ctrl+R, Alt+F4, …). */
export function lockKeyboard(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (!isAllowedKey(input)) event.preventDefault();
  });
}

/** Keeps Chromium's zoom at 100 %; the citizen app has its own text size setting. */
export function lockZoom(contents: WebContents): void {
  const reset = () => {
    contents.setZoomFactor(1);
    void contents.setVisualZoomLevelLimits(1, 1);
  };
  contents.on('did-finish-load', reset);
  contents.on('zoom-changed', reset);
}

/** Closes DevTools whenever something opens them; webPreferences.devTools is off as well. */
export function lockDevTools(contents: WebContents, log: Logger): void {
  contents.on('devtools-opened', () => {
    contents.closeDevTools();
    log.warn('kiosk: DevTools closed');
  });
}

/** Denies every permission request and check, and cancels every download. */
export function lockSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('kiosk: permission denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);

  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
    log.warn('kiosk: download cancelled');
  });
}

/** Prevents closing the window unless `mayClose()` says staff unlocked it. */
export function lockClose(window: BrowserWindow, mayClose: () => boolean, log: Logger): void {
  window.on('close', (event) => {
    if (mayClose()) return;
    event.preventDefault();
    log.warn('kiosk: close prevented');
  });
}
