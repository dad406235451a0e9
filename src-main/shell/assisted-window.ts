// The assisted-intake window of the clerk app ("Antrag für Bürger:in erfassen"): the citizen app
// from app://kiosk/kiosk.html?channel=assisted in a child window of the clerk window, on its own
// in-memory partition, with the kiosk preload and the kiosk's navigation and permission guards.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { app, BrowserWindow, session as electronSession } from 'electron';
import { KIOSK_ORIGIN } from '../kiosk/app-protocol.ts';
import { createAssistedServices, type AssistedServices } from '../kiosk/assisted-services.ts';
import type { KioskHandlers } from '../kiosk/ipc-arguments.ts';
import type { Logger } from '../logging/logger.ts';
import { registerKioskIpc } from './kiosk-ipc.ts';
import { lockDevTools, lockNavigation, lockSession } from './kiosk-lockdown.ts';
import { printReceiptSilently } from './kiosk-print.ts';
import { registerAppScheme, serveAppProtocol } from './kiosk-protocol.ts';
import { KIOSK_PRELOAD_FILE } from './kiosk-window.ts';

export interface AssistedIntakeWindowOptions {
  /** The clerk window; the assisted window is its child and closes with it. */
  parent: BrowserWindow;
  portalUrl: string;
  /** Returns the clerk's current session token, or null when signed out. */
  sessionToken(): string | null;
  log: Logger;
  /** Folder with out/renderer and out/preload; the app path by default. */
  appRoot?: string;
}

/** Assisted services per web contents id of an open assisted window. */
const openWindows = new Map<number, AssistedServices>();
let unregisterIpc: (() => void) | null = null;

/** Must run before the app is ready when the clerk app may open assisted intake. */
export function prepareAssistedIntake(): void {
  registerAppScheme();
}

function servicesFor(senderId: number): AssistedServices {
  const services = openWindows.get(senderId);
  if (!services) throw new Error('no assisted-intake window for this sender');
  return services;
}

function ensureIpc(log: Logger): void {
  if (unregisterIpc) return;
  const handlers: Partial<KioskHandlers> = {
    listServices: async (_args, sender) => servicesFor(sender).catalog.listServices(),
    getService: async (args, sender) => servicesFor(sender).catalog.getService(args.id, args.version),
    listPlaces: async (_args, sender) => servicesFor(sender).catalog.listPlaces(),
    submit: async (args, sender) => servicesFor(sender).submit(args),
    printReceipt: async (args, sender) => servicesFor(sender).printReceipt(args),
    endSession: async (_args, sender) => {
      BrowserWindow.getAllWindows().find((window) => window.webContents.id === sender)?.close();
    },
  };
  unregisterIpc = registerKioskIpc({ log, handlers, isOwnContents: (contents) => openWindows.has(contents.id) });
}

/**
 * Opens the assisted-intake window and returns it. Applications filed there carry channel
 * `assisted` and the clerk's session token, so the portal records the clerk who filed them.
 */
export function openAssistedIntakeWindow(options: AssistedIntakeWindowOptions): BrowserWindow {
  const { log } = options;
  const root = options.appRoot ?? app.getAppPath();
  const partitionName = `assisted-${randomUUID()}`;
  const partition = electronSession.fromPartition(partitionName);
  lockSession(partition, log);
  serveAppProtocol(partition, join(root, 'out', 'renderer'), log);

  const window = new BrowserWindow({
    parent: options.parent,
    width: 1100,
    height: 800,
    show: false,
    title: 'Antrag für Bürger:in erfassen',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(root, 'out', 'preload', KIOSK_PRELOAD_FILE),
      partition: partitionName,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      plugins: false,
      navigateOnDragDrop: false,
    },
  });
  window.removeMenu();

  const contentsId = window.webContents.id;
  openWindows.set(contentsId, createAssistedServices({
    portalUrl: options.portalUrl,
    sessionToken: options.sessionToken,
    dataDir: join(app.getPath('userData'), 'kiosk'),
    log,
    printReceipt: printReceiptSilently,
  }));
  ensureIpc(log);

  lockNavigation(window.webContents, log);
  lockDevTools(window.webContents, log);
  window.on('closed', () => {
    openWindows.delete(contentsId);
    void partition.clearStorageData();
  });

  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${KIOSK_ORIGIN}/kiosk.html?channel=assisted`);
  log.info('assisted intake: window opened');
  return window;
}
