// Writes change feed pages into the cache: snapshots are upserted, tombstones delete, and the
// cursor moves, all in one transaction per page. Preparing a page (columns, snapshot text, search
// tokens) is plain JavaScript without the database, so that the first sync can prepare pages in
// one worker thread while another writes them (see sync/initial-sync.ts).
import type { Database } from 'better-sqlite3';
import type { Application, FeedChange, FeedPage } from '../../../src-shared/api.ts';
import { germanSortKey } from './german-sort-key.ts';
import { searchDocument, type SearchDocument } from './search-text.ts';

export interface FeedPageResult {
  upserted: number;
  deleted: number;
  /** Snapshots older than the stored version, which the cache keeps unchanged. */
  skipped: number;
}

/**
 * The values of one application's row in the `applications` table, in the column order of the
 * upsert. An array binds faster than an object with named parameters and costs less to post
 * between threads.
 */
export type ApplicationRow = ReturnType<typeof applicationRow>;

/**
 * The JSON text of a snapshot: a string, or its UTF-8 bytes as the portal sent them (see
 * sync/feed-snapshot-bytes.ts). The cache stores both as text.
 */
export type SnapshotText = string | Uint8Array;

/** A feed change ready to write: plain data that a worker thread can post to another. */
export type PreparedChange =
  | { kind: 'upsert'; row: ApplicationRow; snapshot: SnapshotText; search: SearchDocument }
  | { kind: 'delete'; applicationId: string };

export interface PreparedFeedPage {
  changes: PreparedChange[];
  cursor: number;
  hasMore: boolean;
}

export interface FeedWriter {
  /**
   * Applies one feed page atomically and stores `page.cursor`. When any change fails (e.g. a
   * snapshot without a required field), nothing of the page is kept and the cursor stays.
   */
  applyPage(page: FeedPage): FeedPageResult;
  /** Like applyPage, for a page that prepareFeedPage has prepared. */
  applyPreparedPage(page: PreparedFeedPage): FeedPageResult;
  /**
   * Writes a prepared page and its cursor inside the caller's open transaction, without a
   * savepoint of its own. FTS5 writes its pending tokens to disk at every savepoint, so a savepoint
   * per page made as many index segments as pages. After a failure the caller rolls back.
   */
  writePreparedPage(page: PreparedFeedPage): FeedPageResult;
}

/** Raised for a feed snapshot that lacks a field the cache needs; names the application id only. */
export class InvalidSnapshotError extends Error {
  constructor(applicationId: unknown, field: string) {
    super(`Feed snapshot of application ${typeof applicationId === 'string' ? applicationId : '(no id)'} has no valid ${field}`);
    this.name = 'InvalidSnapshotError';
  }
}

// The text columns of `applications` that may not be empty, by their snapshot field.
const REQUIRED_TEXT_FIELDS = [
  'id', 'reference', 'status', 'serviceId', 'serviceName', 'channel', 'applicantName', 'receivedAt', 'deadline', 'updatedAt',
] as const;

/**
 * Computes everything the cache stores of a page without touching the database. Throws when a
 * snapshot lacks a field the columns need, so a broken page fails before anything is written.
 */
export function prepareFeedPage(page: FeedPage): PreparedFeedPage {
  return { changes: page.changes.map((change) => prepareFeedChange(change)), cursor: page.cursor, hasMore: page.hasMore };
}

/**
 * Prepares one change of a page; see prepareFeedPage. `snapshotBytes` are the snapshot's bytes as
 * the portal sent them, stored instead of serialising the parsed snapshot again.
 */
export function prepareFeedChange(change: FeedChange, snapshotBytes?: Uint8Array | null): PreparedChange {
  if (change.kind !== 'upsert') return { kind: 'delete', applicationId: change.applicationId };

  const { application } = change;
  checkSnapshot(application);
  const snapshot = snapshotBytes ?? JSON.stringify(application);
  return { kind: 'upsert', row: applicationRow(application), snapshot, search: searchDocument(application) };
}

// Insert of one `applications` row, with an ApplicationRow as its parameters.
const INSERT_APPLICATION = `
  INSERT INTO applications (
    id, reference, version, status, service_id, service_name, channel, applicant_name,
    applicant_sort_key, received_at, deadline, assignee_id, follow_up, needs_attention,
    updated_at
  ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function createFeedWriter(database: Database): FeedWriter {
  // Most changes of a first sync are new applications. A plain insert that reads the new row_id
  // from lastInsertRowid costs less than half of an upsert with RETURNING: 0.5 instead of 1.3 s
  // for 100,000 rows on the 2-core VM. So the upsert runs only when the id is already stored.
  const insertApplication = database.prepare(`${INSERT_APPLICATION} ON CONFLICT (id) DO NOTHING`);
  // An older snapshot never overwrites a newer one, in case pages arrive out of order. An equal
  // version is written again, which repairs a row if it ever differed.
  const updateApplication = database.prepare(`
    ${INSERT_APPLICATION}
    ON CONFLICT (id) DO UPDATE SET
      reference = excluded.reference,
      version = excluded.version,
      status = excluded.status,
      service_id = excluded.service_id,
      service_name = excluded.service_name,
      channel = excluded.channel,
      applicant_name = excluded.applicant_name,
      applicant_sort_key = excluded.applicant_sort_key,
      received_at = excluded.received_at,
      deadline = excluded.deadline,
      assignee_id = excluded.assignee_id,
      follow_up = excluded.follow_up,
      needs_attention = excluded.needs_attention,
      updated_at = excluded.updated_at
    WHERE excluded.version >= applications.version
    RETURNING row_id
  `);
  // CAST stores snapshot bytes as text, as the reading side expects. A string passes unchanged.
  const upsertSnapshot = database.prepare(`
    INSERT INTO application_snapshots (row_id, snapshot) VALUES (?, CAST(? AS TEXT))
    ON CONFLICT (row_id) DO UPDATE SET snapshot = excluded.snapshot
  `);
  // A new row's search row is inserted without REPLACE, which first looks for an old row and made
  // writing the index about 15 % slower.
  const insertSearchRow = database.prepare(`
    INSERT INTO application_search (rowid, reference, applicant, address, form) VALUES (?, ?, ?, ?, ?)
  `);
  const replaceSearchRow = database.prepare(`
    INSERT OR REPLACE INTO application_search (rowid, reference, applicant, address, form)
    VALUES (?, ?, ?, ?, ?)
  `);
  const deleteApplication = database.prepare('DELETE FROM applications WHERE id = ? RETURNING row_id');
  const deleteSearchRow = database.prepare('DELETE FROM application_search WHERE rowid = ?');
  const storeCursor = database.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1');

  // Search rows to write at the end of the page, by row_id: the new tokens, or null to delete the
  // row. `fresh` marks a row_id that had no search row when the page began.
  type SearchUpdate = { search: SearchDocument; fresh: boolean } | null;
  type SearchUpdates = Map<number, SearchUpdate>;

  function upsert(change: Extract<PreparedChange, { kind: 'upsert' }>, searchUpdates: SearchUpdates): boolean {
    const inserted = insertApplication.run(change.row);
    let rowId: number;
    if (inserted.changes === 1) {
      rowId = Number(inserted.lastInsertRowid);
    } else {
      const stored = updateApplication.get(change.row) as { row_id: number } | undefined;
      if (!stored) return false;
      rowId = stored.row_id;
    }

    upsertSnapshot.run(rowId, change.snapshot);
    // SQLite may give a new row the row_id of a row deleted earlier on the same page, whose
    // search row is still there until the end of the page: only a row_id seen first here is fresh.
    const fresh = inserted.changes === 1 && !searchUpdates.has(rowId);
    searchUpdates.set(rowId, { search: change.search, fresh });
    return true;
  }

  function remove(applicationId: string, searchUpdates: SearchUpdates): boolean {
    const removed = deleteApplication.get(applicationId) as { row_id: number } | undefined;
    if (!removed) return false;

    // The snapshot row goes away with its application row (ON DELETE CASCADE).
    searchUpdates.set(removed.row_id, null);
    return true;
  }

  function applyChange(change: PreparedChange, result: FeedPageResult, searchUpdates: SearchUpdates): void {
    if (change.kind === 'upsert') {
      if (upsert(change, searchUpdates)) result.upserted += 1;
      else result.skipped += 1;
      return;
    }

    // A tombstone for an application the cache never had is normal after a fresh start.
    if (remove(change.applicationId, searchUpdates)) result.deleted += 1;
  }

  // The search index is written after all table rows of the page, not row by row: interleaving
  // the two made a 100,000-row sync 1.5 to 1.8 times slower in local runs (2-core Linux VM,
  // 100 pages of 1,000 rows). Only the last change per application counts, as in the table.
  function writeSearchUpdates(searchUpdates: SearchUpdates): void {
    for (const [rowId, update] of searchUpdates) {
      if (!update) {
        deleteSearchRow.run(rowId);
        continue;
      }
      const { search } = update;
      const statement = update.fresh ? insertSearchRow : replaceSearchRow;
      statement.run(rowId, search.reference, search.applicant, search.address, search.form);
    }
  }

  function writePreparedPage(page: PreparedFeedPage): FeedPageResult {
    const result: FeedPageResult = { upserted: 0, deleted: 0, skipped: 0 };
    const searchUpdates: SearchUpdates = new Map();

    for (const change of page.changes) applyChange(change, result, searchUpdates);
    writeSearchUpdates(searchUpdates);
    storeCursor.run(page.cursor);

    return result;
  }

  const applyPreparedPage = database.transaction(writePreparedPage);

  return {
    applyPage: (page) => applyPreparedPage(prepareFeedPage(page)),
    applyPreparedPage: (page) => applyPreparedPage(page),
    writePreparedPage: (page) => {
      if (!database.inTransaction) throw new Error('writePreparedPage needs an open transaction');
      return writePreparedPage(page);
    },
  };
}

function checkSnapshot(application: Application): void {
  for (const field of REQUIRED_TEXT_FIELDS) {
    if (typeof application[field] !== 'string' || application[field] === '') throw new InvalidSnapshotError(application.id, field);
  }
  if (!Number.isInteger(application.version)) throw new InvalidSnapshotError(application.id, 'version');
  if (typeof application.formData !== 'object' || application.formData === null) throw new InvalidSnapshotError(application.id, 'formData');
}

function applicationRow(application: Application) {
  return [
    application.id,
    application.reference,
    application.version,
    application.status,
    application.serviceId,
    application.serviceName,
    application.channel,
    application.applicantName,
    germanSortKey(application.applicantName),
    canonicalInstant(application.receivedAt),
    application.deadline,
    application.assigneeId,
    application.followUp,
    application.needsAttention ? 1 : 0,
    application.updatedAt,
  ] as const;
}

// An instant as toISOString() writes it, which is how the portal sends it.
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Normalises an instant so that "…:00Z" and "…:00.000Z" compare as the same instant in text order. */
function canonicalInstant(instant: string): string {
  // Parsing and formatting again costs about 0.1 s per 100,000 applications.
  return CANONICAL_INSTANT.test(instant) ? instant : new Date(instant).toISOString();
}
