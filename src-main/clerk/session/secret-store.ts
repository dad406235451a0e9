// Where the clerk's session token is kept between app starts. The shell implements this with
// Electron safeStorage (DPAPI on Windows, the keyring on Linux). Tests and the end-to-end harness
// use the plain file or memory versions below, which do not encrypt.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SecretStore {
  read(name: string): Promise<string | null>;
  write(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Keeps secrets in memory only: nothing survives a restart. */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    read: async (name) => values.get(name) ?? null,
    write: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => {
      values.delete(name);
    },
  };
}

/** Keeps each secret as a plain file (mode 0600) in a folder. For tests and the harness, not for production. */
export function createPlainFileSecretStore(folder: string): SecretStore {
  const fileOf = (name: string) => {
    if (!/^[a-z0-9-]{1,64}$/.test(name)) throw new Error(`Invalid secret name ${JSON.stringify(name)}; expected lower-case letters, digits and dashes`);
    return path.join(folder, `${name}.secret`);
  };

  return {
    read: async (name) => {
      try {
        return readFileSync(fileOf(name), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write: async (name, value) => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(fileOf(name), value, { mode: 0o600 });
    },
    delete: async (name) => {
      rmSync(fileOf(name), { force: true });
    },
  };
}
