// RegistryReader for Windows that runs `reg query <key> /s` (reg.exe ships with every Windows).
// NOTE: only parseRegQueryOutput is tested, against captured output; the child process itself
// has never run here because this machine has no Windows.
import { execFile } from 'node:child_process';
import type { RegistryHive, RegistryKey, RegistryReader } from './registry.ts';
import { hiveLongName } from './registry.ts';

const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

function emptyKey(): RegistryKey {
  return { values: {}, subkeys: {} };
}

function parseData(type: string, raw: string): string | number | string[] {
  if (type === 'REG_DWORD' || type === 'REG_QWORD') return Number.parseInt(raw, 16);
  // reg.exe prints the strings of a REG_MULTI_SZ separated by a literal "\0".
  if (type === 'REG_MULTI_SZ') return raw === '' ? [] : raw.split('\\0');
  return raw;
}

/**
 * Parses the output of `reg query <root> /s` into a tree below root. Header lines name the full
 * key path (HKEY_LOCAL_MACHINE\…); value lines are indented by four spaces and separated by four
 * spaces.
 */
export function parseRegQueryOutput(output: string, rootPath: string): RegistryKey {
  const root = emptyKey();
  const rootLower = rootPath.toLowerCase();
  let current: RegistryKey | null = null;

  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === '') continue;

    const value = VALUE_LINE.exec(line);
    if (value && current) {
      const [, name = '', type = 'REG_SZ', raw = ''] = value;
      current.values[name === '(Default)' ? '' : name] = { type, data: parseData(type, raw) };
      continue;
    }

    if (!line.startsWith(' ') && line.toLowerCase().startsWith(rootLower)) {
      const relative = line.slice(rootPath.length).replace(/^\\/, '');
      current = root;
      for (const segment of relative.split('\\').filter(Boolean)) {
        current.subkeys[segment] ??= emptyKey();
        current = current.subkeys[segment];
      }
    }
  }

  return root;
}

export function createRegQueryReader(): RegistryReader {
  return {
    readKey(hive: RegistryHive, path: string): Promise<RegistryKey | null> {
      const fullPath = `${hiveLongName(hive)}\\${path}`;
      return new Promise((resolve, reject) => {
        execFile('reg', ['query', fullPath, '/s'], { windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
          // reg.exe exits with 1 and "unable to find" when the key does not exist: no policy set.
          if (error && (error as { code?: unknown }).code === 1) return resolve(null);
          if (error) return reject(new Error(`reg query ${fullPath} failed: ${stderr.trim() || error.message}`));
          resolve(parseRegQueryOutput(stdout, fullPath));
        });
      });
    },
  };
}
