// Detection of the installer that put this copy of the app on the machine. The install kind decides
// whether the app may update itself. MSI installs belong to the software distribution (SCCM,
// Intune) and deb/rpm installs to the package repository, so only NSIS, AppImage and macOS
// installs self-update.
import { readFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RegistryReader } from '../policy/registry.ts';

export type InstallKind = 'nsis' | 'msi' | 'deb' | 'rpm' | 'pacman' | 'appimage' | 'mac' | 'portable' | 'unpacked' | 'development';

/**
 * Registry value the MSI writes (build/msi-project-created.cjs adds it to the WiX project):
 * HKLM\SOFTWARE\Antragsdesk, value InstallKind = "msi". Uninstalling the MSI removes it.
 */
export const MSI_MARKER_KEY = 'SOFTWARE\\Antragsdesk';
export const MSI_MARKER_VALUE = 'InstallKind';

export interface InstallContext {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string;
  /** Path of the app's executable (app.getPath('exe')). */
  exePath: string;
  env: Record<string, string | undefined>;
  registry?: RegistryReader;
  productName?: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function windowsInstallKind(context: InstallContext): Promise<InstallKind> {
  const marker = await context.registry?.readKey('HKLM', MSI_MARKER_KEY);
  const kind = marker && Object.entries(marker.values).find(([name]) => name.toLowerCase() === MSI_MARKER_VALUE.toLowerCase())?.[1];
  if (kind && typeof kind.data === 'string' && kind.data.toLowerCase() === 'msi') return 'msi';

  // The NSIS installer puts its uninstaller next to the executable; the MSI and the portable
  // build do not have one.
  const uninstaller = join(dirname(context.exePath), `Uninstall ${context.productName ?? 'Antragsdesk'}.exe`);
  if (await exists(uninstaller)) return 'nsis';
  return context.env.PORTABLE_EXECUTABLE_DIR ? 'portable' : 'unpacked';
}

async function linuxInstallKind(context: InstallContext): Promise<InstallKind> {
  if (context.env.APPIMAGE) return 'appimage';

  // electron-builder writes resources/package-type into deb, rpm and pacman packages; the same
  // file makes electron-updater pick its DebUpdater/RpmUpdater.
  try {
    const type = (await readFile(join(context.resourcesPath, 'package-type'), 'utf8')).trim();
    if (type === 'deb' || type === 'rpm' || type === 'pacman') return type;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return 'unpacked';
}

export async function detectInstallKind(context: InstallContext): Promise<InstallKind> {
  if (!context.isPackaged) return 'development';
  if (context.platform === 'win32') return windowsInstallKind(context);
  if (context.platform === 'darwin') return 'mac';
  return linuxInstallKind(context);
}
