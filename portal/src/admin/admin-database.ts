// Opens the portal database for the admin commands and checks references into its catalog.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { DATABASE_FILE_NAME, openPortalDatabase, portalDatabaseProblem } from '../store/sqlite/open.ts';
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

  const problem = portalDatabaseProblem(file, { allowEmpty: false });
  if (problem) throw new AdminInputError(`${file} is not a portal database (${problem}); check --data.`);
  return openPortalDatabase(dataDir).db;
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
