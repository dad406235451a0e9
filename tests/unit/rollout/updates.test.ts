import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import type { RegistryReader } from '../../../src-main/policy/registry.ts';
import { applyUpdateDecision, scheduleUpdateChecks, type UpdaterLike } from '../../../src-main/updates/apply.ts';
import { decideUpdates } from '../../../src-main/updates/decision.ts';
import { detectInstallKind, type InstallContext, type InstallKind } from '../../../src-main/updates/install-kind.ts';

const SERVER = 'https://updates.schwerin.example/antragsdesk';
const policy = { updatesEnabled: true, updateChannel: 'latest' as const, updateServerUrl: SERVER };

describe('update decision', () => {
  it('turns on the generic provider for NSIS', () => {
    expect(decideUpdates(policy, 'nsis')).toEqual({
      enabled: true,
      feed: { provider: 'generic', url: SERVER, channel: 'latest' },
      allowPrerelease: false,
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
    });
  });

  it('uses the beta channel with pre-releases', () => {
    const decision = decideUpdates({ ...policy, updateChannel: 'beta' }, 'appimage');
    if (!decision.enabled) throw new Error(`updates unexpectedly off: ${decision.reason}`);

    expect(decision.feed.channel).toBe('beta');
    expect(decision.allowPrerelease).toBe(true);
  });

  it.each<[InstallKind, string]>([
    ['msi', 'managed-by-msi'],
    ['deb', 'managed-by-package-manager'],
    ['rpm', 'managed-by-package-manager'],
    ['portable', 'not-updatable'],
    ['unpacked', 'not-updatable'],
    ['development', 'not-updatable'],
  ])('never self-updates a %s install', (kind, reason) => {
    expect(decideUpdates(policy, kind)).toEqual({ enabled: false, reason });
  });

  it('obeys updatesEnabled false before anything else', () => {
    expect(decideUpdates({ ...policy, updatesEnabled: false }, 'nsis')).toEqual({ enabled: false, reason: 'disabled-by-policy' });
  });

  it('stays off without an update server', () => {
    expect(decideUpdates({ updatesEnabled: true, updateChannel: 'latest' }, 'nsis')).toEqual({ enabled: false, reason: 'no-update-server' });
  });
});

function recordingUpdater(): UpdaterLike & { feeds: unknown[]; checks: number } {
  const updater = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowPrerelease: false,
    allowDowngrade: false,
    feeds: [] as unknown[],
    checks: 0,
    setFeedURL(options: unknown) {
      updater.feeds.push(options);
      // electron-updater's channel setter does this; applyUpdateDecision must undo it.
      updater.allowDowngrade = true;
    },
    async checkForUpdates() {
      updater.checks += 1;
      throw new Error('net::ERR_CONNECTION_REFUSED');
    },
  };
  return updater;
}

describe('applying the decision', () => {
  it('configures the updater and resets allowDowngrade', () => {
    const updater = recordingUpdater();

    const applied = applyUpdateDecision(updater, decideUpdates({ ...policy, updateChannel: 'beta' }, 'nsis'), createMemoryLogger());

    expect(applied).toBe(true);
    expect(updater.feeds).toEqual([{ provider: 'generic', url: SERVER, channel: 'beta' }]);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(true);
  });

  it('switches auto download off when updates are off', () => {
    const updater = recordingUpdater();

    applyUpdateDecision(updater, decideUpdates(policy, 'msi'), createMemoryLogger());

    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.feeds).toEqual([]);
  });

  it('logs a failed check instead of throwing', async () => {
    const updater = recordingUpdater();
    const log = createMemoryLogger();

    const schedule = scheduleUpdateChecks(updater, log, 60_000);
    await new Promise((resolve) => setImmediate(resolve));
    schedule.stop();

    expect(updater.checks).toBe(1);
    expect(log.records[0]?.message).toBe('updates: check failed');
  });
});

describe('install kind', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'antragsdesk-install-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function context(overrides: Partial<InstallContext>): InstallContext {
    return { platform: 'linux', isPackaged: true, resourcesPath: join(folder, 'resources'), exePath: join(folder, 'antragsdesk'), env: {}, ...overrides };
  }

  const msiRegistry: RegistryReader = {
    readKey: async (hive, path) => (hive === 'HKLM' && path === 'SOFTWARE\\Antragsdesk' ? { values: { InstallKind: { type: 'REG_SZ', data: 'msi' } }, subkeys: {} } : null),
  };
  const emptyRegistry: RegistryReader = { readKey: async () => null };

  it('finds the MSI marker in HKLM', async () => {
    expect(await detectInstallKind(context({ platform: 'win32', registry: msiRegistry }))).toBe('msi');
  });

  it('finds the NSIS uninstaller next to the executable', async () => {
    await writeFile(join(folder, 'Uninstall Antragsdesk.exe'), '');

    expect(await detectInstallKind(context({ platform: 'win32', registry: emptyRegistry, exePath: join(folder, 'Antragsdesk.exe') }))).toBe('nsis');
  });

  it('treats Windows without marker or uninstaller as unpacked', async () => {
    expect(await detectInstallKind(context({ platform: 'win32', registry: emptyRegistry }))).toBe('unpacked');
  });

  it('reads package-type of a deb install', async () => {
    await mkdir(join(folder, 'resources'));
    await writeFile(join(folder, 'resources', 'package-type'), 'deb\n');

    expect(await detectInstallKind(context({}))).toBe('deb');
  });

  it('recognises an AppImage by its environment', async () => {
    expect(await detectInstallKind(context({ env: { APPIMAGE: '/opt/Antragsdesk.AppImage' } }))).toBe('appimage');
  });

  it('reports development for an unpackaged start', async () => {
    expect(await detectInstallKind(context({ isPackaged: false }))).toBe('development');
  });
});
