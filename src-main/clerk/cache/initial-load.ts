// Bulk mode for the first sync into an empty cache. Writing 100,000 applications page by page with
// every index and the FTS5 index kept current cost about 180 µs per application. Most of it went
// to the B-tree updates of seven secondary indexes and to FTS5 segment flushes and merges at each
// page's commit. In bulk mode the pages fill only the table rows, the unique id index and a plain staging
// table of search tokens, and the end of the sync builds the indexes and the FTS5 index in bulk.
// The flag and the staging table are in the file (migration 4), so an interrupted first sync
// resumes in bulk mode and is finished by the run that reaches the end of the feed.
import type { Database } from 'better-sqlite3';

// The secondary indexes of `applications` as migrations 1 and 3 created them, in the same words,
// so the rebuilt schema is the migrated one. The unique index on `id` stays, because each upsert
// looks the application up by id.
const SECONDARY_INDEXES: readonly { name: string; sql: string }[] = [
  { name: 'applications_by_deadline', sql: 'CREATE INDEX applications_by_deadline ON applications (deadline, id)' },
  { name: 'applications_by_received_at', sql: 'CREATE INDEX applications_by_received_at ON applications (received_at, id)' },
  { name: 'applications_by_applicant', sql: 'CREATE INDEX applications_by_applicant ON applications (applicant_sort_key, id)' },
  {
    name: 'applications_by_filters',
    sql: 'CREATE INDEX applications_by_filters ON applications (status, assignee_id, channel, service_id, needs_attention)',
  },
  { name: 'applications_by_assignee', sql: 'CREATE INDEX applications_by_assignee ON applications (assignee_id)' },
  { name: 'applications_by_reference', sql: 'CREATE INDEX applications_by_reference ON applications (reference)' },
  {
    name: 'applications_by_follow_up',
    sql: 'CREATE INDEX applications_by_follow_up ON applications (follow_up) WHERE follow_up IS NOT NULL',
  },
];

/** Returns whether an initial load is in progress, with the search rows staged and indexes dropped. */
export function isInitialLoadPending(database: Database): boolean {
  const row = database.prepare('SELECT initial_load AS pending FROM sync_state WHERE id = 1').get() as { pending: number };
  return row.pending === 1;
}

/**
 * Switches an empty cache to bulk mode before the first feed page is written. Does nothing when
 * the cache already contains applications, because their search rows are in the FTS5 index.
 *
 * NOTE: until finishInitialLoad, search finds none of the applications loaded so far; the inbox
 * list and its filters are complete, without indexes.
 */
export function beginInitialLoad(database: Database): void {
  database.transaction(() => {
    const { count } = database.prepare('SELECT count(*) AS count FROM applications').get() as { count: number };
    if (count > 0) return;

    for (const index of SECONDARY_INDEXES) database.exec(`DROP INDEX IF EXISTS ${index.name}`);
    database.prepare('UPDATE sync_state SET initial_load = 1 WHERE id = 1').run();
  })();
}

/**
 * Ends bulk mode in one transaction: creates the secondary indexes, moves the staged search
 * tokens into the FTS5 index and empties the staging table. Does nothing outside an initial load.
 */
export function finishInitialLoad(database: Database): void {
  if (!isInitialLoadPending(database)) return;

  database.transaction(() => {
    for (const index of SECONDARY_INDEXES) database.exec(index.sql.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));

    // One INSERT … SELECT lets FTS5 build large segments in memory instead of flushing and
    // merging small ones at every page.
    database.exec(`
      INSERT INTO application_search (rowid, reference, applicant, address, form)
      SELECT row_id, reference, applicant, address, form FROM search_staging
    `);
    clearStagingTable(database);
    database.prepare('UPDATE sync_state SET initial_load = 0 WHERE id = 1').run();
  })();
}

/**
 * The staging table holds names and addresses as folded text, which the contentless FTS5 index
 * avoids storing. secure_delete overwrites the freed pages, so the text does not stay in the file.
 */
function clearStagingTable(database: Database): void {
  const previous = database.pragma('secure_delete', { simple: true }) as number;
  database.pragma('secure_delete = ON');
  try {
    database.exec('DELETE FROM search_staging');
  } finally {
    database.pragma(`secure_delete = ${previous}`);
  }
}
