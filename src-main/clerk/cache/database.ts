// Opens the clerk cache database: pragmas, integrity check, recovery from a damaged file and
// migrations. Every connection to a cache file is opened here (openFile), so this is the one
// place where encryption at rest would be switched on.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { cacheFilePath, moveCacheFileAside } from './cache-file.ts';
import { migrate } from './migrate.ts';

export interface OpenCacheDatabaseOptions {
  /** The app's user data folder; the cache goes into its `clerk-cache` subfolder. */
  dataDir: string;
  userId: string;
  authorityId: string;
  /** Clock for migration records and the name of a moved-aside file; injectable for tests. */
  now?: () => Date;
}

export interface OpenedCacheDatabase {
  database: Database;
  path: string;
  /**
   * True when the existing file was damaged and has been replaced by an empty database. The cache
   * then contains no applications and cursor 0, so the next sync fetches everything again.
   */
  recovered: boolean;
  /** New path of the damaged file, for support staff; null unless `recovered`. */
  movedAsidePath: string | null;
}

/** Raised when PRAGMA quick_check reports damage that did not already fail the open. */
export class CacheIntegrityError extends Error {
  constructor(problemCount: number) {
    super(`Clerk cache failed its integrity check with ${problemCount} problem(s).`);
    this.name = 'CacheIntegrityError';
  }
}

/**
 * Opens (or creates) the cache file of one user and authority and migrates it to the latest schema.
 *
 * A corrupt or unreadable file is moved aside and replaced by a fresh database, and the result
 * has `recovered: true`. Other failures are thrown unchanged: CacheSchemaTooNewError when a newer
 * app version wrote the file, and I/O errors such as a missing permission or a full disk, where a
 * fresh file would not help.
 */
export function openCacheDatabase(options: OpenCacheDatabaseOptions): OpenedCacheDatabase {
  const now = options.now ?? (() => new Date());
  const filePath = cacheFilePath(options.dataDir, options.userId, options.authorityId);
  mkdirSync(path.dirname(filePath), { recursive: true });

  try {
    return { database: openVerifiedDatabase(filePath, now), path: filePath, recovered: false, movedAsidePath: null };
  } catch (error) {
    if (!isDamagedFileError(error)) throw error;
  }

  const movedAsidePath = moveCacheFileAside(filePath, now());
  return { database: openVerifiedDatabase(filePath, now), path: filePath, recovered: true, movedAsidePath };
}

/**
 * Opens a second connection to a cache file that openCacheDatabase has already checked and
 * migrated, for the thread that writes a first sync (sync/initial-sync-writer.ts). Its
 * commits skip the fsync (synchronous=NORMAL): a power cut loses at most the last pages, together
 * with their cursor, and the next sync fetches them again. The outbox keeps its fsync, because it
 * is written only through the connection of openCacheDatabase.
 */
export function openCacheWriterConnection(filePath: string): Database {
  const database = openFile(filePath, { fileMustExist: true });

  try {
    applyPragmas(database);
    database.pragma('synchronous = NORMAL');
    // Fewer, larger checkpoints while 100 MB and more arrive (default 1,000 pages = 4 MB).
    database.pragma('wal_autocheckpoint = 10000');
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

// NOTE: the cache is not encrypted at rest yet. better-sqlite3 is built without SQLCipher; a
// SQLCipher build would set its key here, before the first statement reads the file.
function openFile(filePath: string, options?: BetterSqlite3.Options): Database {
  return new BetterSqlite3(filePath, options);
}

function openVerifiedDatabase(filePath: string, now: () => Date): Database {
  const database = openFile(filePath);

  try {
    applyPragmas(database);
    checkIntegrity(database);
    migrate(database, undefined, now);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

const PAGE_SIZE_BYTES = 16_384;

/**
 * WAL lets the renderer's queries read while a sync page is written. synchronous=FULL is a
 * per-connection setting in SQLite, not per table: it is chosen for the outbox of clerk actions,
 * which must survive a power cut once the clerk has seen "saved". With WAL it costs one fsync per
 * committed transaction, and the sync writes one transaction per feed page, so bulk sync stays fast.
 */
function applyPragmas(database: Database): void {
  // Takes effect only in a new, empty file (a WAL file keeps its page size). Snapshots of 1 to
  // 3 KB fill 16 KB pages better than the default 4 KB: a first sync of 100,000 applications
  // wrote about 15 % faster and built its indexes in two thirds of the time.
  database.pragma(`page_size = ${PAGE_SIZE_BYTES}`);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // Another connection of the same app (e.g. a worker) may hold the write lock briefly.
  database.pragma('busy_timeout = 5000');
}

/**
 * quick_check reads every page but skips the index-to-table cross-checks of integrity_check, so
 * it stays short enough to run at each start.
 */
function checkIntegrity(database: Database): void {
  const rows = database.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.filter((row) => row.quick_check !== 'ok');
  if (problems.length > 0) throw new CacheIntegrityError(problems.length);
}

function isDamagedFileError(error: unknown): boolean {
  if (error instanceof CacheIntegrityError) return true;
  if (!(error instanceof BetterSqlite3.SqliteError)) return false;

  // Extended codes such as SQLITE_CORRUPT_VTAB count as well.
  return error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB';
}
