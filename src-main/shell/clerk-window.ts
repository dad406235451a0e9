// Connects the clerk window to the clerk services: IPC handlers behind the guard, pushed events,
// save dialogs, printing to PDF and desktop notifications. Everything else lives in plain modules
// under src-main/clerk.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { CLERK_EVENT_CHANNEL, type ClerkEvent } from '../../src-shared/ipc/clerk.ts';
import { createClerkServices, type ClerkServices, type SaveFileRequest } from '../clerk/index.ts';
import type { Logger } from '../logging/logger.ts';
import type { SettingsProvider } from '../policy/settings-view.ts';
import { openAssistedIntakeWindow } from './assisted-window.ts';
import { registerClerkIpc, type IpcHandler } from './clerk-ipc.ts';
import { createSafeStorageSecretStore } from './clerk-secret-store.ts';
import { launchUtilitySyncProcess } from './sync-process.ts';

export interface ClerkWindowOptions {
  portalUrl: string;
  log: Logger;
  /** The effective policy for the settings screen. */
  settings?: SettingsProvider;
  /** Shows a desktop notification; the default uses Electron's Notification. */
  notify?: (title: string, body: string) => void;
}

export interface AttachedClerkWindow {
  services: ClerkServices;
  detach(): Promise<void>;
}

/** Creates the clerk services for the window and wires them up; they close with the window. */
export function attachClerkWindow(window: BrowserWindow, options: ClerkWindowOptions): AttachedClerkWindow {
  const { log } = options;
  const userData = app.getPath('userData');
  const notify = options.notify ?? showDesktopNotification;

  const services = createClerkServices({
    dataDir: userData,
    portalUrl: options.portalUrl,
    secretStore: createSafeStorageSecretStore(path.join(userData, 'clerk-session'), log),
    log,
    saveFile: (request) => saveWithDialog(window, request, log),
    renderPdf: printHtmlToPdf,
    launchSyncProcess: launchUtilitySyncProcess,
    ...(options.settings ? { settings: options.settings } : {}),
    openAssistedIntake: async () => {
      openAssistedIntakeWindow({ parent: window, portalUrl: options.portalUrl, sessionToken: () => services.sessionToken(), log });
    },
  });

  const removeHandlers = registerClerkIpc(ipcMain, services.handlers as unknown as Record<string, IpcHandler>, {
    rendererDir: path.join(app.getAppPath(), 'out', 'renderer'),
    devServerOrigin: devServerOrigin(),
    webContentsId: window.webContents.id,
  }, log);

  const forward = (event: ClerkEvent) => {
    if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(CLERK_EVENT_CHANNEL, event);
    if (event.type === 'assigned-to-me') notify('Neuer Antrag für Sie', `Ihnen wurde der Antrag ${event.reference} zugewiesen.`);
  };
  services.events.on('event', forward);

  let detached: Promise<void> | null = null;
  const detach = () => {
    detached ??= (async () => {
      services.events.off('event', forward);
      removeHandlers();
      await services.close();
    })();
    return detached;
  };
  window.once('closed', () => void detach());

  return { services, detach };
}

function devServerOrigin(): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  if (!url || app.isPackaged) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

async function saveWithDialog(window: BrowserWindow, request: SaveFileRequest, log: Logger): Promise<boolean> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Speichern unter',
    defaultPath: defaultSavePath(request.suggestedName),
    filters: [request.filter],
  });
  if (result.canceled || !result.filePath) return false;

  await writeFile(result.filePath, request.content);
  log.info('clerk: file saved', { bytes: request.content.length, extension: path.extname(result.filePath) });
  return true;
}

function defaultSavePath(suggestedName: string): string {
  try {
    return path.join(app.getPath('documents'), suggestedName);
  } catch {
    return suggestedName;
  }
}

/** Prints an HTML page in a hidden, script-free window to A4 PDF bytes. */
async function printHtmlToPdf(html: string): Promise<Buffer> {
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await printer.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      margins: { top: 0.8, bottom: 0.8, left: 0.8, right: 0.8 },
    });
  } finally {
    printer.destroy();
  }
}

function showDesktopNotification(title: string, body: string): void {
  // Loaded on use, so that the shell's tests, whose fake electron has no Notification, never touch it.
  void import('electron').then(({ Notification }) => {
    if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
  });
}
