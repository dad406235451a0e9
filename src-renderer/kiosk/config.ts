// Kiosk settings the main process passes in the page URL (kiosk.html?idle=120&languages=de,en):
// the idle time, the offered languages and the on-screen keyboard from the machine policy.
import { isLocale, LOCALES, type Locale } from '../citizen/i18n/messages.ts';
import type { Channel } from '../../src-shared/index.ts';

export interface KioskPageConfig {
  idleSeconds: number;
  languages: Locale[];
  onScreenKeyboard: boolean;
  /** `assisted` when the page runs in the clerk app's assisted-intake window. */
  channel: Extract<Channel, 'kiosk' | 'assisted'>;
}

export const DEFAULT_IDLE_SECONDS = 120;
const MIN_IDLE_SECONDS = 30;

export function readKioskPageConfig(search: string): KioskPageConfig {
  const params = new URLSearchParams(search);

  const idle = Number(params.get('idle'));
  const idleSeconds = Number.isInteger(idle) && idle >= MIN_IDLE_SECONDS ? idle : DEFAULT_IDLE_SECONDS;

  const languages = (params.get('languages') ?? '').split(',').filter(isLocale);

  return {
    idleSeconds,
    languages: languages.length > 0 ? languages : [...LOCALES],
    onScreenKeyboard: params.get('onScreenKeyboard') === '1',
    channel: params.get('channel') === 'assisted' ? 'assisted' : 'kiosk',
  };
}

/**
 * Seconds the warning stays before the reset: at least 20, so that a screen reader can read it
 * and the citizen can answer, and at most 30.
 */
export function warningSecondsFor(idleSeconds: number): number {
  return Math.max(20, Math.min(30, Math.floor(idleSeconds / 2)));
}
