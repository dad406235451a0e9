// Opens the portal database for the admin commands and checks references into its catalog.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME, openPortalDatabase } from '../store/sqlite/open.ts';
import { AdminInputError } from './input.ts';

/**
 * Opens the database of an existing data folder through the portal's own open function, so pending
 * migrations and file permissions apply as on a portal start. Throws NewerDatabaseError for a
 * database a newer portal wrote.
 */
export function openExistingDatabase(dataDir: string): Database.Database {
  // openPortalDatabase creates a missing database, so a mistyped --data would otherwise leave an
  // empty one behind and add the account there.
  const file = join(resolve(dataDir), DATABASE_FILE_NAME);
  if (!existsSync(file)) {
    throw new AdminInputError(`No portal database at ${file}; check --data: it names the portal's data folder, as given to npm run portal.`);
  }

  checkPortalSchema(file);
  return openPortalDatabase(dataDir).db;
}

/**
 * Rejects a file that is no SQLite database, or one without the portal's migration table, before
 * openPortalDatabase would write the portal schema into it.
 */
function checkPortalSchema(file: string): void {
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const table = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!table) throw new AdminInputError(`${file} is not a portal database: it has no schema_migrations table. Check --data.`);
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') {
      throw new AdminInputError(`${file} is not a SQLite database; check --data.`);
    }
    throw error;
  } finally {
    probe?.close();
  }
}

/** Throws an AdminInputError naming the known authorities when the id is not in the catalog. */
export function requireAuthority(db: Database.Database, authorityId: string): void {
  if (db.prepare('SELECT 1 FROM authorities WHERE id = ?').get(authorityId)) return;

  const known = (db.prepare('SELECT id FROM authorities ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  if (known.length === 0) {
    throw new AdminInputError(
      `Unknown authority "${authorityId}": the database contains no authorities at all. A portal started with ` +
        '--no-demo-data has an empty catalog, and the admin commands cannot add authorities.',
    );
  }
  throw new AdminInputError(`Unknown authority "${authorityId}"; the database knows: ${known.join(', ')}.`);
}
