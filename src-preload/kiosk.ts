// Preload for the kiosk window and the assisted-intake window: exposes `window.antragsdesk.kiosk`
// (KioskApi from the IPC contract). It invokes only the channels in KIOSK_CHANNELS, hands the
// page plain functions, never ipcRenderer itself, and has no clerk call. Sandboxed preloads run as
// CommonJS, so the build has to emit this file as out/preload/kiosk.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { KIOSK_CHANNELS, type KioskApi } from '../src-shared/ipc/kiosk.ts';

function invoker(channel: string) {
  return (argument?: unknown) => ipcRenderer.invoke(channel, argument);
}

const kiosk = Object.fromEntries(
  Object.entries(KIOSK_CHANNELS).map(([name, channel]) => [name, invoker(channel)]),
) as unknown as KioskApi;

contextBridge.exposeInMainWorld('antragsdesk', { kiosk });
