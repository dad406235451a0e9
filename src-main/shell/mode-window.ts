// Opens the window of the mode that policy chose: the clerk inbox or the kiosk.
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import type { PolicyValues } from '../policy/schema.ts';

export function openModeWindow(policy: PolicyValues): BrowserWindow {
  const mode = policy.mode;
  const root = app.getAppPath();
  const kiosk = mode === 'kiosk';

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    title: kiosk ? 'Bürgerterminal' : 'Antragsdesk',
    webPreferences: {
      // Preloads are built as CommonJS (<mode>.cjs), as sandboxed preloads must be.
      preload: join(root, 'out', 'preload', `${mode}.cjs`),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      // Chromium's built-in PDF viewer shows attachments in the clerk's in-app viewer; the kiosk
      // window is built elsewhere and never gets plugins.
      plugins: mode === 'clerk',
    },
  });

  window.once('ready-to-show', () => window.show());
  void window.loadFile(join(root, 'out', 'renderer', `${mode}.html`));
  return window;
}
