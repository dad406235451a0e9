// Shows the German policy error page in a small window and ends the app with POLICY_EXIT_CODE
// when the window is closed.
import { app, BrowserWindow } from 'electron';
import { policyErrorDataUrl } from '../policy/error-page.ts';
import type { PolicyError } from '../policy/policy-error.ts';

/** EX_CONFIG from sysexits.h: configuration error. Deployment tools see a failed start. */
export const POLICY_EXIT_CODE = 78;

export async function showPolicyErrorAndExit(error: PolicyError): Promise<BrowserWindow> {
  await app.whenReady();

  const window = new BrowserWindow({
    width: 640,
    height: 460,
    resizable: false,
    minimizable: false,
    title: 'Antragsdesk kann nicht starten',
    autoHideMenuBar: true,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });

  // The page is static: block every navigation and popup away from it.
  window.webContents.on('will-navigate', (event: { preventDefault(): void }) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.on('closed', () => app.exit(POLICY_EXIT_CODE));

  await window.loadURL(policyErrorDataUrl(error));
  return window;
}
