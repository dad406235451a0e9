import { describe, expect, it } from 'vitest';
import { hashAdminPin, verifyAdminPin } from '../../../src-main/policy/pin-hash.ts';
import { checkPolicyValue } from '../../../src-main/policy/validate.ts';

describe('admin PIN hash', () => {
  it('verifies the right PIN and rejects others', async () => {
    const hash = await hashAdminPin('482913', { logN: 12 });

    expect(await verifyAdminPin('482913', hash)).toBe(true);
    expect(await verifyAdminPin('482914', hash)).toBe(false);
  });

  it('produces a value the policy schema accepts', async () => {
    const hash = await hashAdminPin('1234', { logN: 12 });

    expect(hash).toMatch(/^\$scrypt\$ln=12,r=8,p=1\$/);
    expect(checkPolicyValue('adminPinHash', hash)).toBeNull();
  });

  it('salts every hash', async () => {
    const first = await hashAdminPin('1234', { logN: 12 });
    const second = await hashAdminPin('1234', { logN: 12 });

    expect(first).not.toBe(second);
  });

  it.each(['123', 'abcd', '1234567890123', ''])('rejects PIN %j', async (pin) => {
    await expect(hashAdminPin(pin)).rejects.toThrow('expected 4 to 12 digits');
  });

  it('rejects malformed and oversized hashes', async () => {
    expect(await verifyAdminPin('1234', 'not-a-hash')).toBe(false);
    expect(await verifyAdminPin('1234', '$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
  });
});
