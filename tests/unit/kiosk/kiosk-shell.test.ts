// Lockdown of the kiosk window against the fake electron module: window options, keyboard,
// navigation, new windows, permissions, downloads, close, staff exit, IPC checks, session
// rebuild, crash recovery, debug switches, single instance and silent printing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KIOSK_CHANNELS } from '../../../src-shared/ipc/kiosk.ts';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import type { PolicyValues } from '../../../src-main/policy/schema.ts';
import { hashAdminPin } from '../../../src-main/policy/pin-hash.ts';
import { app, BrowserWindow, createFakeEvent, electronFake, ipcMain, protocol, screen, session, type FakeSession } from '../../fakes/electron.ts';

vi.mock('electron', () => import('../../fakes/electron.ts'));

const { prepareKioskShell, MAX_CRASHES } = await import('../../../src-main/shell/kiosk-window.ts');

let folder: string;
let log: ReturnType<typeof createMemoryLogger>;

function policy(extra: Partial<PolicyValues> = {}): PolicyValues {
  return {
    mode: 'kiosk',
    portalUrl: 'http://127.0.0.1:9',
    kioskPaper: 'roll80mm',
    kioskPrinter: 'Thermo 80',
    idleTimeoutSeconds: 120,
    languages: ['de', 'ar'],
    offlineIntakeAllowed: true,
    kioskOnScreenKeyboard: false,
    updateChannel: 'latest',
    updatesEnabled: false,
    extraCaCertificates: [],
    logLevel: 'info',
    ...extra,
  };
}

async function openKiosk(extra: Partial<PolicyValues> = {}) {
  const shell = prepareKioskShell({ policy: policy(extra), log, argv: [], appRoot: join(folder, 'app') });
  if (!shell.ok) throw new Error('kiosk did not start');
  await app.whenReady();
  const window = (await shell.open()) as unknown as BrowserWindow;
  return { shell, window, controller: shell.controller! };
}

/** Looks up the kiosk's partition by name, because the fake gives every window the default session. */
function partitionOf(window: BrowserWindow): FakeSession {
  return session.fromPartition(String(window.options.webPreferences!.partition));
}

function kioskEvent(window: BrowserWindow, frameUrl = 'app://kiosk/kiosk.html', parent: unknown = null) {
  return { sender: window.webContents, senderFrame: { url: frameUrl, parent } };
}

beforeEach(async () => {
  electronFake.reset();
  folder = await mkdtemp(join(tmpdir(), 'antragsdesk-kiosk-shell-'));
  app.setPath('userData', join(folder, 'userData'));
  app.setPath('appPath', join(folder, 'app'));
  log = createMemoryLogger();
});

afterEach(async () => {
  for (const window of BrowserWindow.getAllWindows()) window.destroy();
  await rm(folder, { recursive: true, force: true });
});

describe('kiosk window', () => {
  it('opens frameless, locked and sandboxed', async () => {
    const { window } = await openKiosk();
    const preferences = window.options.webPreferences!;

    expect(window.options).toMatchObject({ frame: false, kiosk: true, fullscreen: true, closable: false, minimizable: false, maximizable: false, movable: false, resizable: false });
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: false, spellcheck: false, plugins: false, navigateOnDragDrop: false });
    expect(String(preferences.partition)).toMatch(/^kiosk-session-/);
    expect(String(preferences.partition)).not.toMatch(/^persist:/);
    expect(window.menuBarVisible).toBe(false);
  });

  it('loads the app from app://kiosk with policy settings', async () => {
    const { window } = await openKiosk();

    expect(window.loaded).toEqual(['app://kiosk/kiosk.html?idle=120&languages=de%2Car']);
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(partitionOf(window).protocol.isProtocolHandled('app')).toBe(true);
  });

  it('turns the on-screen keyboard on from policy', async () => {
    const { window } = await openKiosk({ kioskOnScreenKeyboard: true });

    expect(new URL(window.loaded[0]!).searchParams.get('onScreenKeyboard')).toBe('1');
  });

  it('covers every other display', async () => {
    screen.displays = [
      screen.getPrimaryDisplay(),
      { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, workArea: { x: 1920, y: 0, width: 1280, height: 1024 }, scaleFactor: 1, touchSupport: 'unavailable' },
    ];
    const { controller } = await openKiosk();

    expect(controller.displays.windows).toHaveLength(1);
    expect((controller.displays.windows[0] as unknown as BrowserWindow).options).toMatchObject({ x: 1920, width: 1280, frame: false, kiosk: true, focusable: false });
  });

  it('blocks shortcuts in before-input-event', async () => {
    const { window } = await openKiosk();
    const press = (input: Record<string, unknown>) => {
      const event = createFakeEvent();
      window.webContents.emit('before-input-event', event, { type: 'keyDown', control: false, alt: false, shift: false, meta: false, ...input });
      return event.defaultPrevented;
    };

    for (const blocked of [{ key: 'F5' }, { key: 'F11' }, { key: 'F12' }, { key: 'r', control: true }, { key: 'w', control: true }, { key: 'n', control: true }, { key: 'p', control: true }, { key: 's', control: true }, { key: 'o', control: true }, { key: 'I', control: true, shift: true }, { key: 'ArrowLeft', alt: true }, { key: 'F4', alt: true }]) {
      expect(press(blocked), JSON.stringify(blocked)).toBe(true);
    }
    expect(press({ key: 'a' })).toBe(false);
    expect(press({ key: 'Tab', shift: true })).toBe(false);
  });

  it('denies navigation, redirects and new windows outside the app', async () => {
    const { window } = await openKiosk();
    const contents = window.webContents;

    expect(contents.simulateNavigation('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.simulateNavigation('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.simulateNavigation('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.simulateNavigation('will-navigate', 'app://kiosk/kiosk.html')).toBe(false);

    const frameEvent = Object.assign(createFakeEvent(), { url: 'https://example.org/doc.pdf' });
    contents.emit('will-frame-navigate', frameEvent);
    expect(frameEvent.defaultPrevented).toBe(true);

    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/kiosk.html' })).toEqual({ action: 'deny' });

    const webview = createFakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies permissions and cancels downloads', async () => {
    const { window } = await openKiosk();
    const kioskSession = partitionOf(window);
    const answers: boolean[] = [];

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fileSystem']) {
      kioskSession.permissionRequestHandler?.(window.webContents, permission, (granted: boolean) => answers.push(granted));
      expect(kioskSession.permissionCheckHandler?.(window.webContents, permission)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);

    let cancelled = false;
    const download = createFakeEvent();
    kioskSession.emit('will-download', download, { cancel: () => (cancelled = true) }, window.webContents);
    expect(download.defaultPrevented).toBe(true);
    expect(cancelled).toBe(true);
  });

  it('keeps zoom at 100 % and closes DevTools', async () => {
    const { window } = await openKiosk();

    window.webContents.setZoomFactor(1.5);
    window.webContents.emit('zoom-changed', createFakeEvent(), 'in');
    window.webContents.openDevTools();
    window.webContents.emit('devtools-opened');

    expect(window.webContents.zoomFactor).toBe(1);
    expect(window.webContents.visualZoomLimits).toEqual([1, 1]);
    expect(window.webContents.devToolsOpened).toBe(false);
    expect(log.records.some((record) => record.message === 'kiosk: DevTools closed')).toBe(true);
  });

  it('prevents closing without the staff exit', async () => {
    const { window } = await openKiosk();

    window.close();

    expect(window.isDestroyed()).toBe(false);
  });

  it('closes after the staff exit with the right PIN', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { window } = await openKiosk({ adminPinHash: await hashAdminPin('4711', { logN: 10 }) });

      expect(await ipcMain.invoke(KIOSK_CHANNELS.staffExit, kioskEvent(window), { pin: '0000' })).toMatchObject({ kind: 'denied' });
      expect(window.isDestroyed()).toBe(false);

      expect(await ipcMain.invoke(KIOSK_CHANNELS.staffExit, kioskEvent(window), { pin: '4711' })).toEqual({ kind: 'granted' });
      vi.runAllTimers();
      expect(window.isDestroyed()).toBe(true);
      expect(app.quitRequested).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('registers exactly the kiosk channels', async () => {
    await openKiosk();

    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(KIOSK_CHANNELS).sort());
    expect([...ipcMain.handlers.keys()].some((channel) => channel.startsWith('clerk:'))).toBe(false);
  });

  it('rejects IPC from sub-frames, foreign origins and other windows', async () => {
    const { window } = await openKiosk();
    const stranger = new BrowserWindow();

    await expect(ipcMain.invoke(KIOSK_CHANNELS.listScannedDocuments, kioskEvent(window, 'app://kiosk/kiosk.html', {}))).rejects.toThrow(/rejected/);
    await expect(ipcMain.invoke(KIOSK_CHANNELS.listScannedDocuments, kioskEvent(window, 'https://evil.example/'))).rejects.toThrow(/rejected/);
    await expect(ipcMain.invoke(KIOSK_CHANNELS.listScannedDocuments, kioskEvent(stranger))).rejects.toThrow(/rejected/);
    expect(await ipcMain.invoke(KIOSK_CHANNELS.listScannedDocuments, kioskEvent(window))).toEqual([]);
    expect(log.records.filter((record) => record.message === 'kiosk ipc: call rejected').map((record) => record.data?.reason)).toEqual(['sub-frame', 'foreign origin', 'foreign window']);
  });

  it('rejects invalid IPC arguments without logging values', async () => {
    const { window } = await openKiosk();

    await expect(ipcMain.invoke(KIOSK_CHANNELS.submit, kioskEvent(window), { request: { serviceId: 'x', formData: { name: 'Jola Beispielfrau' } }, idempotencyKey: 'short' })).rejects.toThrow(/rejected/);
    await expect(ipcMain.invoke(KIOSK_CHANNELS.getService, kioskEvent(window), { id: '../etc' })).rejects.toThrow(/rejected/);
    expect(JSON.stringify(log.records)).not.toContain('Beispielfrau');
  });

  it('rebuilds the window on a fresh partition after a session', async () => {
    const { window, controller } = await openKiosk();
    const oldPartition = window.options.webPreferences!.partition;
    const oldSession = partitionOf(window);

    await ipcMain.invoke(KIOSK_CHANNELS.endSession, kioskEvent(window));
    await new Promise((resolve) => setTimeout(resolve, 0));

    const next = controller.window as unknown as BrowserWindow;
    expect(window.isDestroyed()).toBe(true);
    expect(next).not.toBe(window);
    expect(next.options.webPreferences!.partition).not.toBe(oldPartition);
    expect(oldSession.cleared).toEqual(expect.arrayContaining(['all', 'cache']));
    expect(partitionOf(next).cleared).toEqual([]);
  });

  it('rebuilds after a crash and shows out of order after too many', async () => {
    const { controller } = await openKiosk();

    for (let crash = 1; crash <= MAX_CRASHES; crash += 1) {
      (controller.window as unknown as BrowserWindow).webContents.emit('render-process-gone', createFakeEvent(), { reason: 'crashed', exitCode: 1 });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect((controller.window as unknown as BrowserWindow).loaded[0]).toMatch(/^app:\/\/kiosk\/kiosk\.html/);
    }

    app.emit('child-process-gone', createFakeEvent(), { type: 'GPU', reason: 'crashed', exitCode: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((controller.window as unknown as BrowserWindow).loaded).toEqual(['app://kiosk/out-of-order']);
  });

  it('prints silently to the policy printer', async () => {
    const { window } = await openKiosk();
    const receipt = {
      applicationId: '0b0f7c7e-4a53-4d7e-9a2a-000000000001',
      reference: 'SN-2026-000123',
      accessCode: 'K7QM4XW9TB2P',
      receivedAt: '2026-03-29T01:30:00.000Z',
      channel: 'kiosk',
      service: { id: 'urn:de:fim:leika:leistung:99000000000001', version: 2, name: 'Bewohnerparkausweis' },
      authority: { id: 'schwerin', name: 'Landeshauptstadt Schwerin', address: 'Am Packhof 2–6\n19053 Schwerin' },
      documents: [],
      statusPath: '/status?ref=SN-2026-000123',
      nextSteps: 'Wir melden uns.',
    };

    await ipcMain.invoke(KIOSK_CHANNELS.printReceipt, kioskEvent(window), { outcome: { kind: 'receipt', receipt }, locale: 'ar' });

    expect(electronFake.state.printJobs).toHaveLength(1);
    expect(electronFake.state.printJobs[0]!.options).toMatchObject({ silent: true, deviceName: 'Thermo 80' });
    const printWindow = electronFake.state.windows.find((candidate) => candidate.webContents.id === electronFake.state.printJobs[0]!.webContentsId)!;
    expect(printWindow.options.show).toBe(false);
    expect(printWindow.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(decodeURIComponent(printWindow.loaded[0]!)).toContain('Eingangsbestätigung');
    expect(printWindow.isDestroyed()).toBe(true);
  });
});

describe('kiosk start', () => {
  it('refuses debugging switches', () => {
    const shell = prepareKioskShell({ policy: policy(), log, argv: ['--remote-debugging-port=9222'] });

    expect(shell).toEqual({ ok: false, exitCode: 1 });
    expect(app.exitCode).toBe(1);
  });

  it('quits as a second instance', () => {
    app.singleInstanceLock = false;

    expect(prepareKioskShell({ policy: policy(), log, argv: [] })).toEqual({ ok: false, exitCode: 0 });
  });
});
