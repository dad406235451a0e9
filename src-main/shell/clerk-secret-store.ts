// The clerk's session token, encrypted with Electron safeStorage (DPAPI on Windows, the desktop
// keyring on Linux) in a file in the user data folder. Where safeStorage cannot encrypt (a Linux
// session without a keyring), the token is kept in memory only, so the clerk signs in at each start.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../clerk/index.ts';
import { createMemorySecretStore } from '../clerk/index.ts';
import type { Logger } from '../logging/logger.ts';

export function createSafeStorageSecretStore(folder: string, log: Logger): SecretStore {
  const memory = createMemorySecretStore();
  const fileOf = (name: string) => path.join(folder, `${name}.bin`);
  let warned = false;

  function encryptionAvailable(): boolean {
    const available = safeStorage.isEncryptionAvailable();
    if (!available && !warned) {
      warned = true;
      log.warn('session: safeStorage unavailable, token kept in memory only');
    }
    return available;
  }

  return {
    read: async (name) => {
      if (!encryptionAvailable()) return memory.read(name);
      try {
        return safeStorage.decryptString(await readFile(fileOf(name)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        // A file from another user account or machine cannot be decrypted: drop it.
        log.warn('session: stored token unreadable, removed', { name });
        await rm(fileOf(name), { force: true });
        return null;
      }
    },
    write: async (name, value) => {
      if (!encryptionAvailable()) return memory.write(name, value);
      await mkdir(folder, { recursive: true });
      await writeFile(fileOf(name), safeStorage.encryptString(value), { mode: 0o600 });
    },
    delete: async (name) => {
      await memory.delete(name);
      await rm(fileOf(name), { force: true });
    },
  };
}
