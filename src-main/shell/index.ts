// Electron entry point. Only this folder imports electron; all logic lives in plain Node modules.
import { app } from 'electron';
import { createRegQueryReader } from '../policy/reg-query.ts';
import { createElectronLogger } from './electron-logger.ts';
import { startShell } from './start.ts';

void startShell({
  platform: process.platform,
  env: process.env,
  argv: process.argv,
  resourcesPath: process.resourcesPath,
  ...(process.platform === 'win32' ? { registry: createRegQueryReader() } : {}),
  createLogger: createElectronLogger,
  // electron-updater requires electron at load time, so it is loaded only when updates are on.
  loadUpdater: async () => (await import('electron-updater')).autoUpdater,
}).catch((error: unknown) => {
  console.error('app: start failed', error);
  app.exit(1);
});
