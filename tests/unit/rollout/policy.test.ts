import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { loadPolicy, type PolicyEnvironment } from '../../../src-main/policy/resolve.ts';
import { parseRegQueryOutput } from '../../../src-main/policy/reg-query.ts';
import type { RegistryHive, RegistryKey, RegistryReader } from '../../../src-main/policy/registry.ts';
import { PolicyError } from '../../../src-main/policy/policy-error.ts';
import { checkPolicyDocument } from '../../../src-main/policy/validate.ts';

// A scrypt PHC string as hash-pin-cli.ts prints it; the PIN behind it does not matter here.
const PIN_HASH = '$scrypt$ln=12,r=8,p=1$Z6QLBlR7xNeA0lSHMs8F0Q$2qHqPl2Pex1CsVNT5SwX9FpBzT7WTNVU2zYnqprtX5g';

const HKLM_SOURCE = 'HKLM\\SOFTWARE\\Policies\\Antragsdesk';
const HKCU_SOURCE = 'HKCU\\SOFTWARE\\Policies\\Antragsdesk';

let root: string;
let userSettingsFile: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'antragsdesk-policy-'));
  userSettingsFile = join(root, 'userData', 'settings.json');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function registry(keys: Partial<Record<RegistryHive, RegistryKey>>): RegistryReader {
  return { readKey: async (hive) => keys[hive] ?? null };
}

function key(values: RegistryKey['values'], subkeys: RegistryKey['subkeys'] = {}): RegistryKey {
  return { values, subkeys };
}

async function writeJson(path: string, content: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
}

function environment(overrides: Partial<PolicyEnvironment> = {}): PolicyEnvironment & { log: ReturnType<typeof createMemoryLogger> } {
  return { platform: 'linux', fileRoot: root, env: {}, userSettingsFile, argv: [], log: createMemoryLogger(), ...overrides } as PolicyEnvironment & { log: ReturnType<typeof createMemoryLogger> };
}

const linuxPolicyFile = () => join(root, 'etc', 'antragsdesk', 'policy.json');
const windowsPolicyFile = () => join(root, 'ProgramData', 'Antragsdesk', 'policy.json');

async function loadOk(env: PolicyEnvironment) {
  const result = await loadPolicy(env);
  if (!result.ok) throw new Error(`expected a valid policy, got ${result.error.message}`);
  return result.policy;
}

async function loadError(env: PolicyEnvironment): Promise<PolicyError> {
  const result = await loadPolicy(env);
  if (result.ok) throw new Error('expected a PolicyError');
  return result.error;
}

describe('policy layers on Windows', () => {
  it('HKLM wins over HKCU, file and user', async () => {
    await writeJson(windowsPolicyFile(), { portalUrl: 'https://file.example', mode: 'clerk', idleTimeoutSeconds: 300, kioskDeviceTokenFile: '/etc/antragsdesk/device-token', adminPinHash: PIN_HASH });
    await writeJson(userSettingsFile, { mode: 'clerk', kioskPaper: 'a4', languages: ['de'] });
    const env = environment({
      platform: 'win32',
      registry: registry({
        HKLM: key({ portalUrl: { type: 'REG_SZ', data: 'https://hklm.example' }, mode: { type: 'REG_SZ', data: 'kiosk' } }),
        HKCU: key({ portalUrl: { type: 'REG_SZ', data: 'https://hkcu.example' }, logLevel: { type: 'REG_SZ', data: 'debug' } }),
      }),
    });

    const policy = await loadOk(env);

    expect(policy.entries.portalUrl).toEqual({ value: 'https://hklm.example', source: HKLM_SOURCE, managed: true });
    expect(policy.entries.mode).toEqual({ value: 'kiosk', source: HKLM_SOURCE, managed: true });
    expect(policy.entries.logLevel).toEqual({ value: 'debug', source: HKCU_SOURCE, managed: true });
    expect(policy.entries.idleTimeoutSeconds).toEqual({ value: 300, source: windowsPolicyFile(), managed: true });
    expect(policy.entries.kioskPaper).toEqual({ value: 'a4', source: 'user', managed: false });
    expect(policy.entries.updateChannel).toEqual({ value: 'latest', source: 'default', managed: false });
    expect(policy.values.languages).toEqual(['de']);
  });

  it('converts DWORD, EXPAND_SZ and list subkeys', async () => {
    const env = environment({
      platform: 'win32',
      env: { ProgramData: 'C:\\ProgramData', PUBLIC: 'C:\\Users\\Public' },
      registry: registry({
        HKLM: key(
          {
            PortalURL: { type: 'REG_SZ', data: 'https://portal.example/' },
            updatesEnabled: { type: 'REG_DWORD', data: 0 },
            offlineIntakeAllowed: { type: 'REG_DWORD', data: 1 },
            idleTimeoutSeconds: { type: 'REG_DWORD', data: 90 },
            scannerFolder: { type: 'REG_EXPAND_SZ', data: '%PUBLIC%\\Scans' },
          },
          { languages: key({ '2': { type: 'REG_SZ', data: 'en' }, '1': { type: 'REG_SZ', data: 'de' }, '10': { type: 'REG_SZ', data: 'tr' } }) },
        ),
      }),
    });

    const policy = await loadOk(env);

    expect(policy.values.portalUrl).toBe('https://portal.example/');
    expect(policy.values.updatesEnabled).toBe(false);
    expect(policy.values.offlineIntakeAllowed).toBe(true);
    expect(policy.values.idleTimeoutSeconds).toBe(90);
    expect(policy.values.scannerFolder).toBe('C:\\Users\\Public\\Scans');
    expect(policy.values.languages).toEqual(['de', 'en', 'tr']);
  });

  it('rejects a DWORD 2 for a boolean key', async () => {
    const env = environment({
      platform: 'win32',
      registry: registry({ HKLM: key({ portalUrl: { type: 'REG_SZ', data: 'https://p.example' }, updatesEnabled: { type: 'REG_DWORD', data: 2 } }) }),
    });

    const error = await loadError(env);

    expect(error).toBeInstanceOf(PolicyError);
    expect(error.key).toBe('updatesEnabled');
    expect(error.source).toBe(HKLM_SOURCE);
    expect(error.expected).toContain('DWORD 1 or 0');
    expect(error.message).toContain('updatesEnabled');
  });

  it('reports an unreadable registry as PolicyError', async () => {
    const env = environment({ platform: 'win32', registry: { readKey: async () => Promise.reject(new Error('access denied')) } });

    const error = await loadError(env);

    expect(error.reason).toBe('unreadable');
    expect(error.source).toBe(HKLM_SOURCE);
  });
});

describe('policy validation', () => {
  it('rejects http for a non-loopback portal', async () => {
    await writeJson(linuxPolicyFile(), { portalUrl: 'http://portal.schwerin.example' });

    const error = await loadError(environment());

    expect(error.key).toBe('portalUrl');
    expect(error.source).toBe(linuxPolicyFile());
    expect(error.reason).toBe('invalid');
    expect(error.expectedDe).toContain('https');
  });

  it.each(['http://127.0.0.1:8080', 'http://[::1]:3000/api', 'http://localhost', 'https://portal.schwerin.example/base'])('accepts portal %s', async (url) => {
    await writeJson(linuxPolicyFile(), { portalUrl: url });

    const policy = await loadOk(environment());

    expect(policy.values.portalUrl).toBe(url);
  });

  it.each([
    ['mode', 'terminal'],
    ['idleTimeoutSeconds', 29],
    ['idleTimeoutSeconds', '120'],
    ['languages', ['de', 'fr']],
    ['languages', ['de', 'de']],
    ['kioskPaper', 'a5'],
    ['adminPinHash', 'plain1234'],
    ['updateServerUrl', 'http://updates.example'],
    ['offlineIntakeAllowed', 'yes'],
    ['extraCaCertificates', 'C:\\ca.pem'],
  ])('rejects %s = %j and names the key', async (name, value) => {
    await writeJson(linuxPolicyFile(), { portalUrl: 'https://p.example', [name]: value });

    const error = await loadError(environment());

    expect(error.key).toBe(name);
    expect(error.source).toBe(linuxPolicyFile());
  });

  it('keeps the rejected value out of the error message', async () => {
    await writeJson(linuxPolicyFile(), { portalUrl: 'https://p.example', adminPinHash: 'secret-pin-1234' });

    const error = await loadError(environment());

    expect(error.message).not.toContain('secret-pin-1234');
  });

  it('requires a portal URL somewhere', async () => {
    const error = await loadError(environment());

    expect(error.key).toBe('portalUrl');
    expect(error.reason).toBe('missing');
  });

  it('stops on a policy file that is not JSON', async () => {
    await writeJson(linuxPolicyFile(), '{ "portalUrl": "https://p.example", }');

    const error = await loadError(environment());

    expect(error.reason).toBe('unreadable');
    expect(error.key).toBeNull();
    expect(error.source).toBe(linuxPolicyFile());
  });

  it('stops on a JSON array instead of an object', async () => {
    await writeJson(linuxPolicyFile(), '["portalUrl"]');

    const error = await loadError(environment());

    expect(error.reason).toBe('unreadable');
  });

  it('reads a file saved with a UTF-8 BOM', async () => {
    await writeJson(linuxPolicyFile(), '\uFEFF{"portalUrl":"https://p.example"}');

    const policy = await loadOk(environment());

    expect(policy.values.portalUrl).toBe('https://p.example');
  });

  it('checkPolicyDocument reports unknown keys', () => {
    expect(checkPolicyDocument({ portalUrl: 'https://p.example' })).toEqual([]);
    expect(checkPolicyDocument({ portalUrl: 'https://p.example', colour: 'red' })).toHaveLength(1);
  });
});

describe('unknown keys and scopes', () => {
  it('logs unknown keys by name and source only', async () => {
    await writeJson(linuxPolicyFile(), { portalUrl: 'https://p.example', proxyPassword: 'hunter2', $schema: './policy.schema.json' });
    const env = environment();

    await loadOk(env);

    const warnings = env.log.records.filter((record) => record.message === 'policy: unknown key ignored');
    expect(warnings).toEqual([{ level: 'warn', message: 'policy: unknown key ignored', data: { key: 'proxyPassword', source: linuxPolicyFile() } }]);
    expect(JSON.stringify(env.log.records)).not.toContain('hunter2');
  });

  it('ignores machine-only keys from user settings', async () => {
    await writeJson(linuxPolicyFile(), { portalUrl: 'https://p.example' });
    await writeJson(userSettingsFile, { updateServerUrl: 'https://evil.example', updatesEnabled: false, kioskPrinter: 'Thermo 80' });
    const env = environment();

    const policy = await loadOk(env);

    expect(policy.values.updateServerUrl).toBeUndefined();
    expect(policy.values.updatesEnabled).toBe(true);
    expect(policy.entries.kioskPrinter).toEqual({ value: 'Thermo 80', source: 'user', managed: false });
    expect(env.log.records.filter((record) => record.message.startsWith('policy: user setting ignored'))).toHaveLength(2);
  });
});

describe('kiosk mode', () => {
  it.each(['kioskDeviceTokenFile', 'adminPinHash'])('without %s stops the start', async (missing) => {
    const kioskKeys: Record<string, string> = { kioskDeviceTokenFile: '/etc/antragsdesk/device-token', adminPinHash: PIN_HASH };
    delete kioskKeys[missing];
    await writeJson(linuxPolicyFile(), { portalUrl: 'https://p.example', mode: 'kiosk', ...kioskKeys });

    const error = await loadError(environment());

    expect(error.key).toBe(missing);
    expect(error.reason).toBe('missing');
  });

  it('in clerk mode needs neither', async () => {
    await writeJson(linuxPolicyFile(), { portalUrl: 'https://p.example', mode: 'clerk' });

    const policy = await loadOk(environment());

    expect(policy.values.mode).toBe('clerk');
  });
});

describe('command-line flags', () => {
  it('set keys no policy layer sets and beat user settings', async () => {
    await writeJson(userSettingsFile, { mode: 'clerk', logLevel: 'warn' });
    await writeJson(linuxPolicyFile(), { kioskDeviceTokenFile: '/etc/antragsdesk/device-token', adminPinHash: PIN_HASH });
    const env = environment({ argv: ['/opt/Antragsdesk/antragsdesk', '--portal-url=http://127.0.0.1:8080', '--mode=kiosk', '--no-sandbox'] });

    const policy = await loadOk(env);

    expect(policy.entries.portalUrl).toEqual({ value: 'http://127.0.0.1:8080', source: 'command line', managed: false });
    expect(policy.entries.mode).toEqual({ value: 'kiosk', source: 'command line', managed: false });
    expect(policy.entries.logLevel).toEqual({ value: 'warn', source: 'user', managed: false });
  });

  it('are ignored with a log line for managed keys', async () => {
    await writeJson(linuxPolicyFile(), { portalUrl: 'https://p.example', mode: 'kiosk', kioskDeviceTokenFile: '/etc/antragsdesk/device-token', adminPinHash: PIN_HASH });
    const env = environment({ argv: ['--mode=clerk'] });

    const policy = await loadOk(env);

    expect(policy.values.mode).toBe('kiosk');
    expect(env.log.records).toContainEqual({ level: 'warn', message: 'policy: command-line flag ignored because policy manages the key', data: { key: 'mode', source: linuxPolicyFile() } });
  });

  it('with an invalid value stop the start', async () => {
    const error = await loadError(environment({ argv: ['--portal-url=ftp://p.example'] }));

    expect(error.key).toBe('portalUrl');
    expect(error.source).toBe('command line');
  });
});

describe('reg query output', () => {
  it('parses values, lists and multi strings', () => {
    const output = [
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Antragsdesk',
      '    portalUrl    REG_SZ    https://portal.example/a b',
      '    updatesEnabled    REG_DWORD    0x1',
      '    idleTimeoutSeconds    REG_DWORD    0x78',
      '    extraCaCertificates    REG_MULTI_SZ    C:\\ca\\one.pem\\0C:\\ca\\two.pem',
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Antragsdesk\\languages',
      '    1    REG_SZ    de',
      '    2    REG_SZ    uk',
      '',
    ].join('\r\n');

    const tree = parseRegQueryOutput(output, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Antragsdesk');

    expect(tree.values.portalUrl).toEqual({ type: 'REG_SZ', data: 'https://portal.example/a b' });
    expect(tree.values.updatesEnabled).toEqual({ type: 'REG_DWORD', data: 1 });
    expect(tree.values.idleTimeoutSeconds).toEqual({ type: 'REG_DWORD', data: 120 });
    expect(tree.values.extraCaCertificates).toEqual({ type: 'REG_MULTI_SZ', data: ['C:\\ca\\one.pem', 'C:\\ca\\two.pem'] });
    expect(tree.subkeys.languages?.values).toEqual({ '1': { type: 'REG_SZ', data: 'de' }, '2': { type: 'REG_SZ', data: 'uk' } });
  });
});
