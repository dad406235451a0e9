// Kiosk mode of the desktop app (Bürgerterminal): single instance, app:// protocol, the locked
// kiosk window with one in-memory session per citizen, rebuild after each citizen and after a
// crash, staff exit with the admin PIN. start.ts calls prepareKioskShell before the app is ready
// and open() after.
import { join } from 'node:path';
import { app, BrowserWindow, screen, session as electronSession, type Session, type WebContents } from 'electron';
import { KIOSK_ORIGIN, OUT_OF_ORDER_PATH } from '../kiosk/app-protocol.ts';
import { createKioskServices, type CitizenSession, type KioskServices } from '../kiosk/kiosk-services.ts';
import type { Logger } from '../logging/logger.ts';
import type { PolicyValues } from '../policy/schema.ts';
import { coverOtherDisplays, type DisplayCover } from './kiosk-displays.ts';
import { registerKioskIpc } from './kiosk-ipc.ts';
import { lockClose, lockDevTools, lockKeyboard, lockNavigation, lockSession, lockZoom } from './kiosk-lockdown.ts';
import { printReceiptSilently } from './kiosk-print.ts';
import { registerAppScheme, serveAppProtocol } from './kiosk-protocol.ts';
import { nativeImageThumbnail } from './kiosk-thumbnail.ts';

/** Sandboxed preloads must be CommonJS, so the build emits the kiosk preload as .cjs. */
export const KIOSK_PRELOAD_FILE = 'kiosk.cjs';

/** Command-line switches that would open a debugger; the kiosk does not start with them. */
export const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port', 'js-flags'];

/** Crashes within CRASH_WINDOW_MS after which the kiosk shows "Außer Betrieb" instead of rebuilding. */
export const MAX_CRASHES = 3;
export const CRASH_WINDOW_MS = 10 * 60_000;

export interface KioskShellOptions {
  policy: PolicyValues;
  log: Logger;
  argv: readonly string[];
  /** Folder of the built renderer and preload; the app path by default. */
  appRoot?: string;
  /** Overrides the services built from the policy (tests). */
  createServices?: typeof createKioskServices;
}

export type KioskShell =
  | { ok: true; open(): Promise<BrowserWindow>; readonly controller: KioskController | null }
  | { ok: false; exitCode: number };

export interface KioskController {
  readonly window: BrowserWindow;
  readonly services: KioskServices;
  readonly displays: DisplayCover;
  /** Closes the kiosk window and quits; only the staff exit calls it. */
  exit(): void;
}

function findDebugSwitch(argv: readonly string[]): string | undefined {
  return DEBUG_SWITCHES.find((name) => argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)) || app.commandLine.hasSwitch(name));
}

export function kioskPageUrl(policy: PolicyValues): string {
  const url = new URL('/kiosk.html', KIOSK_ORIGIN);
  url.searchParams.set('idle', String(policy.idleTimeoutSeconds));
  url.searchParams.set('languages', policy.languages.join(','));
  if (policy.kioskOnScreenKeyboard) url.searchParams.set('onScreenKeyboard', '1');
  return url.toString();
}

/** Runs before `app.whenReady()`: single instance, refused debug switches, the app:// scheme. */
export function prepareKioskShell(options: KioskShellOptions): KioskShell {
  const { log } = options;

  const debugSwitch = findDebugSwitch(options.argv);
  if (debugSwitch) {
    log.error('kiosk: start rejected because of a debugging switch; remove it from the command line', { switch: debugSwitch });
    app.exit(1);
    return { ok: false, exitCode: 1 };
  }

  if (!app.requestSingleInstanceLock()) {
    log.warn('kiosk: another instance is running, this one quits');
    app.exit(0);
    return { ok: false, exitCode: 0 };
  }

  registerAppScheme();
  let controller: KioskController | null = null;

  return {
    ok: true,
    get controller() {
      return controller;
    },
    open: async () => {
      controller = await openKiosk(options);
      return controller.window;
    },
  };
}

async function openKiosk(options: KioskShellOptions): Promise<KioskController> {
  const { policy, log } = options;
  const root = options.appRoot ?? app.getAppPath();
  const rendererDir = join(root, 'out', 'renderer');
  const preload = join(root, 'out', 'preload', KIOSK_PRELOAD_FILE);
  const crashes: number[] = [];
  let exitGranted = false;
  let outOfOrder = false;

  const services = (options.createServices ?? createKioskServices)({
    policy,
    dataDir: join(app.getPath('userData'), 'kiosk'),
    log,
    printReceipt: printReceiptSilently,
    makeThumbnail: nativeImageThumbnail,
    onSessionEnded: (next) => rebuild(next),
  });
  services.catalog.refresh().catch((error: unknown) => log.error('kiosk: catalog refresh failed', { error: String(error) }));

  const ownContents = new Set<WebContents>();
  const partitions = new Map<BrowserWindow, Session>();

  function createWindow(citizenSession: CitizenSession): BrowserWindow {
    const partition = electronSession.fromPartition(citizenSession.partition);
    lockSession(partition, log);
    serveAppProtocol(partition, rendererDir, log);

    const { x, y, width, height } = screen.getPrimaryDisplay().bounds;
    const window = new BrowserWindow({
      x, y, width, height,
      show: false,
      frame: false,
      kiosk: true,
      fullscreen: true,
      closable: false,
      minimizable: false,
      maximizable: false,
      resizable: false,
      movable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      autoHideMenuBar: true,
      backgroundColor: '#ffffff',
      title: 'Bürgerterminal',
      webPreferences: {
        preload,
        partition: citizenSession.partition,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        devTools: false,
        spellcheck: false,
        plugins: false,
        navigateOnDragDrop: false,
        enableWebSQL: false,
        safeDialogs: true,
        zoomFactor: 1,
      },
    });
    window.removeMenu();
    partitions.set(window, partition);

    const contents = window.webContents;
    ownContents.add(contents);
    window.on('closed', () => ownContents.delete(contents));
    lockNavigation(contents, log);
    lockKeyboard(contents);
    lockZoom(contents);
    lockDevTools(contents, log);
    lockClose(window, () => exitGranted, log);
    contents.on('render-process-gone', (_event, details) => recoverFromCrash(`renderer ${details.reason}`));

    window.once('ready-to-show', () => window.show());
    void window.loadURL(outOfOrder ? `${KIOSK_ORIGIN}${OUT_OF_ORDER_PATH}` : kioskPageUrl(policy));
    return window;
  }

  let window = createWindow(services.session);

  /** Replaces the window by one on a fresh partition, then clears and drops the old one. */
  function rebuild(next: CitizenSession): void {
    const old = window;
    const oldPartition = partitions.get(old)!;
    partitions.delete(old);
    window = createWindow(next);
    ownContents.delete(old.webContents);
    old.destroy();
    void Promise.all([oldPartition.clearStorageData(), oldPartition.clearCache()])
      .catch((error: unknown) => log.error('kiosk: clearing the old session failed', { error: String(error) }));
  }

  function recoverFromCrash(reason: string): void {
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();

    if (crashes.length > MAX_CRASHES) {
      outOfOrder = true;
      log.error('kiosk: too many crashes, showing out of order', { reason, crashes: crashes.length });
    } else {
      log.error('kiosk: crashed, rebuilding the window', { reason, crashes: crashes.length });
    }
    // The crashed page's citizen session ends with the rebuild: its scans are deleted.
    services.endSession().catch((error: unknown) => log.error('kiosk: ending the session after a crash failed', { error: String(error) }));
  }

  app.on('child-process-gone', (_event, details) => {
    if (details.type === 'GPU') recoverFromCrash(`gpu ${details.reason}`);
  });
  app.on('second-instance', () => window.focus());
  // The kiosk keeps running when a window closes; only the staff exit quits.
  app.on('window-all-closed', () => {
    if (exitGranted) app.quit();
  });

  const displays = coverOtherDisplays(() => screen.getPrimaryDisplay().id);

  const exit = () => {
    exitGranted = true;
    log.info('kiosk: closing after staff exit');
    services.close();
    displays.dispose();
    for (const open of BrowserWindow.getAllWindows()) open.destroy();
    app.quit();
  };

  registerKioskIpc({
    log,
    isOwnContents: (contents) => ownContents.has(contents),
    handlers: {
      listServices: () => services.listServices(),
      getService: (args) => services.getService(args),
      listPlaces: () => services.listPlaces(),
      submit: async (args) => {
        if (args.request.channel !== 'kiosk') throw new Error('the kiosk submits only channel kiosk');
        return services.submit(args);
      },
      listScannedDocuments: () => services.listScannedDocuments(),
      readScannedDocument: (args) => services.readScannedDocument(args),
      printReceipt: (args) => services.printReceipt(args),
      endSession: () => services.endSession(),
      staffExit: async (args) => {
        const result = await services.staffExit(args);
        // The delay lets the result reach the renderer before the window is destroyed.
        if (result.kind === 'granted') setTimeout(exit, 100);
        return result;
      },
    },
  });

  return {
    get window() {
      return window;
    },
    services,
    displays,
    exit,
  };
}
