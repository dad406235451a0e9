// Hashing and checking of the kiosk admin PIN. Format (PHC string, base64 without padding):
//   $scrypt$ln=<log2 of N>,r=<block size>,p=<parallelism>$<16-byte salt>$<32-byte key>
// e.g. $scrypt$ln=15,r=8,p=1$…$… . scrypt with N=2^15, r=8 needs 32 MiB and a fraction of a
// second, which is slow enough against guessing a short PIN from a leaked policy file.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const DEFAULT_LOG_N = 15;
const DEFAULT_R = 8;
const DEFAULT_P = 1;
const KEY_LENGTH = 32;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** The PIN staff type on the kiosk: 4 to 12 digits. */
export const ADMIN_PIN_PATTERN = /^\d{4,12}$/;

function deriveKey(pin: string, salt: Buffer, logN: number, r: number, p: number, length: number): Promise<Buffer> {
  const N = 2 ** logN;
  // Node rejects scrypt calls above maxmem (32 MiB by default); 128 * N * r bytes is what scrypt needs.
  const maxmem = 256 * N * r;
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, length, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function unpadded(buffer: Buffer): string {
  return buffer.toString('base64').replace(/=+$/, '');
}

export async function hashAdminPin(pin: string, options: { logN?: number } = {}): Promise<string> {
  if (!ADMIN_PIN_PATTERN.test(pin)) throw new Error('invalid admin PIN: expected 4 to 12 digits');

  const logN = options.logN ?? DEFAULT_LOG_N;
  const salt = randomBytes(16);
  const key = await deriveKey(pin, salt, logN, DEFAULT_R, DEFAULT_P, KEY_LENGTH);
  return `$scrypt$ln=${logN},r=${DEFAULT_R},p=${DEFAULT_P}$${unpadded(salt)}$${unpadded(key)}`;
}

/** Checks a PIN against a hash; false for a wrong PIN and for a hash that is not in our format. */
export async function verifyAdminPin(pin: string, hash: string): Promise<boolean> {
  const match = PHC.exec(hash);
  if (!match) return false;

  const [, logN, r, p, salt, expectedKey] = match.map(String);
  const expected = Buffer.from(expectedKey ?? '', 'base64');
  // Bounds keep a tampered hash from asking for gigabytes of memory.
  if (Number(logN) < 10 || Number(logN) > 20 || Number(r) < 1 || Number(r) > 32 || Number(p) < 1 || Number(p) > 16) return false;

  const actual = await deriveKey(pin, Buffer.from(salt ?? '', 'base64'), Number(logN), Number(r), Number(p), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
