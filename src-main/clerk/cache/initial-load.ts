// Bulk mode for the first sync into an empty cache. Writing 100,000 applications page by page with
// every index kept current cost about 180 µs per application, most of it in the B-tree updates
// of seven secondary indexes. In bulk mode the pages fill the table rows, the unique id index and
// the FTS5 index, and the end of the sync builds the secondary indexes in one pass each. The flag
// is in the file (migration 4), so an interrupted first sync resumes in bulk mode and is finished
// by the run that reaches the end of the feed.
//
// Until migration 5 the search tokens waited in a staging table and went into the FTS5 index at
// the end as well. The first sync now runs in its own process, where pages are written while the
// next ones are fetched and prepared. Work done with each page therefore costs less than work at
// the end, when nothing runs beside it: writing the index page by page made the sync about 1 s
// shorter.
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

/** Returns whether an initial load is in progress, with the secondary indexes dropped. */
export function isInitialLoadPending(database: Database): boolean {
  const row = database.prepare('SELECT initial_load AS pending FROM sync_state WHERE id = 1').get() as { pending: number };
  return row.pending === 1;
}

/**
 * Switches an empty cache to bulk mode before the first feed page is written. Does nothing when
 * the cache already contains applications.
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
 * Ends bulk mode in one transaction: creates the secondary indexes and clears the flag. Does
 * nothing outside an initial load.
 */
export function finishInitialLoad(database: Database): void {
  if (!isInitialLoadPending(database)) return;

  database.transaction(() => {
    for (const index of SECONDARY_INDEXES) database.exec(index.sql.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
    database.prepare('UPDATE sync_state SET initial_load = 0 WHERE id = 1').run();
  })();

  updatePlannerStatistics(database);
}

/**
 * Gives SQLite's planner statistics of the new indexes. Without them it guesses that every index
 * is selective and, for example, sorts 90,000 unassigned rows instead of reading the date index in
 * order. Only the inbox table's indexes need statistics: analysing the whole file also scanned
 * the snapshots and the search index (100 instead of 70 ms at 100,000 applications). With
 * analysis_limit sampling, some inbox queries took 50 to 100 ms instead of under 1 ms. Later syncs
 * run PRAGMA optimize (sync-engine.ts).
 */
function updatePlannerStatistics(database: Database): void {
  database.exec('ANALYZE applications');
}
