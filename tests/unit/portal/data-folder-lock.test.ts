// The lock that keeps a second portal off a data folder, against real files and processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, lockDataFolder } from '../../../portal/src/data-folder-lock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'antragsdesk-lock-'));
  dirs.push(dir);
  return dir;
}

/** Starts a process whose command line is `argv`, and returns its pid once it runs. */
async function runningProcess(argv: string[]): Promise<number> {
  const child = spawn(argv[0]!, argv.slice(1), { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lockDataFolder', () => {
  it('writes the process id and removes it on release', () => {
    const dir = dataDir();

    const lock = lockDataFolder(dir);

    expect(readFileSync(join(dir, 'portal.pid'), 'utf8').trim()).toBe(String(process.pid));
    expect(lock.takenOverFrom).toBeNull();
    lock.release();
    expect(existsSync(join(dir, 'portal.pid'))).toBe(false);
  });

  it('rejects a folder held by a running portal', async () => {
    const dir = dataDir();
    // A process whose command line names the portal, like `node portal/src/cli.ts`.
    const portalPid = await runningProcess([process.execPath, '-e', 'setTimeout(() => {}, 30_000)', 'portal/src/cli.ts']);
    writeFileSync(join(dir, 'portal.pid'), `${portalPid}\n`);

    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    expect(() => lockDataFolder(dir)).toThrow(`in use by another portal process (pid ${portalPid})`);
    expect(readFileSync(join(dir, 'portal.pid'), 'utf8').trim()).toBe(String(portalPid));
  });

  it('takes over the file of an ended process', async () => {
    const dir = dataDir();
    const ended = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => ended.once('exit', resolve));
    writeFileSync(join(dir, 'portal.pid'), `${ended.pid}\n`);

    const lock = lockDataFolder(dir);

    expect(lock.takenOverFrom).toBe(ended.pid);
    expect(readFileSync(join(dir, 'portal.pid'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('takes over its own process id, as after a container restart', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'portal.pid'), `${process.pid}\n`);

    const lock = lockDataFolder(dir);

    expect(lock.takenOverFrom).toBe(process.pid);
    lock.release();
  });

  it('takes over an id that another program now has', async () => {
    const dir = dataDir();
    const otherPid = await runningProcess(['sleep', '30']);
    writeFileSync(join(dir, 'portal.pid'), `${otherPid}\n`);

    const lock = lockDataFolder(dir);

    expect(lock.takenOverFrom).toBe(otherPid);
    lock.release();
  });

  it('takes over a file without a process id', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'portal.pid'), 'kaputt\n');

    const lock = lockDataFolder(dir);

    expect(readFileSync(join(dir, 'portal.pid'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });
});
