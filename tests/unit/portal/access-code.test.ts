import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accessCodeMatches, deriveAccessCode, hashAccessCode, normaliseAccessCode } from '../../../portal/src/applications/access-code.ts';

const secrets = { accessCodeKey: randomBytes(32), accessCodePepper: randomBytes(32) };

describe('access codes', () => {
  it('are stable per application and differ between applications', () => {
    const first = deriveAccessCode(secrets, 'a1');
    expect(deriveAccessCode(secrets, 'a1')).toBe(first);
    expect(deriveAccessCode(secrets, 'a2')).not.toBe(first);
    expect(first).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(first).not.toMatch(/[ILOU]/);
  });

  it('match as typed by a citizen', () => {
    const code = deriveAccessCode(secrets, 'app');
    const stored = hashAccessCode(secrets, code);
    expect(accessCodeMatches(secrets, code.toLowerCase().replace(/-/g, ' '), stored)).toBe(true);
    expect(accessCodeMatches(secrets, code.replace(/0/g, 'O'), stored)).toBe(true);
    expect(accessCodeMatches(secrets, 'AAAA-BBBB-CCCC', stored)).toBe(false);
  });

  it('hashes depend on the pepper', () => {
    const other = { ...secrets, accessCodePepper: randomBytes(32) };
    expect(hashAccessCode(other, 'ABCD')).not.toBe(hashAccessCode(secrets, 'ABCD'));
    expect(normaliseAccessCode(' ab-cd ')).toBe('ABCD');
  });
});
