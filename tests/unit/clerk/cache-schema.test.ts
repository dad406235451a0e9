// Compares the cache schema after all migrations with the committed snapshot in
// cache-schema.snapshot.sql, so that every schema change is a visible diff in review.
//
// After an intended change (a new migration), update the snapshot with
//   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/unit/clerk/cache-schema.test.ts
// and commit the new file together with the migration.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { openTempCache, type TempCache } from './helpers.ts';

const SNAPSHOT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cache-schema.snapshot.sql');

let opened: TempCache | undefined;
afterEach(() => opened?.dispose());

function currentSchema(): string {
  opened = openTempCache();
  const rows = opened.cache.database
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
    .all() as { type: string; name: string; sql: string }[];

  return rows.map((row) => `-- ${row.type} ${row.name}\n${normaliseSql(row.sql)};\n`).join('\n');
}

// Indentation inside the migration's template string is not part of the schema.
function normaliseSql(sql: string): string {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

it('cache schema matches snapshot', () => {
  const schema = currentSchema();

  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT_FILE, schema);

  expect(existsSync(SNAPSHOT_FILE), `${SNAPSHOT_FILE} is missing; create it with UPDATE_SCHEMA_SNAPSHOT=1`).toBe(true);
  expect(
    schema,
    'The cache schema differs from cache-schema.snapshot.sql. If the change is intended, run ' +
      'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/unit/clerk/cache-schema.test.ts and commit the snapshot.',
  ).toBe(readFileSync(SNAPSHOT_FILE, 'utf8'));
});
