// IPC handlers of the kiosk window: one per KIOSK_CHANNELS entry, nothing else. Each call is
// checked for its sender (top frame of app://kiosk in a window the kiosk owns) and its argument
// (the zod schema of the contract) before it reaches the services.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import { KIOSK_CHANNELS } from '../../src-shared/ipc/kiosk.ts';
import { describeIssues, KIOSK_ARGUMENT_SCHEMAS, type KioskCallName, type KioskHandlers } from '../kiosk/ipc-arguments.ts';
import { checkIpcSender, originForLog } from '../kiosk/ipc-guard.ts';
import type { Logger } from '../logging/logger.ts';

export interface KioskIpcOptions {
  handlers: Partial<KioskHandlers>;
  log: Logger;
  /** True for web contents of a window the kiosk (or assisted intake) opened. */
  isOwnContents(contents: WebContents): boolean;
  isAllowedUrl?(url: string): boolean;
}

/** Error the renderer sees for a rejected call; it names no detail an attacker could use. */
export class IpcRejectedError extends Error {
  constructor(channel: string) {
    super(`${channel}: call rejected`);
    this.name = 'IpcRejectedError';
  }
}

export function registerKioskIpc(options: KioskIpcOptions): () => void {
  const { log } = options;
  const registered: string[] = [];

  for (const name of Object.keys(KIOSK_CHANNELS) as KioskCallName[]) {
    const handler = options.handlers[name] as ((args: unknown, senderId: number) => Promise<unknown>) | undefined;
    if (!handler) continue;
    const channel = KIOSK_CHANNELS[name];
    const schema: z.ZodType = KIOSK_ARGUMENT_SCHEMAS[name];

    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
      const frame = event.senderFrame;
      const check = checkIpcSender({ frameUrl: frame?.url, isMainFrame: frame !== null && frame !== undefined && frame.parent === null }, options.isAllowedUrl);
      if (!check.ok || !options.isOwnContents(event.sender)) {
        log.warn('kiosk ipc: call rejected', { channel, reason: check.ok ? 'foreign window' : check.reason, origin: originForLog(frame?.url) });
        throw new IpcRejectedError(channel);
      }

      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        log.warn('kiosk ipc: invalid argument', { channel, issues: describeIssues(parsed.error) });
        throw new IpcRejectedError(channel);
      }

      return handler(parsed.data, event.sender.id);
    });
    registered.push(channel);
  }

  return () => {
    for (const channel of registered) ipcMain.removeHandler(channel);
  };
}
