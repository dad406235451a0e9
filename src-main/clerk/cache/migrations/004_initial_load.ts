import type { Migration } from './types.ts';

// Bookkeeping for the bulk initial load (initial-load.ts). While `initial_load` is 1, the feed
// writer keeps the secondary indexes of `applications` dropped and writes each application's
// search tokens to `search_staging` instead of the FTS5 index. The sync run that reaches the end
// of the feed rebuilds the indexes, fills the FTS5 index from the staging table in one statement,
// empties the table and clears the flag. The flag lives in the file, so an initial sync that was
// interrupted goes on in bulk mode after a restart.
export const initialLoad: Migration = {
  version: 4,
  name: 'initial_load',
  sql: `
    ALTER TABLE sync_state ADD COLUMN initial_load INTEGER NOT NULL DEFAULT 0 CHECK (initial_load IN (0, 1));

    -- Folded search tokens as search-text.ts builds them; row_id = applications.row_id. Empty
    -- outside an initial load.
    CREATE TABLE search_staging (
      row_id INTEGER PRIMARY KEY,
      reference TEXT NOT NULL,
      applicant TEXT NOT NULL,
      address TEXT NOT NULL,
      form TEXT NOT NULL
    );
  `,
};
