// electron-builder afterPack hook: flips the Electron fuses of the packed binary and fails the
// build when that does not work.
//
// ANTRAGSDESK_SKIP_FUSES=1 skips the flip. It exists only for the packaging smoke test, which packs
// a stub instead of the real Electron binary (the Electron download is not available there);
// never set it for a release build.
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

export const SKIP_FUSES_VARIABLE = 'ANTRAGSDESK_SKIP_FUSES';

/** Fuse settings: no Node mode, no NODE_OPTIONS or inspector flags, only the checked app.asar. */
export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
};

/** Path of the Electron executable inside appOutDir, named as electron-builder names it. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;

  if (electronPlatformName === 'win32') return join(appOutDir, `${productFilename}.exe`);
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${productFilename}.app`);
  return join(appOutDir, packager.executableName);
}

async function verifyFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  for (const [option, enabled] of Object.entries(FUSES)) {
    // The fuse wire stores '1' for enabled and '0' for disabled, as character codes.
    const actual = String.fromCharCode(wire[option]);
    const expected = enabled ? '1' : '0';
    if (actual !== expected) throw new Error(`fuse ${FuseV1Options[option]} is ${actual}, expected ${expected}`);
  }
}

export default async function afterPack(context) {
  if (process.env[SKIP_FUSES_VARIABLE] === '1') {
    console.warn(`afterPack: ${SKIP_FUSES_VARIABLE}=1, Electron fuses NOT flipped; this build must not be shipped`);
    return;
  }

  const binary = electronBinaryPath(context);
  try {
    await flipFuses(binary, {
      version: FuseVersion.V1,
      // Flipping fuses breaks the ad-hoc signature of arm64 macOS binaries; re-sign ad hoc until
      // the real signature is applied.
      resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
      ...FUSES,
    });
    await verifyFuses(binary);
  } catch (error) {
    throw new Error(`afterPack: flipping Electron fuses in ${binary} failed: ${error.message}. ` +
      `A stub Electron (smoke build) needs ${SKIP_FUSES_VARIABLE}=1; a release build needs the real binary.`, { cause: error });
  }
}
