// `npm run portal:backup` as an operator runs it: a real data folder, the command as a process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { loadOrCreateSecrets } from '../../../portal/src/security/secrets.ts';
import { openPortalDatabase } from '../../../portal/src/store/sqlite/open.ts';
import { makeDataDir } from '../../support/portal-harness.ts';

const BACKUP = join(import.meta.dirname, '../../../portal/src/backup.ts');
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = makeDataDir('antragsdesk-backup-');
  folders.push(dir);
  return dir;
}

function backup(data: string, to: string) {
  return spawnSync(process.execPath, [BACKUP, '--data', data, '--to', to], { encoding: 'utf8' });
}

it('copies database and secrets readable by the owner only', () => {
  const data = folder();
  openPortalDatabase(data).db.close();
  loadOrCreateSecrets(data);
  const target = join(folder(), 'copy');

  const result = backup(data, target);

  expect(result.status).toBe(0);
  expect(readdirSync(target).sort()).toEqual(['antragsdesk.sqlite', 'secrets.json']);
  expect(statSync(join(target, 'antragsdesk.sqlite')).mode & 0o777).toBe(0o600);
  expect(statSync(join(target, 'secrets.json')).mode & 0o777).toBe(0o600);
});

it('refuses another program\'s database and writes nothing', () => {
  const data = folder();
  const foreign = new Database(join(data, 'antragsdesk.sqlite'));
  foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
  foreign.close();
  writeFileSync(join(data, 'secrets.json'), '{}');
  const target = join(folder(), 'copy');

  const result = backup(data, target);

  expect(result.status).toBe(2);
  expect(result.stderr).toContain('antragsdesk.sqlite is not a portal database (no schema_migrations table)');
  expect(existsSync(target)).toBe(false);
});

it('refuses a folder without secrets and a file that is not SQLite', () => {
  const noSecrets = folder();
  openPortalDatabase(noSecrets).db.close();
  const garbage = folder();
  mkdirSync(garbage, { recursive: true });
  writeFileSync(join(garbage, 'antragsdesk.sqlite'), 'not a database');
  writeFileSync(join(garbage, 'secrets.json'), '{}');

  const withoutSecrets = backup(noSecrets, join(folder(), 'a'));
  const notSqlite = backup(garbage, join(folder(), 'b'));

  expect(withoutSecrets.status).toBe(2);
  expect(withoutSecrets.stderr).toContain('secrets.json is missing');
  expect(notSqlite.status).toBe(2);
  expect(notSqlite.stderr).toContain('antragsdesk.sqlite is not a portal database (not a SQLite file)');
  expect(notSqlite.stderr).not.toContain('    at ');
});
