// One portal process per data folder. The embedded default keeps login lockouts and rate limits in
// the memory of its process, so a second portal on the same folder would count separately and let
// twice the attempts through. The lock is a file with the process id. A file left by a process
// that no longer runs (a crash, a kill -9) is taken over.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'portal.pid';

export class DataFolderInUseError extends Error {
  readonly pid: number;

  constructor(dataDir: string, pid: number, lockFile: string) {
    super(
      `data folder ${dataDir} is in use by another portal process (pid ${pid}). Stop that process, or start this one with another ` +
        `--data folder. If no portal runs, delete ${lockFile}.`,
    );
    this.name = 'DataFolderInUseError';
    this.pid = pid;
  }
}

export interface DataFolderLock {
  /** Gives the data folder back. */
  release(): void;
  /** Process id in a lock file that was left behind and taken over, or null. */
  takenOverFrom: number | null;
}

/**
 * Takes the data folder for this process. Throws DataFolderInUseError while another running portal
 * process has taken it.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, LOCK_FILE_NAME);

  // Two rounds: the second runs after a stale file from an ended process was removed.
  let takenOverFrom: number | null = null;
  for (let round = 0; round < 2; round += 1) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return { release: () => releaseDataFolder(lockFile), takenOverFrom };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }

    const holder = readHolder(lockFile);
    if (holder !== null && isOtherPortal(holder)) throw new DataFolderInUseError(dataDir, holder, lockFile);
    takenOverFrom = holder;
    unlinkSync(lockFile);
  }
  throw new Error(`Could not create ${lockFile}: another process created it at the same time`);
}

/** Removes the lock file, unless another process has taken it over meanwhile. */
function releaseDataFolder(lockFile: string): void {
  if (readHolder(lockFile) === process.pid) unlinkSync(lockFile);
}

/** Reads the process id from the lock file, or returns null when the file is gone or contains no id. */
function readHolder(lockFile: string): number | null {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Tells whether the process with this id may be another portal. The id in a stale file can belong
 * to this very process (a container restart gives the portal pid 1 again) or, after a reboot, to
 * another program. Linux names each process's command line in /proc, so an id whose command
 * line does not mention the portal is stale there too.
 */
function isOtherPortal(pid: number): boolean {
  if (pid === process.pid || !isRunning(pid)) return false;

  let commandLine: string;
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // Not Linux, or not readable: a running process counts as a portal.
    return true;
  }
  return commandLine.includes('portal');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
