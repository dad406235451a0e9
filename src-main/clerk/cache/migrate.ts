// Applies the numbered forward-only migrations and records each in schema_migrations.
import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** Raised when the cache file was written by a newer app version; this version must not touch it. */
export class CacheSchemaTooNewError extends Error {
  readonly databaseVersion: number;
  readonly supportedVersion: number;

  constructor(databaseVersion: number, supportedVersion: number) {
    super(
      `Clerk cache has schema version ${databaseVersion}, but this app supports up to version ` +
        `${supportedVersion}. Update Antragsdesk, or delete the cache file to sync again from the portal.`,
    );
    this.name = 'CacheSchemaTooNewError';
    this.databaseVersion = databaseVersion;
    this.supportedVersion = supportedVersion;
  }
}

/** Raised when schema_migrations records a migration version under a different name than this app. */
export class CacheMigrationMismatchError extends Error {
  constructor(version: number, recordedName: string, expectedName: string) {
    super(`Clerk cache migration ${version} is recorded as "${recordedName}", expected "${expectedName}".`);
    this.name = 'CacheMigrationMismatchError';
  }
}

export const LATEST_SCHEMA_VERSION = latestVersion(MIGRATIONS);

/**
 * Brings the database up to the latest schema. Each migration runs in its own transaction
 * together with its schema_migrations row, so a crash leaves the database at a whole version.
 * Returns the versions that were applied.
 */
export function migrate(database: Database, migrations: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()): number[] {
  database.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )
  `);

  const recorded = database
    .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string }[];

  const supportedVersion = latestVersion(migrations);
  const databaseVersion = recorded.at(-1)?.version ?? 0;
  if (databaseVersion > supportedVersion) throw new CacheSchemaTooNewError(databaseVersion, supportedVersion);

  for (const row of recorded) {
    const known = migrations.find((migration) => migration.version === row.version);
    if (known && known.name !== row.name) throw new CacheMigrationMismatchError(row.version, row.name, known.name);
  }

  const recordMigration = database.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];

  for (const migration of migrations) {
    if (migration.version <= databaseVersion) continue;

    database.transaction(() => {
      database.exec(migration.sql);
      recordMigration.run(migration.version, migration.name, now().toISOString());
    })();
    applied.push(migration.version);
  }

  return applied;
}

function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}: versions must count up from 1 without gaps.`);
    }
  });
  return migrations.length;
}
