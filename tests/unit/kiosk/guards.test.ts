// Plain guards of the kiosk: keyboard allowlist, app:// path resolution, IPC sender check, staff
// exit rate limit, delivery backoff.
import { describe, expect, it } from 'vitest';
import { KIOSK_CSP, isKioskAppUrl, resolveAppRequest } from '../../../src-main/kiosk/app-protocol.ts';
import { deliveryDelayMs } from '../../../src-main/kiosk/backoff.ts';
import { checkIpcSender } from '../../../src-main/kiosk/ipc-guard.ts';
import { isAllowedKey, type KeyInput } from '../../../src-main/kiosk/keyboard.ts';
import { createStaffExitGuard, FREE_ATTEMPTS } from '../../../src-main/kiosk/staff-exit.ts';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { hashAdminPin } from '../../../src-main/policy/pin-hash.ts';

function key(keyName: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  return { type: 'keyDown', key: keyName, control: false, alt: false, shift: false, meta: false, ...modifiers };
}

describe('keyboard allowlist', () => {
  it.each([
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+S', key('s', { control: true })],
    ['Ctrl+O', key('o', { control: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Plus', key('+', { control: true })],
    ['Alt+Left', key('ArrowLeft', { alt: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['Meta+R', key('r', { meta: true })],
  ])('blocks %s', (_name, input) => {
    expect(isAllowedKey(input)).toBe(false);
  });

  it.each([
    ['letter', key('ä')],
    ['capital', key('Q', { shift: true })],
    ['Tab', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['ArrowDown', key('ArrowDown')],
    ['Ctrl+V', key('v', { control: true })],
    ['AltGr+Q (@)', key('@', { control: true, alt: true })],
  ])('allows %s', (_name, input) => {
    expect(isAllowedKey(input)).toBe(true);
  });
});

describe('app protocol', () => {
  const root = '/opt/antragsdesk/out/renderer';

  it('serves files below the renderer folder', () => {
    expect(resolveAppRequest('app://kiosk/kiosk.html?idle=120', root)).toEqual({ kind: 'file', path: `${root}/kiosk.html`, contentType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://kiosk/assets/index-abc.js', root)).toMatchObject({ kind: 'file', path: `${root}/assets/index-abc.js` });
  });

  it.each([
    'app://kiosk/../../etc/passwd',
    'app://kiosk/%2e%2e/%2e%2e/etc/passwd',
    'app://kiosk/assets/..%2f..%2f..%2fetc/passwd',
    'app://kiosk/..%5c..%5cwindows%5cwin.ini',
    'app://kiosk/kiosk.html%00.png',
  ])('rejects traversal %s', (url) => {
    expect(resolveAppRequest(url, root).kind).toBe('rejected');
  });

  it('rejects other hosts and unknown types', () => {
    expect(resolveAppRequest('app://evil/kiosk.html', root)).toMatchObject({ kind: 'rejected', status: 403 });
    expect(resolveAppRequest('app://kiosk/secret.sqlite', root)).toMatchObject({ kind: 'rejected', status: 404 });
    expect(isKioskAppUrl('https://kiosk/kiosk.html')).toBe(false);
  });

  it('sends a strict CSP', () => {
    expect(KIOSK_CSP).toContain("default-src 'none'");
    expect(KIOSK_CSP).toContain("script-src 'self'");
    expect(KIOSK_CSP).not.toContain('unsafe');
  });
});

describe('IPC sender check', () => {
  it('accepts the kiosk top frame', () => {
    expect(checkIpcSender({ frameUrl: 'app://kiosk/kiosk.html', isMainFrame: true })).toEqual({ ok: true });
  });

  it('rejects sub-frames, foreign origins and unknown frames', () => {
    expect(checkIpcSender({ frameUrl: 'app://kiosk/kiosk.html', isMainFrame: false })).toEqual({ ok: false, reason: 'sub-frame' });
    expect(checkIpcSender({ frameUrl: 'https://evil.example/', isMainFrame: true })).toEqual({ ok: false, reason: 'foreign origin' });
    expect(checkIpcSender({ frameUrl: undefined, isMainFrame: true })).toEqual({ ok: false, reason: 'unknown frame' });
  });
});

describe('staff exit', () => {
  it('grants the right PIN', async () => {
    const guard = createStaffExitGuard({ adminPinHash: await hashAdminPin('4711', { logN: 10 }), log: createMemoryLogger() });

    expect(await guard.attempt('4711')).toEqual({ kind: 'granted' });
  });

  it('locks after repeated wrong PINs', async () => {
    let now = 1_000_000;
    const hash = await hashAdminPin('4711', { logN: 10 });
    const guard = createStaffExitGuard({ adminPinHash: hash, log: createMemoryLogger(), now: () => now });

    for (let attempt = 1; attempt < FREE_ATTEMPTS; attempt += 1) expect(await guard.attempt('0000')).toEqual({ kind: 'denied', retryAfterSeconds: 0 });
    expect(await guard.attempt('0000')).toEqual({ kind: 'denied', retryAfterSeconds: 30 });
    // Even the right PIN is not checked while the exit is locked.
    expect(await guard.attempt('4711')).toMatchObject({ kind: 'denied' });

    now += 31_000;
    expect(await guard.attempt('1234')).toEqual({ kind: 'denied', retryAfterSeconds: 60 });
    now += 61_000;
    expect(await guard.attempt('4711')).toEqual({ kind: 'granted' });
  });

  it('is unavailable without a PIN hash', async () => {
    const guard = createStaffExitGuard({ adminPinHash: undefined, log: createMemoryLogger() });

    expect(await guard.attempt('4711')).toEqual({ kind: 'unavailable' });
  });
});

describe('delivery backoff', () => {
  it('doubles up to the maximum', () => {
    const options = { baseMs: 1_000, maxMs: 8_000 };
    expect([1, 2, 3, 4, 5].map((attempts) => deliveryDelayMs(attempts, options, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(deliveryDelayMs(1, options, () => 1)).toBe(1_200);
  });
});
