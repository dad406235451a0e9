// Kiosk devices in the portal database: add, deactivate, list. The database stores only the
// SHA-256 hash of a device token, the same hash the portal looks up when a kiosk calls it.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { hashToken, randomToken } from '../security/secrets.ts';
import { requireAuthority } from './admin-database.ts';
import { AdminInputError, checkName } from './input.ts';

// 32 random bytes, base64url: 43 characters, which the kiosk's token file check accepts.
const DEVICE_TOKEN_BYTES = 32;

export interface NewKiosk {
  name: string;
  authorityId: string;
}

export interface KioskListing {
  id: string;
  name: string;
  authorityId: string;
  active: boolean;
}

export function checkNewKiosk(db: Database.Database, input: NewKiosk): NewKiosk {
  const name = checkName('name', input.name);
  requireAuthority(db, input.authorityId);
  return { name, authorityId: input.authorityId };
}

/** Creates a device token. The database keeps only its hash, so the caller must hand the token to IT now. */
export function createDeviceToken(): string {
  return randomToken(DEVICE_TOKEN_BYTES);
}

/** Inserts an active kiosk device with the token's hash and returns the device id. */
export function insertKiosk(db: Database.Database, kiosk: NewKiosk, token: string): string {
  const id = `kiosk-${randomUUID()}`;
  db.prepare('INSERT INTO kiosk_devices (id, name, authority_id, token_hash, active) VALUES (?, ?, ?, ?, 1)')
    .run(id, kiosk.name, kiosk.authorityId, hashToken(token));
  return id;
}

/** Sets the device inactive, so the portal rejects its token from the next request on. */
export function deactivateKiosk(db: Database.Database, id: string): { wasActive: boolean } {
  const row = db.prepare('SELECT active FROM kiosk_devices WHERE id = ?').get(id) as { active: number } | undefined;
  if (!row) throw new AdminInputError(`No kiosk device with id "${id}"; the list command shows all devices.`);

  db.prepare('UPDATE kiosk_devices SET active = 0 WHERE id = ?').run(id);
  return { wasActive: row.active === 1 };
}

/** Lists all devices, active or not, without their token hashes. */
export function listKiosks(db: Database.Database): KioskListing[] {
  const rows = db.prepare('SELECT id, name, authority_id, active FROM kiosk_devices ORDER BY authority_id, id').all() as {
    id: string; name: string; authority_id: string; active: number;
  }[];
  return rows.map((row) => ({ id: row.id, name: row.name, authorityId: row.authority_id, active: row.active === 1 }));
}
