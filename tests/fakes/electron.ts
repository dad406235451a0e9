// A fake of the `electron` module for unit tests of src-main/shell. It records what the shell
// does (windows and their options, loaded URLs, IPC handlers, session hooks, dialogs, forked
// utility processes) so a test can call handlers and assert effects. Use it with
//   vi.mock('electron', () => import('../../fakes/electron.ts'));
// and call `electronFake.reset()` in beforeEach.
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  sender?: unknown;
  senderFrame?: { url: string; parent: unknown | null };
  returnValue?: unknown;
}

export function createFakeEvent(extra: Partial<FakeEvent> = {}): FakeEvent {
  const event: FakeEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

type Handler = (...args: unknown[]) => unknown;

// ---------------------------------------------------------------------------------------------
// webContents and session

let nextWebContentsId = 1;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  certificateVerifyProc: Handler | null = null;
  proxy: unknown = null;
  readonly webRequest = {
    handlers: new Map<string, { filter: unknown; listener: Handler }>(),
    onBeforeRequest: (filterOrListener: unknown, listener?: Handler) => this.recordWebRequest('onBeforeRequest', filterOrListener, listener),
    onBeforeSendHeaders: (filterOrListener: unknown, listener?: Handler) => this.recordWebRequest('onBeforeSendHeaders', filterOrListener, listener),
    onHeadersReceived: (filterOrListener: unknown, listener?: Handler) => this.recordWebRequest('onHeadersReceived', filterOrListener, listener),
  };
  readonly protocol = createFakeProtocol();
  cleared: string[] = [];

  private recordWebRequest(name: string, filterOrListener: unknown, listener?: Handler): void {
    if (typeof filterOrListener === 'function') this.webRequest.handlers.set(name, { filter: null, listener: filterOrListener as Handler });
    else if (listener) this.webRequest.handlers.set(name, { filter: filterOrListener, listener });
  }

  setPermissionRequestHandler(handler: Handler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: Handler | null): void {
    this.permissionCheckHandler = handler;
  }

  setCertificateVerifyProc(proc: Handler | null): void {
    this.certificateVerifyProc = proc;
  }

  async setProxy(config: unknown): Promise<void> {
    this.proxy = config;
  }

  async clearStorageData(options?: { storages?: string[] }): Promise<void> {
    this.cleared.push(...(options?.storages ?? ['all']));
  }

  async clearCache(): Promise<void> {
    this.cleared.push('cache');
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: Handler | null = null;
  devToolsOpened = false;
  readonly session: FakeSession;
  destroyed = false;

  constructor(session: FakeSession) {
    super();
    this.session = session;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.url;
  }

  openDevTools(): void {
    this.devToolsOpened = true;
  }

  closeDevTools(): void {
    this.devToolsOpened = false;
    this.emit('devtools-closed');
  }

  zoomFactor = 1;
  visualZoomLimits: [number, number] = [1, 3];

  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }

  async setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void> {
    this.visualZoomLimits = [minimum, maximum];
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  async print(options: unknown, callback?: (success: boolean, reason: string) => void): Promise<void> {
    state.printJobs.push({ webContentsId: this.id, options });
    callback?.(true, '');
  }

  /** Test helper: emits a navigation event and reports whether the shell prevented it. */
  simulateNavigation(eventName: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const event = createFakeEvent();
    this.emit(eventName, event, url);
    return event.defaultPrevented;
  }
}

// ---------------------------------------------------------------------------------------------
// BrowserWindow

let nextWindowId = 1;

export interface BrowserWindowOptions {
  width?: number;
  height?: number;
  show?: boolean;
  kiosk?: boolean;
  fullscreen?: boolean;
  title?: string;
  webPreferences?: Record<string, unknown>;
  [option: string]: unknown;
}

export class BrowserWindow extends EventEmitter {
  readonly id = nextWindowId++;
  readonly options: BrowserWindowOptions;
  readonly webContents: FakeWebContents;
  readonly loaded: string[] = [];
  visible: boolean;
  kiosk: boolean;
  destroyed = false;
  menuBarVisible = true;

  constructor(options: BrowserWindowOptions = {}) {
    super();
    this.options = options;
    this.visible = options.show !== false;
    this.kiosk = options.kiosk === true;
    this.webContents = new FakeWebContents(defaultSession);
    state.windows.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return state.windows.filter((window) => !window.destroyed);
  }

  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows()[0] ?? null;
  }

  static fromWebContents(contents: FakeWebContents): BrowserWindow | null {
    return state.windows.find((window) => window.webContents === contents) ?? null;
  }

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.url = url;
    this.webContents.emit('did-finish-load');
  }

  async loadFile(path: string): Promise<void> {
    await this.loadURL(`file://${path}`);
  }

  show(): void {
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.visible = false;
  }

  focus(): void {
    this.emit('focus');
  }

  setKiosk(kiosk: boolean): void {
    this.kiosk = kiosk;
  }

  isKiosk(): boolean {
    return this.kiosk;
  }

  setMenuBarVisibility(visible: boolean): void {
    this.menuBarVisible = visible;
  }

  removeMenu(): void {
    this.menuBarVisible = false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Closes like a user would: 'close' can be prevented, then 'closed' fires. */
  close(): void {
    const event = createFakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

// ---------------------------------------------------------------------------------------------
// app

class FakeApp extends EventEmitter {
  name = 'Antragsdesk';
  isPackaged = false;
  version = '0.1.0';
  readonly paths = new Map<string, string>();
  readonly switches: { name: string; value?: string | undefined }[] = [];
  exitCode: number | null = null;
  quitRequested = false;
  singleInstanceLock = true;
  private readyPromise: Promise<void> | null = null;
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => this.switches.push({ name, value }),
    hasSwitch: (name: string) => this.switches.some((entry) => entry.name === name),
  };

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`fake electron: app.getPath('${name}') is not set; call app.setPath first`);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  getAppPath(): string {
    return this.getPath('appPath');
  }

  getVersion(): string {
    return this.version;
  }

  getName(): string {
    return this.name;
  }

  getLocale(): string {
    return 'de-DE';
  }

  whenReady(): Promise<void> {
    this.readyPromise ??= Promise.resolve().then(() => {
      this.emit('ready');
    });
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.readyPromise !== null;
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }

  quit(): void {
    this.quitRequested = true;
    const event = createFakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.emit('will-quit', createFakeEvent());
  }

  exit(code = 0): void {
    this.exitCode = code;
  }

  relaunch(): void {
    state.relaunched = true;
  }

  resetForTest(): void {
    this.removeAllListeners();
    this.paths.clear();
    this.switches.length = 0;
    this.exitCode = null;
    this.quitRequested = false;
    this.isPackaged = false;
    this.singleInstanceLock = true;
    this.readyPromise = null;
  }
}

// ---------------------------------------------------------------------------------------------
// ipcMain

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (...args: unknown[]) => {
      this.handlers.delete(channel);
      return handler(...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Test helper: calls the handler registered for channel like ipcRenderer.invoke would. */
  async invoke(channel: string, event: Partial<FakeEvent>, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(createFakeEvent(event), ...args);
  }
}

// ---------------------------------------------------------------------------------------------
// protocol, dialog, safeStorage, Menu, screen, shell

function createFakeProtocol() {
  const handlers = new Map<string, Handler>();
  const privileged: unknown[] = [];
  return {
    handlers,
    privileged,
    handle(scheme: string, handler: Handler): void {
      handlers.set(scheme, handler);
    },
    unhandle(scheme: string): void {
      handlers.delete(scheme);
    },
    isProtocolHandled(scheme: string): boolean {
      return handlers.has(scheme);
    },
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      privileged.push(...schemes);
    },
  };
}

export interface DialogCall {
  method: string;
  args: unknown[];
}

const dialogResponses = new Map<string, unknown[]>();

function dialogCall(method: string, fallback: unknown) {
  return (...args: unknown[]) => {
    state.dialogs.push({ method, args });
    const queued = dialogResponses.get(method);
    return queued && queued.length > 0 ? queued.shift() : fallback;
  };
}

export const dialog = {
  showMessageBox: async (...args: unknown[]) => dialogCall('showMessageBox', { response: 0, checkboxChecked: false })(...args),
  showMessageBoxSync: dialogCall('showMessageBoxSync', 0),
  showErrorBox: (title: string, content: string) => {
    state.dialogs.push({ method: 'showErrorBox', args: [title, content] });
  },
  showSaveDialog: async (...args: unknown[]) => dialogCall('showSaveDialog', { canceled: true, filePath: '' })(...args),
  showOpenDialog: async (...args: unknown[]) => dialogCall('showOpenDialog', { canceled: true, filePaths: [] })(...args),
};

const SAFE_STORAGE_PREFIX = 'fake-safe-storage:';

export const safeStorage = {
  available: true,
  isEncryptionAvailable(): boolean {
    return safeStorage.available;
  },
  /** Not encryption: a marked copy, so tests can see that the shell went through safeStorage. */
  encryptString(text: string): Buffer {
    if (!safeStorage.available) throw new Error('Encryption is not available.');
    return Buffer.from(SAFE_STORAGE_PREFIX + text, 'utf8');
  },
  decryptString(buffer: Buffer): string {
    const text = buffer.toString('utf8');
    if (!text.startsWith(SAFE_STORAGE_PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(SAFE_STORAGE_PREFIX.length);
  },
};

export class Menu {
  readonly template: unknown[];

  constructor(template: unknown[] = []) {
    this.template = template;
  }

  static buildFromTemplate(template: unknown[]): Menu {
    return new Menu(template);
  }

  static setApplicationMenu(menu: Menu | null): void {
    state.applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return state.applicationMenu;
  }
}

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
  scaleFactor: number;
  touchSupport: 'available' | 'unavailable' | 'unknown';
}

const PRIMARY_DISPLAY: FakeDisplay = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
  touchSupport: 'available',
};

export const screen = Object.assign(new EventEmitter(), {
  displays: [PRIMARY_DISPLAY] as FakeDisplay[],
  getPrimaryDisplay(): FakeDisplay {
    return screen.displays[0] ?? PRIMARY_DISPLAY;
  },
  getAllDisplays(): FakeDisplay[] {
    return screen.displays;
  },
});

export const shell = {
  async openExternal(url: string): Promise<void> {
    state.openedExternal.push(url);
  },
  async openPath(path: string): Promise<string> {
    state.openedPaths.push(path);
    return '';
  },
  showItemInFolder(path: string): void {
    state.openedPaths.push(path);
  },
};

// ---------------------------------------------------------------------------------------------
// utilityProcess

export interface UtilityForkCall {
  modulePath: string;
  args: string[];
  options: Record<string, unknown>;
}

/**
 * A forked utility process that runs nothing. It records posted messages and kill() calls. The
 * test emits 'message' and 'exit' itself, because kill() does not emit 'exit'.
 */
export class FakeUtilityProcess extends EventEmitter {
  readonly fork: UtilityForkCall;
  readonly posted: unknown[] = [];
  killCount = 0;

  constructor(fork: UtilityForkCall) {
    super();
    this.fork = fork;
  }

  postMessage(message: unknown): void {
    // Electron clones a posted message. Cloning here too keeps the record as it was sent.
    this.posted.push(structuredClone(message));
  }

  kill(): boolean {
    this.killCount += 1;
    return true;
  }
}

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}): FakeUtilityProcess {
    const child = new FakeUtilityProcess({ modulePath, args, options });
    state.utilityProcesses.push(child);
    return child;
  },
};

// ---------------------------------------------------------------------------------------------
// module surface and test controls

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
const defaultSession = new FakeSession();
export const session = {
  defaultSession,
  fromPartition: (partition: string): FakeSession => {
    let found = state.partitions.get(partition);
    if (!found) {
      found = new FakeSession();
      state.partitions.set(partition, found);
    }
    return found;
  },
};
export const protocol = createFakeProtocol();

const state = {
  windows: [] as BrowserWindow[],
  dialogs: [] as DialogCall[],
  openedExternal: [] as string[],
  openedPaths: [] as string[],
  printJobs: [] as { webContentsId: number; options: unknown }[],
  partitions: new Map<string, FakeSession>(),
  applicationMenu: null as Menu | null,
  relaunched: false,
  utilityProcesses: [] as FakeUtilityProcess[],
};

/** Test controls: inspect recorded effects and reset between tests. */
export const electronFake = {
  state,
  /** Queues the result the next call of a dialog method returns, e.g. ('showSaveDialog', {canceled:false, filePath}). */
  queueDialogResponse(method: string, response: unknown): void {
    const queue = dialogResponses.get(method) ?? [];
    queue.push(response);
    dialogResponses.set(method, queue);
  },
  reset(): void {
    state.windows.length = 0;
    state.dialogs.length = 0;
    state.openedExternal.length = 0;
    state.openedPaths.length = 0;
    state.printJobs.length = 0;
    state.partitions.clear();
    state.applicationMenu = null;
    state.relaunched = false;
    state.utilityProcesses.length = 0;
    dialogResponses.clear();
    app.resetForTest();
    ipcMain.handlers.clear();
    ipcMain.removeAllListeners();
    screen.removeAllListeners();
    protocol.handlers.clear();
    protocol.privileged.length = 0;
    defaultSession.removeAllListeners();
    defaultSession.permissionRequestHandler = null;
    defaultSession.permissionCheckHandler = null;
    defaultSession.certificateVerifyProc = null;
    defaultSession.webRequest.handlers.clear();
    defaultSession.cleared.length = 0;
    safeStorage.available = true;
    screen.displays = [PRIMARY_DISPLAY];
  },
};

export default { app, BrowserWindow, ipcMain, session, protocol, dialog, safeStorage, Menu, screen, shell, utilityProcess };
