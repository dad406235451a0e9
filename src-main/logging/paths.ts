// The standard per-user folders of the app, the same ones Electron's app.getPath('userData') and
// electron-log use by default (electron-log 5: userData/logs on Windows and Linux,
// ~/Library/Logs/<name> on macOS).
import { posix, win32 } from 'node:path';

export const APP_NAME = 'Antragsdesk';

export interface UserFolderOptions {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
}

export function userDataDirectory(options: UserFolderOptions): string {
  if (options.platform === 'win32') {
    return win32.join(options.env.APPDATA ?? win32.join(options.home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (options.platform === 'darwin') return posix.join(options.home, 'Library', 'Application Support', APP_NAME);
  return posix.join(options.env.XDG_CONFIG_HOME || posix.join(options.home, '.config'), APP_NAME);
}

export function logDirectory(options: UserFolderOptions): string {
  if (options.platform === 'darwin') return posix.join(options.home, 'Library', 'Logs', APP_NAME);
  const join = options.platform === 'win32' ? win32.join : posix.join;
  return join(userDataDirectory(options), 'logs');
}

export const LOG_FILE_NAME = 'main.log';
