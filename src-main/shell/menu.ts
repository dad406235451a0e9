// Application menu. Clerk mode gets a small German menu with the support export. The kiosk gets
// no menu, so a citizen finds no way out of the form app.
import { Menu, type BrowserWindow } from 'electron';
import type { Logger } from '../logging/logger.ts';
import type { EffectivePolicy } from '../policy/resolve.ts';
import type { InstallKind } from '../updates/install-kind.ts';
import { exportSupportBundle } from './support-export.ts';

export function installApplicationMenu(window: BrowserWindow, policy: EffectivePolicy, installKind: InstallKind, log: Logger): void {
  if (policy.values.mode === 'kiosk') {
    Menu.setApplicationMenu(null);
    return;
  }

  Menu.setApplicationMenu(Menu.buildFromTemplate([
    { label: 'Datei', submenu: [{ role: 'quit', label: 'Beenden' }] },
    { label: 'Bearbeiten', submenu: [{ role: 'undo', label: 'Rückgängig' }, { role: 'redo', label: 'Wiederholen' }, { type: 'separator' }, { role: 'cut', label: 'Ausschneiden' }, { role: 'copy', label: 'Kopieren' }, { role: 'paste', label: 'Einfügen' }] },
    {
      label: 'Hilfe',
      submenu: [{
        label: 'Support-Paket speichern …',
        click: () => {
          exportSupportBundle(window, policy, installKind, log).catch((error: unknown) => log.error('support: bundle export failed', { error }));
        },
      }],
    },
  ]));
}
