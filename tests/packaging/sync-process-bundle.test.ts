// The first-sync process as electron-vite bundles it (out/main): the entry must find its worker
// script next to it and the threads must load, better-sqlite3 included. A moved chunk or a wrong
// entry name would only show in the packaged app otherwise.
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCacheDatabase } from '../../src-main/clerk/cache/index.ts';

const repository = new URL('../../', import.meta.url).pathname;
const bundledProcess = join(repository, 'out', 'main', 'initial-sync-process.js');
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

it('bundled sync process starts its threads and reports a portal failure', async () => {
  expect(existsSync(bundledProcess), 'run `npx electron-vite build` first').toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'antragsdesk-bundle-'));
  folders.push(dataDir);
  const opened = openCacheDatabase({ dataDir, userId: 'user-bundle', authorityId: 'schwerin' });
  opened.database.close();

  const child = fork(bundledProcess, [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const failed = new Promise<{ name: string; kind?: string }>((resolve, reject) => {
    child.on('message', (message: { type: string; error?: { name: string; kind?: string } }) => {
      if (message.type === 'failed') resolve(message.error!);
    });
    child.on('exit', (code) => reject(new Error(`sync process exited with ${code} before it reported`)));
  });

  // Port 9 on the loopback address is closed here, so the reader thread's first request fails.
  child.send({
    type: 'start', cachePath: opened.path, after: 0, pageSize: 10,
    portal: { baseUrl: 'http://127.0.0.1:9', token: 'not-a-session', retries: 0, timeoutMs: 2_000 },
  });
  const error = await failed;
  child.kill();

  expect(error.name).toBe('PortalError');
  expect(error.kind).toBe('network');
});
