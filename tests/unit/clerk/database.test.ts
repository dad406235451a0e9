import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CacheSchemaTooNewError,
  LATEST_SCHEMA_VERSION,
  cacheFilePath,
  openCacheDatabase,
  openClerkCache,
} from '../../../src-main/clerk/cache/index.ts';
import { AUTHORITY_ID, OTHER_USER_ID, USER_ID, clockAt, feedPage, makeApplication, makeTempDir, upserts } from './helpers.ts';

const tempDirs: string[] = [];

function tempDataDir(): string {
  const dir = makeTempDir();
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Creates a cache file with one application and closes it again. */
function createFilledCache(dataDir: string): string {
  const { cache, path: filePath } = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
  cache.applyFeedPage(feedPage(upserts(makeApplication(1)), 7));
  cache.close();
  return filePath;
}

describe('openCacheDatabase', () => {
  it('creates one file per user and authority', () => {
    const dataDir = tempDataDir();

    const first = openCacheDatabase({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
    const second = openCacheDatabase({ dataDir, userId: OTHER_USER_ID, authorityId: AUTHORITY_ID });
    const third = openCacheDatabase({ dataDir, userId: USER_ID, authorityId: 'lk-lup' });

    expect(new Set([first.path, second.path, third.path]).size).toBe(3);
    expect(path.dirname(first.path)).toBe(path.join(dataDir, 'clerk-cache'));
    expect(existsSync(first.path)).toBe(true);
    for (const opened of [first, second, third]) opened.database.close();
  });

  it('keeps unsafe ids inside the cache folder', () => {
    const dataDir = tempDataDir();

    const filePath = cacheFilePath(dataDir, '../../etc/passwd', 'a/b');

    expect(path.dirname(filePath)).toBe(path.join(dataDir, 'clerk-cache'));
    expect(path.basename(filePath)).not.toContain('..');
    expect(cacheFilePath(dataDir, 'x/y', 'a')).not.toBe(cacheFilePath(dataDir, 'x_y', 'a'));
  });

  it('rejects empty user or authority ids', () => {
    expect(() => cacheFilePath(tempDataDir(), '', AUTHORITY_ID)).toThrow(/userId and authorityId are required/);
    expect(() => cacheFilePath(tempDataDir(), USER_ID, '')).toThrow(/userId and authorityId are required/);
  });

  it('sets WAL and synchronous FULL', () => {
    const opened = openCacheDatabase({ dataDir: tempDataDir(), userId: USER_ID, authorityId: AUTHORITY_ID });

    expect(opened.database.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL
    expect(opened.database.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.recovered).toBe(false);
    opened.database.close();
  });

  it('records every migration once', () => {
    const dataDir = tempDataDir();
    const first = openCacheDatabase({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID, now: clockAt('2026-05-04T10:00:00Z') });
    first.database.close();

    const reopened = openCacheDatabase({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
    const rows = reopened.database.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();
    reopened.database.close();

    expect(rows).toHaveLength(LATEST_SCHEMA_VERSION);
    expect(rows[0]).toEqual({ version: 1, name: 'initial', applied_at: '2026-05-04T10:00:00.000Z' });
  });

  it('keeps data across reopen', () => {
    const dataDir = tempDataDir();
    createFilledCache(dataDir);

    const { cache, recovered } = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });

    expect(recovered).toBe(false);
    expect(cache.readSyncState().cursor).toBe(7);
    expect(cache.getApplication(makeApplication(1).id)?.reference).toBe('SN-2026-000001');
    cache.close();
  });
});

describe('newer schema version', () => {
  it('is rejected naming both versions', () => {
    const dataDir = tempDataDir();
    const filePath = createFilledCache(dataDir);
    const newerVersion = LATEST_SCHEMA_VERSION + 3;

    const raw = new BetterSqlite3(filePath);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(newerVersion, 'from_the_future', '2030-01-01T00:00:00.000Z');
    raw.close();

    let caught: unknown;
    try {
      openCacheDatabase({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(CacheSchemaTooNewError);
    const error = caught as CacheSchemaTooNewError;
    expect(error.databaseVersion).toBe(newerVersion);
    expect(error.supportedVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(error.message).toContain(`schema version ${newerVersion}`);
    expect(error.message).toContain(`up to version ${LATEST_SCHEMA_VERSION}`);
  });

  it('leaves the newer file untouched', () => {
    const dataDir = tempDataDir();
    const filePath = createFilledCache(dataDir);
    const raw = new BetterSqlite3(filePath);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(99, 'from_the_future', '2030-01-01T00:00:00.000Z');
    raw.close();

    expect(() => openCacheDatabase({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID })).toThrow(CacheSchemaTooNewError);

    const files = readdirSync(path.dirname(filePath));
    expect(files.some((name) => name.includes('.corrupt-'))).toBe(false);
    const check = new BetterSqlite3(filePath, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 1 });
    check.close();
  });
});

describe('damaged cache file', () => {
  const now = clockAt('2026-10-25T01:30:00.000Z');

  function expectFreshRecovery(dataDir: string, filePath: string): void {
    const { cache, recovered, movedAsidePath } = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID, now });

    expect(recovered).toBe(true);
    expect(movedAsidePath).toBe(`${filePath}.corrupt-2026-10-25T01-30-00-000Z`);
    expect(existsSync(movedAsidePath as string)).toBe(true);
    expect(cache.readSyncState()).toEqual({ cursor: 0, lastSyncedAt: null });
    expect(cache.queryInbox({}, { field: 'received', direction: 'asc' }, { limit: 10, offset: 0 }).total).toBe(0);

    // The fresh file works as a cache again.
    cache.applyFeedPage(feedPage(upserts(makeApplication(2)), 3));
    expect(cache.readSyncState().cursor).toBe(3);
    cache.close();
  }

  it('with garbage bytes is moved aside', () => {
    const dataDir = tempDataDir();
    const filePath = createFilledCache(dataDir);

    writeFileSync(filePath, Buffer.alloc(64 * 1024, 0x5a));

    expectFreshRecovery(dataDir, filePath);
  });

  it('with garbage after the header is moved aside', () => {
    const dataDir = tempDataDir();
    const filePath = createFilledCache(dataDir);

    // The intact 100-byte header lets SQLite open the file; every page after it is garbage.
    const bytes = readFileSync(filePath);
    bytes.fill(0xa5, 100);
    writeFileSync(filePath, bytes);

    expectFreshRecovery(dataDir, filePath);
  });

  it('truncated to half is moved aside', () => {
    const dataDir = tempDataDir();
    const { cache, path: filePath } = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
    // Enough rows to span many pages, so that cutting the file loses pages the schema points to.
    cache.applyFeedPage(feedPage(upserts(...Array.from({ length: 300 }, (_, index) => makeApplication(index + 1)))));
    cache.database.pragma('wal_checkpoint(TRUNCATE)');
    cache.close();

    truncateSync(filePath, Math.floor(statSync(filePath).size / 2));

    expectFreshRecovery(dataDir, filePath);
  });

  it('leaves no stale write-ahead log', () => {
    const dataDir = tempDataDir();
    const filePath = createFilledCache(dataDir);
    writeFileSync(`${filePath}-wal`, Buffer.alloc(4096, 0x11));
    writeFileSync(filePath, Buffer.alloc(8192, 0x5a));

    const opened = openCacheDatabase({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID, now });
    opened.database.close();
    const reopened = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID, now });

    expect(opened.recovered).toBe(true);
    expect(reopened.recovered).toBe(false);
    expect(reopened.cache.readSyncState().cursor).toBe(0);
    reopened.cache.close();
  });

  it('twice in one millisecond gets two names', () => {
    const dataDir = tempDataDir();
    const filePath = createFilledCache(dataDir);

    writeFileSync(filePath, Buffer.alloc(8192, 0x5a));
    const first = openCacheDatabase({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID, now });
    first.database.close();
    writeFileSync(filePath, Buffer.alloc(8192, 0x5a));
    const second = openCacheDatabase({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID, now });
    second.database.close();

    expect(second.recovered).toBe(true);
    expect(second.movedAsidePath).not.toBe(first.movedAsidePath);
    expect(existsSync(first.movedAsidePath as string)).toBe(true);
    expect(existsSync(second.movedAsidePath as string)).toBe(true);
  });
});
