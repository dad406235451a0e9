// Clerk accounts in the portal database: add, deactivate, list. The SQL sits here rather than in
// the store because only this offline tool needs it.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Role, ROLES } from '../../../src-shared/index.ts';
import { requireAuthority } from './admin-database.ts';
import { AdminInputError, checkName } from './input.ts';

// Letters, digits and . _ @ - only, so a username cannot look like another one in a list. Login
// accepts at most 100 characters.
const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

export interface NewClerk {
  username: string;
  displayName: string;
  authorityId: string;
  role: Role;
}

export interface ClerkListing {
  username: string;
  displayName: string;
  authorityId: string;
  role: string;
  active: boolean;
}

/** Validates the options of add-clerk against the database before the password is asked for. */
export function checkNewClerk(db: Database.Database, input: Omit<NewClerk, 'role'> & { role: string }): NewClerk {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw new AdminInputError(
      `Invalid username "${input.username}": use 1 to 100 letters, digits and . _ @ -, starting with a letter or digit.`,
    );
  }

  // Usernames are matched exactly at login, but two accounts that differ only in case would be
  // mixed up by the people using them.
  const existing = db.prepare('SELECT username FROM users WHERE lower(username) = lower(?)').get(input.username) as { username: string } | undefined;
  if (existing) throw new AdminInputError(`The username "${existing.username}" exists already; choose another one.`);

  const role = Role.safeParse(input.role);
  if (!role.success) throw new AdminInputError(`Unknown role "${input.role}"; expected one of ${ROLES.join(', ')}.`);

  const displayName = checkName('name', input.displayName);
  requireAuthority(db, input.authorityId);
  // Stored in lower case, as the login looks accounts up (routes/session.ts).
  return { username: input.username.toLowerCase(), displayName, authorityId: input.authorityId, role: role.data };
}

/** Inserts an active clerk account and returns its id. */
export function insertClerk(db: Database.Database, clerk: NewClerk, passwordHash: string): string {
  const id = `user-${randomUUID()}`;
  try {
    db.prepare('INSERT INTO users (id, username, display_name, authority_id, role, password_hash, active) VALUES (?, ?, ?, ?, ?, ?, 1)')
      .run(id, clerk.username, clerk.displayName, clerk.authorityId, clerk.role, passwordHash);
  } catch (error) {
    // Another admin run may have taken the username while this one waited for the password.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AdminInputError(`The username "${clerk.username}" exists already; choose another one.`);
    }
    throw error;
  }
  return id;
}

/**
 * Sets the account inactive and deletes its sessions in one transaction, so the clerk is logged out
 * at once, also on a running portal. Returns the number of sessions deleted.
 */
export function deactivateClerk(db: Database.Database, username: string): { id: string; wasActive: boolean; endedSessions: number } {
  const row = db.prepare('SELECT id, active FROM users WHERE username = lower(?)').get(username) as { id: string; active: number } | undefined;
  if (!row) throw new AdminInputError(`No clerk account with username "${username}"; the list command shows all accounts.`);

  const endedSessions = db.transaction(() => {
    db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(row.id);
    return db.prepare('DELETE FROM sessions WHERE user_id = ?').run(row.id).changes;
  })();
  return { id: row.id, wasActive: row.active === 1, endedSessions };
}

/** Lists all accounts, active or not, without their password hashes. */
export function listClerks(db: Database.Database): ClerkListing[] {
  const rows = db.prepare('SELECT username, display_name, authority_id, role, active FROM users ORDER BY authority_id, username').all() as {
    username: string; display_name: string; authority_id: string; role: string; active: number;
  }[];
  return rows.map((row) => ({ username: row.username, displayName: row.display_name, authorityId: row.authority_id, role: row.role, active: row.active === 1 }));
}
