// Hash chain over the audit entries of one application. Each entry's hash covers the previous
// hash and the entry text, so altering, removing or reordering a row breaks every later hash.
import { createHash } from 'node:crypto';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export function chainHash(prevHash: string, entryText: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(entryText).digest('hex');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
