// IPC registration of the clerk window. Only the channels of the clerk contract are registered.
// Every call is checked before its handler runs: it must come from the clerk window's own top
// frame, showing a page of the app itself (file:// under the renderer folder, or the dev server
// origin). Rejections are logged with the channel and webContents id only.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { CLERK_CHANNELS } from '../../src-shared/ipc/clerk.ts';
import type { Logger } from '../logging/logger.ts';

export type IpcHandler = (argument?: unknown) => Promise<unknown>;

export interface IpcMainLike {
  handle(channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface TrustedOrigin {
  /** Folder of the built renderer; file:// pages below it are the app's own. */
  rendererDir: string;
  /** Origin of the renderer dev server (electron-vite's ELECTRON_RENDERER_URL), if any. */
  devServerOrigin?: string | null;
  /** webContents id of the clerk window; calls from other windows are rejected. */
  webContentsId?: number;
}

/** Raised to the renderer for a call the guard rejected. The message names the reason, never handler data. */
export class IpcRejectedError extends Error {
  constructor(channel: string, reason: string) {
    super(`IPC call on ${channel} rejected: ${reason}`);
    this.name = 'IpcRejectedError';
  }
}

const KNOWN_CHANNELS = new Set<string>(Object.values(CLERK_CHANNELS));

/** Returns why the sender may not call, or null when it may. */
export function rejectionReason(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, trusted: TrustedOrigin): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'calls from sub-frames are not allowed';
  if (trusted.webContentsId !== undefined && event.sender?.id !== trusted.webContentsId) return 'the sender is not the clerk window';
  if (!isOwnPage(frame.url, trusted)) return 'the page origin is not the app';
  return null;
}

function isOwnPage(url: string, trusted: TrustedOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }

  if (parsed.protocol === 'file:') {
    const file = path.resolve(fileURLToPath(parsed));
    const root = path.resolve(trusted.rendererDir) + path.sep;
    return file.startsWith(root);
  }
  return trusted.devServerOrigin != null && parsed.origin === trusted.devServerOrigin;
}

/**
 * Registers one ipcMain handler per clerk channel. Throws when `handlers` names a channel outside
 * the clerk contract, so nothing unknown can be registered. Returns the function that removes them.
 */
export function registerClerkIpc(ipcMain: IpcMainLike, handlers: Record<string, IpcHandler>, trusted: TrustedOrigin, log: Logger): () => void {
  const entries = Object.entries(handlers).map(([name, handler]) => {
    const channel = (CLERK_CHANNELS as Record<string, string>)[name];
    if (!channel || !KNOWN_CHANNELS.has(channel)) {
      log.error('ipc: unknown clerk channel rejected at registration', { name });
      throw new Error(`Unknown clerk IPC handler ${JSON.stringify(name)}; expected one of ${Object.keys(CLERK_CHANNELS).join(', ')}`);
    }
    return [channel, handler] as const;
  });

  for (const [channel, handler] of entries) {
    ipcMain.handle(channel, async (event, ...args) => {
      const reason = rejectionReason(event, trusted);
      if (reason !== null) {
        log.warn('ipc: call rejected', { channel, reason, webContentsId: event.sender?.id ?? null });
        throw new IpcRejectedError(channel, reason);
      }
      return handler(args[0]);
    });
  }

  return () => {
    for (const [channel] of entries) ipcMain.removeHandler(channel);
  };
}
