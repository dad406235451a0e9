// Starts the packaged-layout app (`out/` from `npm run build`) in real Electron with a temp user
// data folder, against a real portal process.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';

export const REPO_ROOT = join(import.meta.dirname, '../..');

/** Path of the Electron binary, or null where it was never downloaded. */
export function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export interface LaunchedApp {
  app: ElectronApplication;
  userData: string;
  close(): Promise<void>;
}

/** Launches the app with policy flags (e.g. `--portal-url=…`, `--mode=clerk`). */
export async function launchApp(flags: string[]): Promise<LaunchedApp> {
  const executablePath = electronBinary();
  if (!executablePath) throw new Error('Electron binary missing: run node node_modules/electron/install.js');

  const userData = mkdtempSync(join(tmpdir(), 'antragsdesk-electron-'));
  const app = await electron.launch({
    executablePath,
    args: [REPO_ROOT, `--user-data-dir=${userData}`, ...flags],
    cwd: REPO_ROOT,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });

  return {
    app,
    userData,
    close: async () => {
      await app.close().catch(() => undefined);
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
