// Finds a script that runs in its own process or thread. electron-vite bundles it as
// `<name>.js` next to the bundled caller; tests and benchmarks run the `.ts` source directly.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Returns `<directory>/<name>.js` when it exists, else `<directory>/<name>.ts`. */
export function bundledOrSourceScript(directory: string, name: string): string {
  const base = path.join(directory, name);
  return existsSync(`${base}.js`) ? `${base}.js` : `${base}.ts`;
}
