// The clerk window's shell wiring against the fake electron module: IPC registration for every
// channel, the sender guard (unknown channel, foreign origin, sub-frame, other window), pushed
// events and the safeStorage session store.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLERK_CHANNELS, CLERK_EVENT_CHANNEL } from '../../../src-shared/ipc/clerk.ts';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { app, BrowserWindow, electronFake, ipcMain, safeStorage } from '../../fakes/electron.ts';
import { DEMO_PASSWORD_ENV, startTestPortal } from '../../support/portal-harness.ts';

vi.mock('electron', () => import('../../fakes/electron.ts'));

const { attachClerkWindow } = await import('../../../src-main/shell/clerk-window.ts');
const { registerClerkIpc } = await import('../../../src-main/shell/clerk-ipc.ts');
const { createSafeStorageSecretStore } = await import('../../../src-main/shell/clerk-secret-store.ts');

// Nothing listens here, so every portal request fails at once.
const UNREACHABLE_PORTAL = 'http://127.0.0.1:9';

let folder: string;
let appPath: string;

beforeEach(async () => {
  electronFake.reset();
  folder = await mkdtemp(join(tmpdir(), 'antragsdesk-clerk-shell-'));
  appPath = join(folder, 'app');
  app.setPath('userData', join(folder, 'userData'));
  app.setPath('appPath', appPath);
});

afterEach(async () => {
  for (const window of BrowserWindow.getAllWindows()) window.destroy();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await rm(folder, { recursive: true, force: true });
});

function clerkPageUrl(): string {
  return pathToFileURL(join(appPath, 'out', 'renderer', 'clerk.html')).href;
}

function openClerkWindow() {
  const window = new BrowserWindow({ show: false });
  const log = createMemoryLogger();
  const attached = attachClerkWindow(window as unknown as Parameters<typeof attachClerkWindow>[0], { portalUrl: UNREACHABLE_PORTAL, log, notify: () => {} });
  const fromWindow = (url = clerkPageUrl(), parent: unknown = null) => ({ sender: window.webContents, senderFrame: { url, parent } });
  return { window, log, attached, fromWindow };
}

describe('clerk window IPC', () => {
  it('registers a handler for every channel', () => {
    openClerkWindow();

    for (const channel of Object.values(CLERK_CHANNELS)) expect(ipcMain.handlers.has(channel), channel).toBe(true);
    expect(ipcMain.handlers.size).toBe(Object.keys(CLERK_CHANNELS).length);
  });

  it('answers a call from its own page', async () => {
    const { fromWindow } = openClerkWindow();

    const session = await ipcMain.invoke(CLERK_CHANNELS.getSession, fromWindow());

    expect(session).toEqual({ signedIn: false });
  });

  it('rejects a foreign origin', async () => {
    const { fromWindow, log } = openClerkWindow();

    await expect(ipcMain.invoke(CLERK_CHANNELS.getSession, fromWindow('https://portal.example/evil.html'))).rejects.toThrow('the page origin is not the app');
    await expect(ipcMain.invoke(CLERK_CHANNELS.getSession, fromWindow(pathToFileURL(join(folder, 'elsewhere.html')).href))).rejects.toThrow('origin');
    expect(log.records.filter((record) => record.message === 'ipc: call rejected')).toHaveLength(2);
  });

  it('rejects a sub-frame', async () => {
    const { fromWindow, log } = openClerkWindow();

    await expect(ipcMain.invoke(CLERK_CHANNELS.getSession, fromWindow(clerkPageUrl(), { url: clerkPageUrl() }))).rejects.toThrow('sub-frames');
    expect(log.records.at(-1)).toMatchObject({ level: 'warn', message: 'ipc: call rejected', data: { channel: CLERK_CHANNELS.getSession } });
  });

  it('rejects another window', async () => {
    openClerkWindow();
    const other = new BrowserWindow({ show: false });

    await expect(ipcMain.invoke(CLERK_CHANNELS.getSession, { sender: other.webContents, senderFrame: { url: clerkPageUrl(), parent: null } })).rejects.toThrow('not the clerk window');
  });

  it('rejects an unknown channel', async () => {
    const log = createMemoryLogger();
    const handler = async () => 'never';

    expect(() => registerClerkIpc(ipcMain as unknown as Parameters<typeof registerClerkIpc>[0], { getSession: handler, readAnyFile: handler }, { rendererDir: join(appPath, 'out', 'renderer') }, log)).toThrow('Unknown clerk IPC handler "readAnyFile"');
    expect(ipcMain.handlers.size).toBe(0);
    await expect(ipcMain.invoke('clerk:read-any-file', {})).rejects.toThrow('No handler registered');
    expect(log.records).toContainEqual(expect.objectContaining({ level: 'error', data: { name: 'readAnyFile' } }));
  });

  it('rejects an invalid argument with the field name', async () => {
    const { fromWindow } = openClerkWindow();

    const invalid = ipcMain.invoke(CLERK_CHANNELS.login, fromWindow(), { username: '', password: 'x' });

    await expect(invalid).rejects.toThrow('Invalid argument for clerk:login: username');
  });

  it('reports an unreachable portal at login in German', async () => {
    const { fromWindow } = openClerkWindow();

    const result = await ipcMain.invoke(CLERK_CHANNELS.login, fromWindow(), { username: 'a.krueger', password: 'geheim' });

    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Das Portal ist nicht erreichbar') });
  });

  it('pushes events to the window', () => {
    const { window, attached } = openClerkWindow();

    attached.services.events.emit('event', { type: 'inbox-changed' });

    expect(window.webContents.sent).toContainEqual({ channel: CLERK_EVENT_CHANNEL, args: [{ type: 'inbox-changed' }] });
  });

  it('removes its handlers when the window closes', async () => {
    const { window, attached } = openClerkWindow();

    window.close();
    await attached.detach();

    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('assisted intake', () => {
  it('requires a signed-in clerk', async () => {
    const { fromWindow } = openClerkWindow();

    await expect(ipcMain.invoke(CLERK_CHANNELS.openAssistedIntake, fromWindow())).rejects.toThrow('nicht angemeldet');
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('opens a child window with the kiosk preload', async () => {
    const portal = await startTestPortal();
    try {
      const window = new BrowserWindow({ show: false });
      attachClerkWindow(window as unknown as Parameters<typeof attachClerkWindow>[0], { portalUrl: portal.url, log: createMemoryLogger(), notify: () => {} });
      const event = { sender: window.webContents, senderFrame: { url: clerkPageUrl(), parent: null } };
      const login = await ipcMain.invoke(CLERK_CHANNELS.login, event, { username: 'a.krueger', password: DEMO_PASSWORD_ENV });
      expect(login).toMatchObject({ ok: true });

      await ipcMain.invoke(CLERK_CHANNELS.openAssistedIntake, event);

      const assisted = BrowserWindow.getAllWindows().find((candidate) => candidate !== window);
      expect(assisted?.options.parent).toBe(window);
      expect(assisted?.options.webPreferences).toMatchObject({ preload: join(appPath, 'out', 'preload', 'kiosk.cjs'), sandbox: true });
      expect(assisted?.loaded[0]).toBe('app://kiosk/kiosk.html?channel=assisted');
      await ipcMain.invoke(CLERK_CHANNELS.logout, event);
    } finally {
      await portal.stop();
    }
  });
});

describe('safeStorage session store', () => {
  it('stores the token encrypted', async () => {
    const store = createSafeStorageSecretStore(join(folder, 'session'), createMemoryLogger());

    await store.write('clerk-session', '{"token":"t-1"}');

    const file = readFileSync(join(folder, 'session', 'clerk-session.bin'));
    expect(safeStorage.decryptString(file)).toBe('{"token":"t-1"}');
    expect(file.toString('utf8')).not.toBe('{"token":"t-1"}');
    expect(await store.read('clerk-session')).toBe('{"token":"t-1"}');

    await store.delete('clerk-session');
    expect(existsSync(join(folder, 'session', 'clerk-session.bin'))).toBe(false);
    expect(await store.read('clerk-session')).toBeNull();
  });

  it('keeps the token in memory without encryption', async () => {
    safeStorage.available = false;
    const log = createMemoryLogger();
    const store = createSafeStorageSecretStore(join(folder, 'session'), log);

    await store.write('clerk-session', 'value');

    expect(await store.read('clerk-session')).toBe('value');
    expect(existsSync(join(folder, 'session'))).toBe(false);
    expect(log.records).toContainEqual(expect.objectContaining({ level: 'warn', message: 'session: safeStorage unavailable, token kept in memory only' }));
  });

  it('drops a file it cannot decrypt', async () => {
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(join(folder, 'session'), { recursive: true });
    await writeFile(join(folder, 'session', 'clerk-session.bin'), 'from another account');
    const store = createSafeStorageSecretStore(join(folder, 'session'), createMemoryLogger());

    expect(await store.read('clerk-session')).toBeNull();
    expect(existsSync(join(folder, 'session', 'clerk-session.bin'))).toBe(false);
  });
});
