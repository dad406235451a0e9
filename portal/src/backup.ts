// `npm run portal:backup -- --data <dir> --to <dir>`: a consistent copy of the portal's database
// (SQLite online backup, safe while the portal runs) together with the secrets file.
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME, portalDatabaseProblem } from './store/sqlite/open.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, to: { type: 'string' } }, strict: true });
  const dataDir = resolve(values.data ?? process.env.PORTAL_DATA_DIR ?? 'data');
  if (!values.to) {
    console.error('portal-backup: --to <dir> is required: the folder that receives the backup.');
    return 2;
  }
  const target = resolve(values.to);

  const source = join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(source)) {
    console.error(`portal-backup: no database at ${source}; check --data.`);
    return 2;
  }
  if (!existsSync(join(dataDir, 'secrets.json'))) {
    console.error(`portal-backup: ${dataDir} is not a portal data folder (secrets.json is missing); check --data.`);
    return 2;
  }
  const problem = portalDatabaseProblem(source, { allowEmpty: false });
  if (problem) {
    console.error(`portal-backup: ${source} is not a portal database (${problem}); check --data.`);
    return 2;
  }
  if (existsSync(join(target, DATABASE_FILE_NAME))) {
    console.error(`portal-backup: ${target} already contains a backup; choose an empty folder.`);
    return 2;
  }

  mkdirSync(target, { recursive: true, mode: 0o700 });
  try {
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await db.backup(join(target, DATABASE_FILE_NAME));
    } finally {
      db.close();
    }
    copyFileSync(join(dataDir, 'secrets.json'), join(target, 'secrets.json'));
  } catch (error) {
    // A half-written backup looks like a whole one later; only complete copies stay.
    rmSync(join(target, DATABASE_FILE_NAME), { force: true });
    rmSync(join(target, 'secrets.json'), { force: true });
    throw error;
  }

  // The copy contains the same personal data and keys as the original, so only its owner may read it.
  chmodSync(join(target, DATABASE_FILE_NAME), 0o600);
  chmodSync(join(target, 'secrets.json'), 0o600);

  console.log(`portal-backup: database and secrets copied to ${target}`);
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error('portal-backup: failed', error);
  process.exit(1);
});
