// Random tokens, hashing of tokens and the portal's secret keys.
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

// scrypt parameters for clerk passwords: N=2^15, r=8, p=1 costs about 32 MiB and tens of
// milliseconds per login, well within login rate limits.
const SCRYPT_PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize('NFC'), salt, 32, SCRYPT_PARAMS);
  return ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;

  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(expected, actual);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session and device tokens are long random strings, so a plain SHA-256 is enough to store them. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface PortalSecrets {
  /** Derives each application's access code, so an idempotent replay can show the same code again. */
  accessCodeKey: Buffer;
  /** Pepper for the stored access-code hashes: a copy of the database alone cannot test guesses. */
  accessCodePepper: Buffer;
}

/**
 * Loads the secret keys from `<dataDir>/secrets.json`, creating them on first start. Back the file
 * up with the database: without it, issued access codes can no longer be checked.
 */
export function loadOrCreateSecrets(dataDir: string): PortalSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');

  if (!existsSync(file)) {
    const fresh = { accessCodeKey: randomToken(32), accessCodePepper: randomToken(32) };
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
  }

  const stored = JSON.parse(readFileSync(file, 'utf8')) as { accessCodeKey?: string; accessCodePepper?: string };
  if (!stored.accessCodeKey || !stored.accessCodePepper) {
    throw new Error(`The secrets file ${file} is incomplete; restore it from the backup taken with the database.`);
  }
  return { accessCodeKey: Buffer.from(stored.accessCodeKey, 'base64url'), accessCodePepper: Buffer.from(stored.accessCodePepper, 'base64url') };
}
