// Migration 5 on a real cache file written at schema version 4. The search index is rebuilt
// without prefix indexes from the tokens of the old one. Search rows that an interrupted first sync
// left in the staging table move into the index.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Application, FeedChange } from '../../../src-shared/api.ts';
import { cacheFilePath, createClerkCache, migrate, openClerkCache, type ClerkCache } from '../../../src-main/clerk/cache/index.ts';
import { MIGRATIONS } from '../../../src-main/clerk/cache/migrations/index.ts';
import { searchDocument } from '../../../src-main/clerk/cache/search-text.ts';
import { AUTHORITY_ID, USER_ID, makeApplication, makeTempDir } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function person(familyName: string, givenName: string, street: string, postcode: string, city: string) {
  return { applicant: { givenName, familyName, address: { street, postcode, city } } };
}

// Invented applicants; `n` is the last digit of the reference, which search results are compared by.
const MUELLER = makeApplication(1, { applicantName: 'Müller, Jürgen', formData: person('Müller', 'Jürgen', 'Schloßstraße 4', '19053', 'Schwerin') });
const WEISS = makeApplication(2, { applicantName: 'Weiß, Käthe', formData: person('Weiß', 'Käthe', 'Große Wasserstraße 12', '19288', 'Ludwigslust') });
const OEZDEMIR = makeApplication(3, { applicantName: 'Özdemir, Hülya', formData: person('Özdemir', 'Hülya', 'Lübecker Straße 3', '19300', 'Grabow') });
const PETERSEN = makeApplication(4, { applicantName: 'Petersen, Anja', formData: person('Petersen', 'Anja', 'Gartenweg 7', '19306', 'Neustadt-Glewe') });
// Version 2 of application 4: the applicant's name changed, so the old tokens must not come back.
const STRAUSS = { ...PETERSEN, version: 2, applicantName: 'Strauß, Anja', formData: person('Strauß', 'Anja', 'Gartenweg 7', '19306', 'Neustadt-Glewe') };
const KOEHLER = makeApplication(5, { applicantName: 'Köhler, Bärbel', formData: person('Köhler', 'Bärbel', 'Mühlenstraße 9', '19053', 'Schwerin') });
// Stored as a row with its search tokens in search_staging only, as an interrupted first sync left it.
const BAEUMER = makeApplication(6, { applicantName: 'Bäumer, Dörte', formData: person('Bäumer', 'Dörte', 'Am Störkanal 2', '19370', 'Parchim') });

// Search inputs and the applications (last digit of the reference) they find before and after.
const SEARCHES: readonly { input: string; expected: string[] }[] = [
  { input: 'mueller', expected: ['1'] },
  { input: 'muller', expected: ['1'] },
  { input: 'Müller', expected: ['1'] },
  { input: 'weiss', expected: ['2'] },
  { input: 'Weiß', expected: ['2'] },
  { input: 'strauss', expected: ['4'] },
  { input: 'schlossstrasse', expected: ['1'] },
  { input: 'Große Wasserstr', expected: ['2'] },
  { input: 'oezdemir', expected: ['3'] },
  { input: 'ozdemir', expected: ['3'] },
  // Prefixes of two and three letters, which the old index matched through its prefix indexes.
  { input: 'gr', expected: ['2', '3'] },
  { input: 'öz', expected: ['3'] },
  { input: 'mü', expected: ['1'] },
  { input: 'Jür', expected: ['1'] },
  { input: 'SN-2026-000002', expected: ['2'] },
  { input: 'SN2026000003', expected: ['3'] },
  { input: '000004', expected: ['4'] },
  { input: '19288', expected: ['2'] },
  { input: 'Müller Schwerin', expected: ['1'] },
  // The name before the update and the deleted application are gone from the index.
  { input: 'petersen', expected: [] },
  { input: 'koehler', expected: [] },
  { input: 'xyz', expected: [] },
];

function tombstone(seq: number, applicationId: string): FeedChange {
  return { seq, kind: 'tombstone', applicationId };
}

function upsert(seq: number, application: Application): FeedChange {
  return { seq, kind: 'upsert', application };
}

/** Creates a cache file at schema version 4 in a temp folder, at the path the app would use. */
function openVersion4File(): { database: Database; cache: ClerkCache; dataDir: string } {
  const dataDir = makeTempDir();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const filePath = cacheFilePath(dataDir, USER_ID, AUTHORITY_ID);
  // openCacheDatabase would make the folder; this test bypasses it to stop at version 4.
  mkdirSync(path.dirname(filePath), { recursive: true });

  const database = new BetterSqlite3(filePath);
  database.pragma('journal_mode = WAL');
  cleanups.push(() => {
    if (database.open) database.close();
  });
  migrate(database, MIGRATIONS.slice(0, 4));

  return { database, cache: createClerkCache(database, { userId: USER_ID }), dataDir };
}

/** Moves the search row of an application into search_staging, as the bulk mode of version 4 wrote it. */
function stageSearchRow(database: Database, application: Application): void {
  const { rowId } = database.prepare('SELECT row_id AS rowId FROM applications WHERE id = ?').get(application.id) as { rowId: number };
  const tokens = searchDocument(application);

  database.prepare('DELETE FROM application_search WHERE rowid = ?').run(rowId);
  database
    .prepare('INSERT INTO search_staging (row_id, reference, applicant, address, form) VALUES (?, ?, ?, ?, ?)')
    .run(rowId, tokens.reference, tokens.applicant, tokens.address, tokens.form);
}

function search(cache: ClerkCache, input: string): { found: string[]; total: number } {
  const page = cache.queryInbox({ search: input }, { field: 'received', direction: 'asc' }, { limit: 100, offset: 0 });
  return { found: page.rows.map((row) => row.reference.slice(-1)), total: page.total };
}

function searchAll(cache: ClerkCache): Record<string, string[]> {
  return Object.fromEntries(SEARCHES.map(({ input }) => [input, search(cache, input).found]));
}

function tableSql(database: Database, name: string): string | null {
  const row = database.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(name) as { sql: string } | undefined;
  return row?.sql ?? null;
}

function schemaVersion(database: Database): number {
  return (database.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number }).version;
}

describe('migration 5', () => {
  it('keeps search results and moves staged rows', () => {
    const { database, cache } = openVersion4File();
    expect(tableSql(database, 'application_search')).toContain("prefix = '2 3'");

    cache.applyFeedPage({ changes: [MUELLER, WEISS, OEZDEMIR, PETERSEN, KOEHLER, BAEUMER].map((application, index) => upsert(index + 1, application)), cursor: 6, hasMore: true });
    cache.applyFeedPage({ changes: [upsert(7, STRAUSS), tombstone(8, KOEHLER.id)], cursor: 8, hasMore: false });
    stageSearchRow(database, BAEUMER);

    const before = searchAll(cache);
    for (const { input, expected } of SEARCHES) expect(before[input], `before: ${input}`).toEqual(expected);
    expect(search(cache, 'baeumer').found).toEqual([]);

    const applied = migrate(database);
    // The app wraps the database anew at each start. The old wrapper keeps totals counted before the migration.
    const migrated = createClerkCache(database, { userId: USER_ID });

    expect(applied).toEqual([5]);
    expect(searchAll(migrated)).toEqual(before);
    // A search-only query takes its total from the index, so a stale index row would show here.
    for (const { input } of SEARCHES) expect(search(migrated, input).total, `total: ${input}`).toBe(search(migrated, input).found.length);
    for (const input of ['baeumer', 'Bäumer', 'baumer', 'dörte', 'störkanal', 'storkanal', '19370', 'SN2026000006']) {
      expect(search(migrated, input), `staged: ${input}`).toEqual({ found: ['6'], total: 1 });
    }
  });

  it('drops the staging table and the prefix option', () => {
    const { database, cache } = openVersion4File();
    cache.applyFeedPage({ changes: [upsert(1, MUELLER), upsert(2, BAEUMER)], cursor: 2, hasMore: false });
    stageSearchRow(database, BAEUMER);

    migrate(database);

    expect(tableSql(database, 'search_staging')).toBeNull();
    expect(tableSql(database, 'application_search_before_5')).toBeNull();
    expect(tableSql(database, 'application_search')).not.toMatch(/prefix/i);
    expect(tableSql(database, 'application_search')).toContain('contentless_delete = 1');
    expect(schemaVersion(database)).toBe(5);
    expect(database.prepare("SELECT name FROM sqlite_temp_master WHERE name LIKE 'search_tokens%'").all()).toEqual([]);
    expect(database.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('migrates an empty version 4 cache', () => {
    const { database, cache } = openVersion4File();

    migrate(database);

    expect(schemaVersion(database)).toBe(5);
    expect(search(cache, 'mueller')).toEqual({ found: [], total: 0 });
    cache.applyFeedPage({ changes: [upsert(1, MUELLER)], cursor: 1, hasMore: false });
    expect(search(cache, 'mü')).toEqual({ found: ['1'], total: 1 });
  });

  it('resumes an interrupted first sync after the update', () => {
    const { database, cache, dataDir } = openVersion4File();
    // Version 4 in bulk mode: secondary indexes dropped, every search row staged.
    cache.beginInitialLoad();
    cache.applyFeedPage({ changes: [upsert(1, MUELLER), upsert(2, WEISS), upsert(3, OEZDEMIR)], cursor: 3, hasMore: true });
    for (const application of [MUELLER, WEISS, OEZDEMIR]) stageSearchRow(database, application);
    database.close();

    // The updated app opens the file as it does at start: integrity check and migrations.
    const reopened = openClerkCache({ dataDir, userId: USER_ID, authorityId: AUTHORITY_ID });
    cleanups.push(() => reopened.cache.close());
    expect(reopened.recovered).toBe(false);
    expect(reopened.cache.initialLoadPending()).toBe(true);
    reopened.cache.applyFeedPage({ changes: [upsert(4, PETERSEN), upsert(5, STRAUSS)], cursor: 5, hasMore: false });
    reopened.cache.finishInitialLoad();

    expect(reopened.cache.initialLoadPending()).toBe(false);
    expect(reopened.cache.readSyncState().cursor).toBe(5);
    for (const [input, expected] of [['mueller', ['1']], ['weiss', ['2']], ['oz', ['3']], ['strauss', ['4']], ['petersen', []]] as const) {
      expect(search(reopened.cache, input).found, input).toEqual(expected);
    }
    expect(reopened.cache.queryInbox({}, { field: 'deadline', direction: 'asc' }, { limit: 10, offset: 0 }).total).toBe(4);
  });
});
