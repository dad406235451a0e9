// Numbered, forward-only migrations of the portal's SQLite database. A migration is never edited
// after it shipped; a change to the schema is a new entry at the end of the list.
//
// The SQL stays within what PostgreSQL also accepts where it can (TEXT, INTEGER, BLOB becomes
// BYTEA), so that a PostgreSQL store can follow the same numbering.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE authorities (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL
      );

      CREATE TABLE places (
        ars TEXT PRIMARY KEY,
        data TEXT NOT NULL
      );

      CREATE TABLE services (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (id, version)
      );

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        authority_id TEXT NOT NULL REFERENCES authorities (id),
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );

      CREATE TABLE kiosk_devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        authority_id TEXT NOT NULL REFERENCES authorities (id),
        token_hash TEXT NOT NULL UNIQUE,
        active INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE reference_counters (
        authority_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_value INTEGER NOT NULL,
        PRIMARY KEY (authority_id, year)
      );

      CREATE TABLE applications (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL,
        authority_id TEXT NOT NULL REFERENCES authorities (id),
        status TEXT NOT NULL,
        access_code_hash TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX applications_authority ON applications (authority_id);

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES applications (id),
        sha512 TEXT NOT NULL,
        content BLOB NOT NULL
      );
      CREATE INDEX attachments_application ON attachments (application_id);

      CREATE TABLE audit_log (
        application_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        entry TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (application_id, position)
      );

      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        authority_id TEXT NOT NULL,
        application_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        UNIQUE (authority_id, application_id)
      );
      CREATE INDEX change_log_feed ON change_log (authority_id, seq);

      CREATE TABLE idempotency_keys (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        response TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)
      );
    `,
  },
  {
    version: 2,
    name: 'mail_outbox',
    // Citizen e-mails, written in the same transaction as the status change that causes them and
    // sent later by the mail sender; a row with sent_at NULL is still to be delivered.
    sql: `
      CREATE TABLE mail_outbox (
        id TEXT PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES applications (id),
        kind TEXT NOT NULL,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        text_body TEXT NOT NULL,
        html_body TEXT NOT NULL,
        message_id TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        sent_at TEXT
      );
      CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
