// Size-based rotation: when main.log reaches LOG_MAX_BYTES it becomes main.1.log, the older
// archives move up by one and the oldest beyond LOG_ARCHIVES is deleted.
import { rmSync, renameSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_ARCHIVES = 3;

export function archivePath(logFile: string, index: number): string {
  const extension = extname(logFile);
  return join(dirname(logFile), `${basename(logFile, extension)}.${index}${extension}`);
}

/** Shifts the archives and moves the current log file to archive 1. Synchronous, like the log writer. */
export function rotateLogFile(logFile: string, archives: number = LOG_ARCHIVES): void {
  const oldest = archivePath(logFile, archives);
  if (existsSync(oldest)) rmSync(oldest);

  for (let index = archives - 1; index >= 1; index -= 1) {
    const from = archivePath(logFile, index);
    if (existsSync(from)) renameSync(from, archivePath(logFile, index + 1));
  }

  if (existsSync(logFile)) renameSync(logFile, archivePath(logFile, 1));
}

/** Lists the current log file and its archives that exist on disk, newest first. */
export function logFilesOf(logFile: string, archives: number = LOG_ARCHIVES): string[] {
  const files = [logFile];
  for (let index = 1; index <= archives; index += 1) files.push(archivePath(logFile, index));
  return files.filter((file) => existsSync(file));
}
