-- index applications_by_applicant
CREATE INDEX applications_by_applicant ON applications (applicant_sort_key, id);

-- index applications_by_assignee
CREATE INDEX applications_by_assignee ON applications (assignee_id);

-- index applications_by_deadline
CREATE INDEX applications_by_deadline ON applications (deadline, id);

-- index applications_by_filters
CREATE INDEX applications_by_filters ON applications (status, assignee_id, channel, service_id, needs_attention);

-- index applications_by_follow_up
CREATE INDEX applications_by_follow_up ON applications (follow_up) WHERE follow_up IS NOT NULL;

-- index applications_by_received_at
CREATE INDEX applications_by_received_at ON applications (received_at, id);

-- index applications_by_reference
CREATE INDEX applications_by_reference ON applications (reference);

-- index outbox_by_state
CREATE INDEX outbox_by_state ON outbox (state, sequence);

-- table application_search
CREATE VIRTUAL TABLE application_search USING fts5 (
reference, applicant, address, form,
content = '',
contentless_delete = 1,
tokenize = 'unicode61 remove_diacritics 2'
);

-- table application_search_config
CREATE TABLE 'application_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table application_search_data
CREATE TABLE 'application_search_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table application_search_docsize
CREATE TABLE 'application_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table application_search_idx
CREATE TABLE 'application_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table application_snapshots
CREATE TABLE application_snapshots (
row_id INTEGER PRIMARY KEY REFERENCES applications (row_id) ON DELETE CASCADE,
snapshot TEXT NOT NULL
);

-- table applications
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
updated_at TEXT NOT NULL);

-- table outbox
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

-- table reference_data
CREATE TABLE reference_data (
key TEXT PRIMARY KEY,
value TEXT NOT NULL,
fetched_at TEXT NOT NULL
);

-- table schema_migrations
CREATE TABLE schema_migrations (
version INTEGER PRIMARY KEY,
name TEXT NOT NULL,
applied_at TEXT NOT NULL
);

-- table sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table sync_state
CREATE TABLE sync_state (
id INTEGER PRIMARY KEY CHECK (id = 1),
cursor INTEGER NOT NULL,
last_synced_at TEXT
, initial_load INTEGER NOT NULL DEFAULT 0 CHECK (initial_load IN (0, 1)));
