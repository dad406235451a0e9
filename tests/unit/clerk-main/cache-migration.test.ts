// Migrations 002 and 003 on a cache file written by the first schema: snapshots move to their own
// table, the outbox appears, and reads, tombstones and queries work on the migrated file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { cacheFilePath, migrate, openClerkCache } from '../../../src-main/clerk/cache/index.ts';
import { MIGRATIONS } from '../../../src-main/clerk/cache/migrations/index.ts';
import { AUTHORITY_ID, makeApplication, makeTempDir, USER_ID } from '../clerk/helpers.ts';
import { rmSync } from 'node:fs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writeVersionOneCache(): string {
  const dataDir = makeTempDir();
  dirs.push(dataDir);
  const file = cacheFilePath(dataDir, USER_ID, AUTHORITY_ID);
  mkdirSync(path.dirname(file), { recursive: true });

  const database = new BetterSqlite3(file);
  migrate(database, MIGRATIONS.slice(0, 1));
  const application = makeApplication(1, { applicantName: 'Erika Musterfrau' });
  database.prepare(`
    INSERT INTO applications (id, reference, version, status, service_id, service_name, channel, applicant_name,
      applicant_sort_key, received_at, deadline, assignee_id, follow_up, needs_attention, updated_at, snapshot)
    VALUES (?, ?, 1, 'submitted', ?, ?, 'online', ?, 'musterfrau', ?, ?, NULL, NULL, 0, ?, ?)
  `).run(application.id, application.reference, application.serviceId, application.serviceName, application.applicantName,
    application.receivedAt, application.deadline, application.updatedAt, JSON.stringify(application));
  database.prepare('UPDATE sync_state SET cursor = 7').run();
  database.close();
  return dataDir;
}

it('migration keeps snapshots and cursor', () => {
  const dataDir = writeVersionOneCache();

  const { cache } = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
  try {
    expect(cache.getApplication(makeApplication(1).id)?.applicantName).toBe('Erika Musterfrau');
    expect(cache.readSyncState().cursor).toBe(7);
    expect(cache.queryInbox({}, { field: 'received', direction: 'asc' }, { limit: 10, offset: 0 }).total).toBe(1);
    const columns = (cache.database.prepare('PRAGMA table_info(applications)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).not.toContain('snapshot');
    const outbox = cache.database.prepare('SELECT count(*) AS count FROM outbox').get() as { count: number };
    expect(outbox.count).toBe(0);
  } finally {
    cache.close();
  }
});

it('tombstone removes the snapshot row', () => {
  const dataDir = writeVersionOneCache();

  const { cache } = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
  try {
    cache.applyFeedPage({ changes: [{ seq: 8, kind: 'tombstone', applicationId: makeApplication(1).id }], cursor: 8, hasMore: false });

    expect(cache.getApplication(makeApplication(1).id)).toBeNull();
    const snapshots = cache.database.prepare('SELECT count(*) AS count FROM application_snapshots').get() as { count: number };
    expect(snapshots.count).toBe(0);
  } finally {
    cache.close();
  }
});

it('inbox total follows a new page', () => {
  const dataDir = makeTempDir();
  dirs.push(dataDir);
  const { cache } = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
  try {
    const all = () => cache.queryInbox({ search: 'testperson' }, { field: 'received', direction: 'asc' }, { limit: 10, offset: 0 }).total;
    cache.applyFeedPage({ changes: [{ seq: 1, kind: 'upsert', application: makeApplication(1) }], cursor: 1, hasMore: false });
    expect(all()).toBe(1);

    cache.applyFeedPage({ changes: [{ seq: 2, kind: 'upsert', application: makeApplication(2) }], cursor: 2, hasMore: false });
    expect(all()).toBe(2);
  } finally {
    cache.close();
  }
});
