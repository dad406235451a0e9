import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger, type Logger } from '../../../src-main/logging/logger.ts';
import type { UpdaterLike } from '../../../src-main/updates/apply.ts';
import { app, BrowserWindow, electronFake } from '../../fakes/electron.ts';

/** The keys a kiosk policy must set besides the portal URL. */
const KIOSK_KEYS = {
  kioskDeviceTokenFile: '/etc/antragsdesk/device-token',
  adminPinHash: '$scrypt$ln=12,r=8,p=1$Z6QLBlR7xNeA0lSHMs8F0Q$2qHqPl2Pex1CsVNT5SwX9FpBzT7WTNVU2zYnqprtX5g',
};

vi.mock('electron', () => import('../../fakes/electron.ts'));

const { startShell } = await import('../../../src-main/shell/start.ts');
const { POLICY_EXIT_CODE } = await import('../../../src-main/shell/error-window.ts');

let folder: string;
let loggers: { directory: string; level: string; log: ReturnType<typeof createMemoryLogger> }[];
let updaterLoads: number;
let updater: UpdaterLike & { feeds: unknown[] };

beforeEach(async () => {
  electronFake.reset();
  folder = await mkdtemp(join(tmpdir(), 'antragsdesk-shell-'));
  app.setPath('userData', join(folder, 'userData'));
  app.setPath('logs', join(folder, 'userData', 'logs'));
  app.setPath('exe', join(folder, 'app', 'Antragsdesk.exe'));
  app.setPath('appPath', join(folder, 'app', 'resources', 'app.asar'));
  loggers = [];
  updaterLoads = 0;
  updater = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowPrerelease: false,
    allowDowngrade: false,
    feeds: [],
    setFeedURL(options) {
      updater.feeds.push(options);
    },
    checkForUpdates: async () => null,
  };
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writePolicy(policy: unknown): Promise<void> {
  const path = join(folder, 'root', 'etc', 'antragsdesk', 'policy.json');
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, JSON.stringify(policy));
}

function start(argv: string[] = []) {
  return startShell({
    platform: 'linux',
    env: {},
    argv,
    resourcesPath: join(folder, 'app', 'resources'),
    fileRoot: join(folder, 'root'),
    createLogger: (directory, level): Logger => {
      const log = createMemoryLogger();
      loggers.push({ directory, level, log });
      return log;
    },
    loadUpdater: async () => {
      updaterLoads += 1;
      return updater;
    },
  });
}

describe('shell start with a broken policy', () => {
  it('shows the German error page and exits with 78 on close', async () => {
    await writePolicy({ portalUrl: 'https://p.example', mode: 'terminal' });

    const outcome = await start();

    expect(outcome).toEqual({ started: false, exitCode: POLICY_EXIT_CODE });
    const windows = BrowserWindow.getAllWindows();
    expect(windows).toHaveLength(1);
    const [window] = windows;
    const page = decodeURIComponent(window?.loaded[0]?.replace(/^data:text\/html;charset=utf-8,/, '') ?? '');
    expect(window?.loaded[0]).toMatch(/^data:text\/html/);
    expect(page).toContain('Antragsdesk kann nicht starten');
    expect(page).toContain('mode');
    expect(page).toContain(join(folder, 'root', 'etc', 'antragsdesk', 'policy.json'));
    expect(page).toContain('einer der Werte clerk, kiosk');
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window?.options.kiosk).toBeUndefined();
    expect(app.exitCode).toBeNull();

    window?.close();

    expect(app.exitCode).toBe(POLICY_EXIT_CODE);
  });

  it('blocks navigation away from the error page', async () => {
    await writePolicy({ portalUrl: 'http://portal.example' });

    await start();

    const [window] = BrowserWindow.getAllWindows();
    expect(window?.webContents.simulateNavigation('will-navigate', 'https://evil.example')).toBe(true);
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it('logs key and source but not the rejected value', async () => {
    await writePolicy({ portalUrl: 'https://p.example', adminPinHash: 'pin-1234' });

    await start();

    const records = loggers[0]?.log.records ?? [];
    const failure = records.find((record) => record.message === 'policy: invalid, start stopped');
    expect(failure?.data).toMatchObject({ key: 'adminPinHash', reason: 'invalid' });
    expect(JSON.stringify(records)).not.toContain('pin-1234');
    expect(updaterLoads).toBe(0);
  });
});

describe('shell start with a valid policy', () => {
  it('opens a locked kiosk window', async () => {
    await writePolicy({ portalUrl: 'https://p.example', mode: 'kiosk', logLevel: 'debug', ...KIOSK_KEYS });

    const outcome = await start();

    expect(outcome.started).toBe(true);
    const [window] = BrowserWindow.getAllWindows();
    expect(window?.options.kiosk).toBe(true);
    // The kiosk app is served from app://kiosk (src-main/shell/kiosk-window.ts), not from file://.
    expect(window?.loaded[0]).toMatch(/^app:\/\/kiosk\/kiosk\.html\?/);
    expect(window?.options.webPreferences).toMatchObject({ preload: join(folder, 'app', 'resources', 'app.asar', 'out', 'preload', 'kiosk.cjs'), sandbox: true, nodeIntegration: false });
    expect(loggers[0]?.level).toBe('debug');
    expect(loggers[0]?.directory).toBe(join(folder, 'userData', 'logs'));
  });

  it('takes the mode from a flag when policy does not set it', async () => {
    await writePolicy({ portalUrl: 'https://p.example', ...KIOSK_KEYS });

    await start(['--mode=kiosk']);

    expect(BrowserWindow.getAllWindows()[0]?.options.kiosk).toBe(true);
  });

  it('applies updates for an AppImage', async () => {
    await writePolicy({ portalUrl: 'https://p.example', updateServerUrl: 'https://updates.example/ad', updateChannel: 'beta' });
    app.isPackaged = true;

    const outcome = await startShell({
      platform: 'linux',
      env: { APPIMAGE: '/opt/Antragsdesk.AppImage' },
      argv: [],
      resourcesPath: join(folder, 'app', 'resources'),
      fileRoot: join(folder, 'root'),
      createLogger: () => createMemoryLogger(),
      loadUpdater: async () => updater,
    });

    expect(outcome.started).toBe(true);
    expect(outcome.started ? outcome.installKind : null).toBe('appimage');
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example/ad', channel: 'beta' }]);
  });

  it('does not load the updater when policy turns updates off', async () => {
    await writePolicy({ portalUrl: 'https://p.example', updatesEnabled: false, updateServerUrl: 'https://updates.example/ad' });
    app.isPackaged = true;

    await start();

    expect(updaterLoads).toBe(0);
    expect(loggers[0]?.log.records).toContainEqual({ level: 'info', message: 'updates: self-update off', data: { reason: 'disabled-by-policy', installKind: 'unpacked' } });
  });
});

describe('shell start with extra CA certificates', () => {
  it('stops when a CA file is missing', async () => {
    const missing = join(folder, 'missing-ca.pem');
    await writePolicy({ portalUrl: 'https://p.example', extraCaCertificates: [missing] });

    const outcome = await start();

    expect(outcome.started).toBe(false);
    const page = decodeURIComponent(BrowserWindow.getAllWindows()[0]?.loaded[0] ?? '');
    expect(page).toContain('extraCaCertificates');
    expect(page).toContain(missing);
  });

  it('installs no verify proc without extra CAs', async () => {
    const { session } = await import('../../fakes/electron.ts');
    await writePolicy({ portalUrl: 'https://p.example' });

    await start();

    expect(session.defaultSession.certificateVerifyProc).toBeNull();
  });
});

describe('shell menu', () => {
  it('saves a support bundle from the clerk help menu', async () => {
    const { Menu } = await import('../../fakes/electron.ts');
    await writePolicy({ portalUrl: 'https://p.example', adminPinHash: '$scrypt$ln=12,r=8,p=1$Z6QLBlR7xNeA0lSHMs8F0Q$2qHqPl2Pex1CsVNT5SwX9FpBzT7WTNVU2zYnqprtX5g' });
    app.setPath('documents', folder);
    await mkdir(join(folder, 'userData', 'logs'), { recursive: true });
    await writeFile(join(folder, 'userData', 'logs', 'main.log'), '{"message":"app: starting"}\n');
    const target = join(folder, 'bundle.tar.gz');
    electronFake.queueDialogResponse('showSaveDialog', { canceled: false, filePath: target });
    await start();

    const help = (Menu.getApplicationMenu()?.template as { label: string; submenu: { label: string; click(): void }[] }[]).find((item) => item.label === 'Hilfe');
    help?.submenu[0]?.click();
    await vi.waitFor(async () => {
      expect((await import('node:fs')).existsSync(target)).toBe(true);
    });

    const listing = (await import('node:child_process')).execFileSync('tar', ['-tzf', target], { encoding: 'utf8' });
    expect(listing.split('\n')).toEqual(expect.arrayContaining(['manifest.json', 'logs/main.log', 'policy.json']));
    expect(electronFake.state.dialogs[0]?.method).toBe('showSaveDialog');
  });

  it('gives the kiosk no menu', async () => {
    const { Menu } = await import('../../fakes/electron.ts');
    await writePolicy({ portalUrl: 'https://p.example', mode: 'kiosk', ...KIOSK_KEYS });

    await start();

    expect(Menu.getApplicationMenu()).toBeNull();
  });
});
