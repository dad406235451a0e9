// `npm run portal:backup -- --data <dir> --to <dir>`: a consistent copy of the portal's database
// (SQLite online backup, safe while the portal runs) together with the secrets file.
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from './store/sqlite/open.ts';

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
  if (existsSync(join(target, DATABASE_FILE_NAME))) {
    console.error(`portal-backup: ${target} already contains a backup; choose an empty folder.`);
    return 2;
  }

  mkdirSync(target, { recursive: true, mode: 0o700 });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(join(target, DATABASE_FILE_NAME));
  } finally {
    db.close();
  }
  copyFileSync(join(dataDir, 'secrets.json'), join(target, 'secrets.json'));

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
