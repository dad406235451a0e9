// The admin commands: option parsing, the change itself and the output for the operator. Each
// command returns the process exit code.
import { writeFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { hashPassword } from '../security/secrets.ts';
import { openExistingDatabase } from './admin-database.ts';
import { checkNewClerk, deactivateClerk, insertClerk, listClerks } from './clerk-accounts.ts';
import { AdminInputError, requireOption } from './input.ts';
import { checkNewKiosk, createDeviceToken, deactivateKiosk, insertKiosk, listKiosks } from './kiosk-devices.ts';
import { readNewPassword } from './password-input.ts';

const DATA_MEANING = "the portal's data folder with antragsdesk.sqlite";

async function withDatabase(dataDir: string | undefined, run: (db: Database.Database) => Promise<number> | number): Promise<number> {
  const db = openExistingDatabase(requireOption('data', dataDir, DATA_MEANING));
  try {
    return await run(db);
  } finally {
    db.close();
  }
}

export async function addClerkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' },
      authority: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  const input = {
    username: requireOption('username', values.username, 'the login name of the new account'),
    displayName: requireOption('name', values.name, 'the name shown in the clerk app, e.g. "Anja Krüger"'),
    authorityId: requireOption('authority', values.authority, 'the id of the authority the clerk works for'),
    role: requireOption('role', values.role, 'clerk, team_lead or admin'),
  };

  return withDatabase(values.data, async (db) => {
    // Everything the database can reject is checked first, so the operator enters a password only
    // for a request that can succeed.
    const clerk = checkNewClerk(db, input);
    const password = await readNewPassword(values['password-stdin'] === true);

    const id = insertClerk(db, clerk, await hashPassword(password));
    console.log(`portal-admin: clerk account "${clerk.username}" added (id ${id}, authority ${clerk.authorityId}, role ${clerk.role}).`);
    return 0;
  });
}

export async function deactivateClerkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, username: { type: 'string' } }, strict: true });
  const username = requireOption('username', values.username, 'the login name of the account to deactivate');

  return withDatabase(values.data, (db) => {
    const result = deactivateClerk(db, username);
    const state = result.wasActive ? 'deactivated' : 'was already inactive';
    console.log(`portal-admin: clerk account "${username}" (id ${result.id}) ${state}; ${result.endedSessions} session(s) ended.`);
    return 0;
  });
}

export async function addKioskCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, name: { type: 'string' }, authority: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const input = {
    name: requireOption('name', values.name, 'where the terminal stands, e.g. "Bürgerterminal Stadthaus"'),
    authorityId: requireOption('authority', values.authority, 'the id of the authority that runs the terminal'),
  };

  return withDatabase(values.data, (db) => {
    const kiosk = checkNewKiosk(db, input);
    const token = createDeviceToken();

    if (values.out === undefined) {
      const id = insertKiosk(db, kiosk, token);
      console.log(`portal-admin: kiosk device ${id} added (authority ${kiosk.authorityId}).`);
      console.log('Device token, shown only once: put it into the token file named by kioskDeviceTokenFile on the terminal.');
      console.log(token);
      return 0;
    }

    // The file is written before the device is inserted, so a failed write leaves no device without
    // a token file. A failed insert removes the file again.
    const file = resolve(values.out);
    writeTokenFile(file, token);
    let id: string;
    try {
      id = insertKiosk(db, kiosk, token);
    } catch (error) {
      rmSync(file, { force: true });
      throw error;
    }
    console.log(`portal-admin: kiosk device ${id} added (authority ${kiosk.authorityId}); token written to ${file} (mode 0600).`);
    return 0;
  });
}

/** Writes the token to a new file that only its owner may read, and never replaces an existing file. */
function writeTokenFile(file: string, token: string): void {
  try {
    writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new AdminInputError(`--out ${file} exists already; remove it or choose another file, so no token is overwritten.`);
    if (code === 'ENOENT') throw new AdminInputError(`--out ${file} is invalid: its folder does not exist. Create the folder or choose another path.`);
    if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') throw new AdminInputError(`--out ${file} could not be written (${code}); choose a file path the current user may create.`);
    throw error;
  }
}

export async function deactivateKioskCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, id: { type: 'string' } }, strict: true });
  const id = requireOption('id', values.id, 'the device id that add-kiosk printed (list shows all)');

  return withDatabase(values.data, (db) => {
    const result = deactivateKiosk(db, id);
    console.log(`portal-admin: kiosk device ${id} ${result.wasActive ? 'deactivated' : 'was already inactive'}.`);
    return 0;
  });
}

export async function listCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: true });

  return withDatabase(values.data, (db) => {
    const clerks = listClerks(db).map((clerk) => [clerk.username, clerk.displayName, clerk.authorityId, clerk.role, clerk.active ? 'yes' : 'no']);
    console.log(`Clerk accounts (${clerks.length}):`);
    console.log(formatTable(['USERNAME', 'NAME', 'AUTHORITY', 'ROLE', 'ACTIVE'], clerks));

    const kiosks = listKiosks(db).map((kiosk) => [kiosk.id, kiosk.name, kiosk.authorityId, kiosk.active ? 'yes' : 'no']);
    console.log(`\nKiosk devices (${kiosks.length}):`);
    console.log(formatTable(['ID', 'NAME', 'AUTHORITY', 'ACTIVE'], kiosks));
    return 0;
  });
}

/** Formats rows as columns aligned with spaces. The last column is not padded. */
function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  return [header, ...rows].map(format).join('\n');
}
