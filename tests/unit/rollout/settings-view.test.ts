import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { loadPolicy, type EffectivePolicy } from '../../../src-main/policy/resolve.ts';
import { createSettingsProvider, sourceLabel } from '../../../src-main/policy/settings-view.ts';
import { parseInput } from '../../../src-renderer/clerk/components/SettingsDialog.tsx';

let root: string;
let userSettingsFile: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'antragsdesk-settings-'));
  userSettingsFile = join(root, 'settings.json');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function policyWith(machine: Record<string, unknown>, user: Record<string, unknown> = {}): Promise<EffectivePolicy> {
  const policyFile = join(root, 'etc', 'antragsdesk', 'policy.json');
  await import('node:fs/promises').then((fs) => fs.mkdir(join(root, 'etc', 'antragsdesk'), { recursive: true }));
  writeFileSync(policyFile, JSON.stringify(machine));
  writeFileSync(userSettingsFile, JSON.stringify(user));
  const result = await loadPolicy({ platform: 'linux', fileRoot: root, env: {}, userSettingsFile, argv: [], log: createMemoryLogger() });
  if (!result.ok) throw new Error(result.error.message);
  return result.policy;
}

describe('settings view', () => {
  it('shows managed values read-only with their source', async () => {
    const provider = createSettingsProvider({ policy: await policyWith({ portalUrl: 'https://portal.example', logLevel: 'warn' }), userSettingsFile, log: createMemoryLogger() });
    const entries = new Map(provider.view().entries.map((entry) => [entry.key, entry]));

    const portalUrl = entries.get('portalUrl')!;
    expect(portalUrl.managed).toBe(true);
    expect(portalUrl.editable).toBe(false);
    expect(portalUrl.source).toBe(`Richtliniendatei ${join(root, 'etc', 'antragsdesk', 'policy.json')}`);
    expect(portalUrl.label).not.toBe('portalUrl');

    const idle = entries.get('idleTimeoutSeconds')!;
    expect(idle.managed).toBe(false);
    expect(idle.editable).toBe(true);
    expect(idle.source).toBe('Standardwert');
  });

  it('never edits or shows machine-only secrets', async () => {
    const hash = '$scrypt$ln=12,r=8,p=1$Z6QLBlR7xNeA0lSHMs8F0Q$2qHqPl2Pex1CsVNT5SwX9FpBzT7WTNVU2zYnqprtX5g';
    const provider = createSettingsProvider({ policy: await policyWith({ portalUrl: 'https://p.example', adminPinHash: hash }), userSettingsFile, log: createMemoryLogger() });
    const pin = provider.view().entries.find((entry) => entry.key === 'adminPinHash')!;
    expect(pin.displayValue).toBe('gesetzt (nicht angezeigt)');
    expect(pin.value).toBeNull();
    expect(JSON.stringify(provider.view())).not.toContain(hash);

    const updateServer = provider.set('updateServerUrl', 'https://evil.example');
    expect(updateServer).toEqual({ ok: false, message: expect.stringContaining('vorgegeben') });
  });

  it('stores a user setting that the next start reads', async () => {
    const provider = createSettingsProvider({ policy: await policyWith({ portalUrl: 'https://p.example' }, { languages: ['de'] }), userSettingsFile, log: createMemoryLogger() });

    const result = provider.set('idleTimeoutSeconds', 300);
    expect(result.ok).toBe(true);
    const stored = JSON.parse(readFileSync(userSettingsFile, 'utf8'));
    expect(stored).toEqual({ languages: ['de'], idleTimeoutSeconds: 300 });

    const next = await loadPolicy({ platform: 'linux', fileRoot: root, env: {}, userSettingsFile, argv: [], log: createMemoryLogger() });
    expect(next.ok).toBe(true);
    if (next.ok) expect(next.policy.entries.idleTimeoutSeconds).toEqual({ value: 300, source: 'user', managed: false });
  });

  it('rejects an invalid value in German and keeps the file', async () => {
    const provider = createSettingsProvider({ policy: await policyWith({ portalUrl: 'https://p.example' }), userSettingsFile, log: createMemoryLogger() });

    const result = provider.set('idleTimeoutSeconds', 5);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('ist ungültig');
    expect(JSON.parse(readFileSync(userSettingsFile, 'utf8'))).toEqual({});
    expect(provider.set('erfunden', 1)).toEqual({ ok: false, message: 'Die Einstellung „erfunden“ gibt es nicht.' });
  });

  it('names sources in German', () => {
    expect(sourceLabel('HKLM\\SOFTWARE\\Policies\\Antragsdesk')).toBe('Gruppenrichtlinie (HKLM\\SOFTWARE\\Policies\\Antragsdesk)');
    expect(sourceLabel('command line')).toBe('Kommandozeile');
    expect(sourceLabel('user')).toBe('Benutzereinstellung');
  });

  it('turns form text into policy values', () => {
    expect(parseInput({ kind: 'number' }, '300')).toBe(300);
    expect(parseInput({ kind: 'boolean' }, 'nein')).toBe(false);
    expect(parseInput({ kind: 'list' }, 'de, en,, tr')).toEqual(['de', 'en', 'tr']);
    expect(parseInput({ kind: 'text' }, '  x ')).toBe('x');
  });
});
