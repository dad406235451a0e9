// Preload for the clerk window: exposes `window.antragsdesk.clerk` (ClerkApi from the IPC contract).
// It invokes only the channels listed in CLERK_CHANNELS and listens only on CLERK_EVENT_CHANNEL;
// the page gets plain functions, never ipcRenderer itself. Sandboxed preloads run as CommonJS, so
// the build emits this file as out/preload/clerk.cjs.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CLERK_CHANNELS, CLERK_EVENT_CHANNEL, type ClerkApi, type ClerkEvent } from '../src-shared/ipc/clerk.ts';

type Invokers = Omit<ClerkApi, 'onEvent'>;

function invoker(channel: string) {
  return (argument?: unknown) => ipcRenderer.invoke(channel, argument);
}

const invokers = Object.fromEntries(
  Object.entries(CLERK_CHANNELS).map(([name, channel]) => [name, invoker(channel)]),
) as unknown as Invokers;

const clerk: ClerkApi = {
  ...invokers,
  onEvent(listener: (event: ClerkEvent) => void) {
    const wrapped = (_event: IpcRendererEvent, payload: ClerkEvent) => listener(payload);
    ipcRenderer.on(CLERK_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(CLERK_EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('antragsdesk', { clerk });
