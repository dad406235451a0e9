// File location of the clerk cache: one SQLite file per user and authority, so that two clerks
// sharing a Windows profile folder, or one clerk working for two authorities, never see each
// other's applications.
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const CACHE_FOLDER = 'clerk-cache';

// Ids from the portal are used in the file name as they are when they are plain tokens. Anything
// else (path separators, dots, non-ASCII) is replaced by a hash, so an id can never escape the folder.
const FILE_NAME_SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Returns the path of the cache file for a user and authority inside the app's data folder. */
export function cacheFilePath(dataDir: string, userId: string, authorityId: string): string {
  if (userId === '' || authorityId === '') throw new Error('userId and authorityId are required to locate the clerk cache');

  const fileName = `${fileNameToken(authorityId)}--${fileNameToken(userId)}.sqlite`;
  return path.join(dataDir, CACHE_FOLDER, fileName);
}

function fileNameToken(id: string): string {
  if (FILE_NAME_SAFE_ID.test(id)) return id;
  return `h${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
}

/**
 * Moves a damaged cache file aside as `<name>.corrupt-<timestamp>` and returns the new path. A
 * write-ahead log that is still there moves along (`…-wal`), because SQLite must not replay the
 * old log into the fresh file. (SQLite itself usually deletes the log when the failed connection
 * closes.) The shared-memory index is only a rebuildable cache, so it is deleted.
 */
export function moveCacheFileAside(filePath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${filePath}.corrupt-${stamp}`;
  for (let attempt = 2; existsSync(target); attempt += 1) target = `${filePath}.corrupt-${stamp}-${attempt}`;

  if (existsSync(filePath)) renameSync(filePath, target);
  if (existsSync(`${filePath}-wal`)) renameSync(`${filePath}-wal`, `${target}-wal`);
  rmSync(`${filePath}-shm`, { force: true });
  rmSync(`${filePath}-journal`, { force: true });

  return target;
}
