// Staff exit of the kiosk: the admin PIN from the machine policy (an scrypt hash) unlocks it.
// Wrong PINs are rate-limited: after FREE_ATTEMPTS wrong PINs every further wrong PIN locks the
// exit for twice as long as the last lock, from 30 seconds up to 15 minutes.
import type { StaffExitResult } from '../../src-shared/ipc/kiosk.ts';
import type { Logger } from '../logging/logger.ts';
import { verifyAdminPin } from '../policy/pin-hash.ts';

export const FREE_ATTEMPTS = 3;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export interface StaffExitGuard {
  attempt(pin: string): Promise<StaffExitResult>;
}

export interface StaffExitOptions {
  adminPinHash: string | undefined;
  log: Logger;
  now?: () => number;
  verify?: (pin: string, hash: string) => Promise<boolean>;
}

export function createStaffExitGuard(options: StaffExitOptions): StaffExitGuard {
  const now = options.now ?? Date.now;
  const verify = options.verify ?? verifyAdminPin;
  let failures = 0;
  let lockedUntil = 0;
  let checking = false;

  const secondsUntil = (time: number) => Math.max(0, Math.ceil((time - now()) / 1000));

  return {
    attempt: async (pin) => {
      if (!options.adminPinHash) {
        options.log.warn('kiosk: staff exit requested, but adminPinHash is not set');
        return { kind: 'unavailable' };
      }
      // One check at a time, so parallel calls cannot try several PINs within one lock period.
      if (now() < lockedUntil || checking) return { kind: 'denied', retryAfterSeconds: Math.max(1, secondsUntil(lockedUntil)) };

      checking = true;
      let correct: boolean;
      try {
        correct = /^\d{4,12}$/.test(pin) && await verify(pin, options.adminPinHash);
      } finally {
        checking = false;
      }

      if (correct) {
        failures = 0;
        lockedUntil = 0;
        options.log.info('kiosk: staff exit granted');
        return { kind: 'granted' };
      }

      failures += 1;
      if (failures >= FREE_ATTEMPTS) {
        const lockMs = Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MS);
        lockedUntil = now() + lockMs;
      }
      options.log.warn('kiosk: staff exit denied, wrong PIN', { failures, lockedForSeconds: secondsUntil(lockedUntil) });
      return { kind: 'denied', retryAfterSeconds: secondsUntil(lockedUntil) };
    },
  };
}
