import type { Migration } from './types.ts';

// The outbox of clerk actions and the reference data the clerk window shows offline.
//
// An action row is written before anything is sent and leaves the table only after the portal
// answered 2xx, or when the clerk discards it after a conflict. The idempotency key is made once
// per row and reused on every retry, so a lost response is answered by the portal's replay.
// `sequence` keeps the clerk's order: the sender delivers rows strictly in that order.
export const outboxSchema: Migration = {
  version: 2,
  name: 'outbox',
  sql: `
    CREATE TABLE outbox (
      sequence INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      application_id TEXT NOT NULL,
      reference TEXT NOT NULL,
      -- The ClerkAction body as JSON, including expectedVersion.
      action TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      -- German text of the last failure, for the pending list.
      last_error TEXT,
      -- 'pending' rows are sent; 'conflict' rows wait for the clerk's decision.
      state TEXT NOT NULL CHECK (state IN ('pending', 'conflict')),
      -- Conflict details: the snapshot the clerk acted on, the portal's current one, the problem.
      local_snapshot TEXT,
      server_snapshot TEXT,
      problem TEXT
    );

    CREATE INDEX outbox_by_state ON outbox (state, sequence);

    -- Catalog data and team members as last fetched from the portal, keyed like
    -- 'authorities', 'users' or 'service:<id>:<version>'; the value is the JSON response.
    CREATE TABLE reference_data (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    );
  `,
};
