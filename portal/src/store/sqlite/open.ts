// Opens the portal's SQLite database, applies pending migrations and refuses a database that a
// newer portal version wrote.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.ts';

export const DATABASE_FILE_NAME = 'antragsdesk.sqlite';

export class NewerDatabaseError extends Error {
  readonly databaseVersion: number;

  constructor(file: string, databaseVersion: number) {
    super(
      `The database ${file} has schema version ${databaseVersion}, but this portal knows only up to ` +
        `version ${LATEST_SCHEMA_VERSION}. It was written by a newer Antragsdesk portal: run that ` +
        `version, or restore a backup taken before the upgrade.`,
    );
    this.name = 'NewerDatabaseError';
    this.databaseVersion = databaseVersion;
  }
}

/** Raised for a file that is not an Antragsdesk portal database; the portal leaves it untouched. */
export class NotAPortalDatabaseError extends Error {
  constructor(file: string, reason: string) {
    super(`${file} is not an Antragsdesk portal database (${reason}). Check --data / PORTAL_DATA_DIR; the portal changed nothing in it.`);
    this.name = 'NotAPortalDatabaseError';
  }
}

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  /** True when this call created the schema, so the caller loads the demo data. */
  created: boolean;
  appliedMigrations: number[];
}

export interface OpenOptions {
  /**
   * `bulk-load` turns off fsync for the synthetic-data generator, which fills a throwaway database
   * for benchmarks; a portal that takes real applications always runs with `full`.
   */
  durability?: 'full' | 'bulk-load';
}

export function openPortalDatabase(dataDir: string, options: OpenOptions = {}): OpenedDatabase {
  // The database contains every application with its personal data, so only the owner may read it,
  // like secrets.json.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DATABASE_FILE_NAME);
  // A mistyped --data must not add the portal's tables to another program's database or switch it
  // to WAL. A file without tables is a new database, which the migrations fill.
  const problem = existsSync(file) ? portalDatabaseProblem(file, { allowEmpty: true }) : null;
  if (problem) throw new NotAPortalDatabaseError(file, problem);

  const db = new Database(file);
  chmodSync(file, 0o600);

  // WAL lets status lookups read while an intake commits; FULL makes every committed application
  // survive a power cut, which an accepted receipt promises to the citizen.
  db.pragma('journal_mode = WAL');
  db.pragma(options.durability === 'bulk-load' ? 'synchronous = OFF' : 'synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  try {
    const { created, applied } = migrate(db, file);
    return { db, file, created, appliedMigrations: applied };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Returns why an existing file is not a portal database ("not a SQLite file", "no
 * schema_migrations table"), or null when it is one. Reads the file without changing it. A file
 * without any table passes only with `allowEmpty`, because the portal start creates the schema.
 * The backup and admin commands need a database that already has one.
 */
export function portalDatabaseProblem(file: string, options: { allowEmpty: boolean }): string | null {
  let tables: string[];
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    tables = (probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') return 'not a SQLite file';
    throw error;
  } finally {
    probe.close();
  }

  if (tables.includes('schema_migrations')) return null;
  if (tables.length === 0 && options.allowEmpty) return null;
  return 'no schema_migrations table';
}

function migrate(db: Database.Database, file: string): { created: boolean; applied: number[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);

  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  if (current > LATEST_SCHEMA_VERSION) throw new NewerDatabaseError(file, current);

  const pending = MIGRATIONS.filter((migration) => migration.version > current);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }

  return { created: current === 0, applied: pending.map((migration) => migration.version) };
}
