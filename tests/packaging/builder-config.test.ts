import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder validates its configuration with app-builder-lib's validateConfiguration
// (the JSON schema app-builder-lib/scheme.json); `electron-builder` itself calls it before a build.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = require('js-yaml') as { load(text: string): unknown };

type Config = Record<string, unknown>;

interface RolloutConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  afterPack: string;
  msiProjectCreated: string;
  electronFuses?: unknown;
  publish: unknown;
  nsis: { perMachine: boolean };
  msi: { perMachine: boolean; upgradeCode: string };
  win: { signExts: string[]; signtoolOptions: { publisherName: string } };
  linux: { target: unknown };
}

async function loadConfig(): Promise<Config> {
  return yaml.load(await readFile(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder validation', async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('validator rejects a broken copy', async () => {
    const config = await loadConfig();
    config.nsis = { ...(config.nsis as object), perMachine: 'ja' };

    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/perMachine/);
  });

  it('sets the rollout essentials', async () => {
    const config = (await loadConfig()) as unknown as RolloutConfig;

    expect(config.appId).toBe('de.antragsdesk.desktop');
    expect(config.productName).toBe('Antragsdesk');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    expect(config.msiProjectCreated).toBe('./build/msi-project-created.mjs');
    expect(config.nsis.perMachine).toBe(true);
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.win.signExts).toEqual(expect.arrayContaining(['.dll', '.node']));
    expect(config.win.signtoolOptions.publisherName).toBeTruthy();
    expect(config.publish).toMatchObject({ provider: 'generic' });
    expect(config.electronFuses).toBeUndefined();
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
  });
});
