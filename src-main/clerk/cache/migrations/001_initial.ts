import type { Migration } from './types.ts';

// Applications are stored as the portal's JSON snapshot plus the columns that the inbox filters and
// sorts on. `row_id` is an explicit INTEGER PRIMARY KEY because the search index refers to rows by
// rowid, and VACUUM may renumber an implicit rowid.
export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE applications (
      row_id INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      reference TEXT NOT NULL,
      version INTEGER NOT NULL,
      status TEXT NOT NULL,
      service_id TEXT NOT NULL,
      service_name TEXT NOT NULL,
      channel TEXT NOT NULL,
      applicant_name TEXT NOT NULL,
      -- germanSortKey(applicant_name): compares byte-wise like Intl.Collator('de').
      applicant_sort_key TEXT NOT NULL,
      -- UTC instant as toISOString() writes it, so that text order is time order.
      received_at TEXT NOT NULL,
      -- Last day of the processing deadline, YYYY-MM-DD in Europe/Berlin.
      deadline TEXT NOT NULL,
      assignee_id TEXT,
      follow_up TEXT,
      needs_attention INTEGER NOT NULL CHECK (needs_attention IN (0, 1)),
      updated_at TEXT NOT NULL,
      snapshot TEXT NOT NULL
    );

    CREATE INDEX applications_by_deadline ON applications (deadline);
    CREATE INDEX applications_by_received_at ON applications (received_at);
    CREATE INDEX applications_by_applicant ON applications (applicant_sort_key);
    CREATE INDEX applications_by_assignee ON applications (assignee_id);
    CREATE INDEX applications_by_follow_up ON applications (follow_up) WHERE follow_up IS NOT NULL;

    -- One row: the change feed cursor exactly as the portal returned it, and the end of the last
    -- sync run that reached the end of the feed.
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      cursor INTEGER NOT NULL,
      last_synced_at TEXT
    );
    INSERT INTO sync_state (id, cursor, last_synced_at) VALUES (1, 0, NULL);

    -- Contentless full-text index: it holds only search tokens (folded by search-text.ts), so
    -- names and addresses are not stored a second time in clear text. rowid = applications.row_id.
    CREATE VIRTUAL TABLE application_search USING fts5 (
      reference, applicant, address, form,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
  `,
};
