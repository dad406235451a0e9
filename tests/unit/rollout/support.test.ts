import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';
import { loadPolicy } from '../../../src-main/policy/resolve.ts';
import { createSupportBundle, SECRET_PLACEHOLDER, supportBundleName } from '../../../src-main/support/bundle.ts';
import { createTar } from '../../../src-main/support/tar.ts';

const PIN_HASH = '$scrypt$ln=12,r=8,p=1$Z6QLBlR7xNeA0lSHMs8F0Q$2qHqPl2Pex1CsVNT5SwX9FpBzT7WTNVU2zYnqprtX5g';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'antragsdesk-support-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Extracts with the system tar, the tool IT staff would use. */
function extract(archive: string, target: string): void {
  execFileSync('tar', ['-xzf', archive, '-C', target]);
}

describe('tar writer', () => {
  it('writes archives GNU tar lists and extracts', async () => {
    const longName = `${'verzeichnis/'.repeat(12)}datei.txt`;
    const archive = join(folder, 'a.tar');
    await writeFile(archive, createTar([
      { name: 'a.txt', content: Buffer.from('äöü\n') },
      { name: 'empty.txt', content: Buffer.alloc(0) },
      { name: longName, content: Buffer.alloc(1500, 0x41) },
    ]));

    const listing = execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual(['a.txt', 'empty.txt', longName]);

    const target = join(folder, 'out');
    await mkdir(target);
    execFileSync('tar', ['-xf', archive, '-C', target]);
    expect(await readFile(join(target, 'a.txt'), 'utf8')).toBe('äöü\n');
    expect((await readFile(join(target, longName))).length).toBe(1500);
  });

  it('rejects paths that leave the archive', () => {
    expect(() => createTar([{ name: '../etc/passwd', content: Buffer.alloc(1) }])).toThrow('invalid tar entry name');
    expect(() => createTar([{ name: '/abs', content: Buffer.alloc(1) }])).toThrow('invalid tar entry name');
  });
});

describe('support bundle', () => {
  it('contains logs, version and the policy without secrets', async () => {
    const logs = join(folder, 'logs');
    await mkdir(logs);
    await writeFile(join(logs, 'main.log'), '{"message":"app: starting"}\n');
    await writeFile(join(logs, 'main.1.log'), '{"message":"older"}\n');
    const etc = join(folder, 'root', 'etc', 'antragsdesk');
    await mkdir(etc, { recursive: true });
    await writeFile(join(etc, 'policy.json'), JSON.stringify({ portalUrl: 'https://portal.example', mode: 'kiosk', adminPinHash: PIN_HASH, kioskDeviceTokenFile: '/etc/antragsdesk/device-token' }));
    const result = await loadPolicy({ platform: 'linux', fileRoot: join(folder, 'root'), env: {}, userSettingsFile: join(folder, 'none.json'), argv: [], log: createMemoryLogger() });
    if (!result.ok) throw result.error;
    const now = new Date('2026-03-05T09:30:00Z');
    const output = join(folder, 'export', supportBundleName(now));

    const bundle = await createSupportBundle({
      outputFile: output,
      logFiles: [join(logs, 'main.log'), join(logs, 'main.1.log'), join(logs, 'main.2.log')],
      app: { appVersion: '0.1.0', electronVersion: '45.6.1', platform: 'linux', arch: 'x64', installKind: 'deb', mode: 'kiosk' },
      policy: result.policy,
      now,
    });

    expect(bundle.file).toBe(join(folder, 'export', 'antragsdesk-support-2026-03-05T09-30-00Z.tar.gz'));
    const target = join(folder, 'unpacked');
    await mkdir(target);
    extract(bundle.file, target);
    expect((await readdir(target)).sort()).toEqual(['logs', 'manifest.json', 'policy.json']);
    expect(await readFile(join(target, 'logs', 'main.log'), 'utf8')).toBe('{"message":"app: starting"}\n');

    const manifest = JSON.parse(await readFile(join(target, 'manifest.json'), 'utf8'));
    expect(manifest.appVersion).toBe('0.1.0');
    expect(manifest.installKind).toBe('deb');
    expect(manifest.missingLogs).toEqual(['main.2.log']);

    const policyText = await readFile(join(target, 'policy.json'), 'utf8');
    expect(policyText).not.toContain(PIN_HASH);
    const policy = JSON.parse(policyText);
    expect(policy.adminPinHash).toEqual({ value: SECRET_PLACEHOLDER, source: join(etc, 'policy.json'), managed: true });
    expect(policy.mode.value).toBe('kiosk');
    expect(policy.kioskDeviceTokenFile.value).toBe('/etc/antragsdesk/device-token');
  });

  it('records a policy error instead of a policy', async () => {
    const output = join(folder, 'b.tar.gz');

    await createSupportBundle({ outputFile: output, logFiles: [], app: { appVersion: '0.1.0', platform: 'win32', arch: 'x64', installKind: 'msi' }, policy: null, policyError: 'policy key "mode" is invalid' });

    const target = join(folder, 'unpacked');
    await mkdir(target);
    extract(output, target);
    expect(JSON.parse(await readFile(join(target, 'policy.json'), 'utf8'))).toEqual({ error: 'policy key "mode" is invalid' });
  });
});
