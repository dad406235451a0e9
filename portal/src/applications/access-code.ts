// Access codes let a citizen look up the status of an application together with its reference.
// A code is derived from the application id with a secret key (so an idempotent replay shows the
// same code again) and stored only as a peppered hash.
import type { PortalSecrets } from '../security/secrets.ts';
import { hmacHex, safeEqualHex } from '../security/secrets.ts';

// Crockford's base32 alphabet: no I, L, O or U, so codes read aloud or typed from paper survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** Twelve base32 characters carry 60 bits; shown in groups of four (e.g. 7KQ2-M9XD-4TRA). */
export function deriveAccessCode(secrets: PortalSecrets, applicationId: string): string {
  const digest = Buffer.from(hmacHex(secrets.accessCodeKey, `access-code:${applicationId}`), 'hex');
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index++) code += ALPHABET[digest[index]! % 32];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Accepts the code as typed: any case, with or without dashes and spaces, O for 0 and I/L for 1. */
export function normaliseAccessCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function hashAccessCode(secrets: PortalSecrets, code: string): string {
  return hmacHex(secrets.accessCodePepper, normaliseAccessCode(code));
}

export function accessCodeMatches(secrets: PortalSecrets, input: string, storedHash: string): boolean {
  return safeEqualHex(hashAccessCode(secrets, input), storedHash);
}
