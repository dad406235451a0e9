// Checks who sends an IPC call to the kiosk's main process: only the top frame of the kiosk app
// (app://kiosk) may call, never a sub-frame or a page from another origin.
import { isKioskAppUrl } from './app-protocol.ts';

export interface IpcSender {
  /** URL of the frame that sent the call, if Electron still knows it. */
  frameUrl: string | undefined;
  isMainFrame: boolean;
}

export type IpcSenderCheck = { ok: true } | { ok: false; reason: 'sub-frame' | 'foreign origin' | 'unknown frame' };

export function checkIpcSender(sender: IpcSender, isAllowedUrl: (url: string) => boolean = isKioskAppUrl): IpcSenderCheck {
  if (sender.frameUrl === undefined) return { ok: false, reason: 'unknown frame' };
  if (!sender.isMainFrame) return { ok: false, reason: 'sub-frame' };
  if (!isAllowedUrl(sender.frameUrl)) return { ok: false, reason: 'foreign origin' };
  return { ok: true };
}

/** Origin of a URL for a log line; never the path or query, which could carry data. */
export function originForLog(url: string | undefined): string {
  if (!url) return 'unknown';
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'invalid';
  }
}
