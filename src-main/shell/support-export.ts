// Saves a support bundle where the user chooses (clerk menu "Hilfe > Support-Paket speichern …").
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { Logger } from '../logging/logger.ts';
import { LOG_FILE_NAME, logFilesOf } from '../logging/index.ts';
import type { EffectivePolicy } from '../policy/resolve.ts';
import { createSupportBundle, supportBundleName } from '../support/bundle.ts';
import type { InstallKind } from '../updates/install-kind.ts';

export async function exportSupportBundle(window: BrowserWindow | null, policy: EffectivePolicy, installKind: InstallKind, log: Logger): Promise<string | null> {
  const defaultPath = join(app.getPath('documents'), supportBundleName(new Date()));
  const options = {
    title: 'Support-Paket speichern',
    defaultPath,
    filters: [{ name: 'Support-Paket (tar.gz)', extensions: ['gz'] }],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;

  const bundle = await createSupportBundle({
    outputFile: choice.filePath,
    logFiles: logFilesOf(join(app.getPath('logs'), LOG_FILE_NAME)),
    app: { appVersion: app.getVersion(), electronVersion: process.versions.electron ?? 'unknown', platform: process.platform, arch: process.arch, installKind, mode: policy.values.mode },
    policy,
  });
  log.info('support: bundle saved', { entries: bundle.entries.length });
  return bundle.file;
}
