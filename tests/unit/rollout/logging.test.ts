import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../src-main/logging/file-logger.ts';
import { formatLogLine } from '../../../src-main/logging/json-line.ts';
import { logDirectory, userDataDirectory } from '../../../src-main/logging/paths.ts';
import { REDACTED, redact } from '../../../src-main/logging/redact.ts';
import { archivePath, logFilesOf, rotateLogFile } from '../../../src-main/logging/rotation.ts';
import { writeFile } from 'node:fs/promises';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'antragsdesk-log-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('redact', () => {
  it('removes personal data and secrets at any depth', () => {
    const input = {
      applicationId: '0b0f6a9e-8a53-4d7e-9d44-5c2f0d1c1a11',
      reference: 'SN-2026-000123',
      applicant: { first_name: 'Erika', lastName: 'Musterfrau', Address: { street: 'Demoweg 1', postalCode: '19053' }, email: 'erika@example.org' },
      formData: { licensePlate: 'SN-AB 123' },
      attachments: [{ fileName: 'Ausweis Musterfrau.pdf' }],
      headers: { Authorization: 'Bearer abc', 'x-kiosk-device-token': 'dev-1' },
      kioskDeviceToken: 'dev-2',
      adminPinHash: '$scrypt$…',
      accessCode: 'K7P2-Q9',
      status: 'submitted',
    };

    const output = redact(input) as Record<string, unknown>;
    const text = JSON.stringify(output);

    for (const secret of ['Erika', 'Musterfrau', 'Demoweg', '19053', 'erika@example.org', 'SN-AB 123', 'Ausweis', 'Bearer abc', 'dev-1', 'dev-2', '$scrypt', 'K7P2-Q9']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(output.applicationId).toBe(input.applicationId);
    expect(output.reference).toBe('SN-2026-000123');
    expect(output.status).toBe('submitted');
    expect(output.formData).toBe(REDACTED);
    expect((output.applicant as Record<string, unknown>).first_name).toBe(REDACTED);
  });

  it('leaves the input untouched', () => {
    const input = { name: 'Max Mustermann' };

    redact(input);

    expect(input.name).toBe('Max Mustermann');
  });

  it('survives cycles, errors and buffers', () => {
    const cyclic: Record<string, unknown> = { id: 7 };
    cyclic.self = cyclic;
    const error = Object.assign(new Error('portal timed out'), { code: 'ETIMEDOUT' });

    const output = redact({ cyclic, error, file: Buffer.from('abc') }) as Record<string, Record<string, unknown>>;

    expect(output.cyclic?.self).toBe('[circular]');
    expect(output.error?.message).toBe('portal timed out');
    expect(output.error?.code).toBe('ETIMEDOUT');
    expect(output.file).toBe('[3 bytes]');
  });
});

describe('JSON log lines', () => {
  it('has one JSON object per line with redacted data', () => {
    const line = formatLogLine({ time: new Date('2026-03-05T09:30:00Z'), level: 'info', scope: 'sync', message: 'application cached', data: [{ applicationId: 'a1', applicantName: 'Max Mustermann' }] });

    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2026-03-05T09:30:00.000Z',
      level: 'info',
      scope: 'sync',
      message: 'application cached',
      data: { applicationId: 'a1', applicantName: REDACTED },
    });
  });
});

describe('file logger and rotation', () => {
  it('writes JSON lines and honours the level', async () => {
    const file = join(folder, 'logs', 'main.log');
    const log = createFileLogger({ file, level: 'info' });

    log.debug('hidden');
    log.info('app: starting', { mode: 'kiosk' });
    log.error('print failed', { printer: 'Thermo 80', token: 'abc' });

    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.message)).toEqual(['app: starting', 'print failed']);
    expect(lines[1].data).toEqual({ printer: 'Thermo 80', token: REDACTED });
  });

  it('rotates by size and keeps three archives', async () => {
    const file = join(folder, 'main.log');
    const log = createFileLogger({ file, maxBytes: 400, archives: 3 });

    for (let index = 0; index < 60; index += 1) log.info('tick', { index });

    const names = (await readdir(folder)).sort();
    expect(names).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const name of names) {
      const content = await readFile(join(folder, name), 'utf8');
      expect(Buffer.byteLength(content), name).toBeLessThanOrEqual(400);
    }
    const newest = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line).data.index);
    expect(newest.at(-1)).toBe(59);
  });

  it('rotateLogFile shifts archives and drops the oldest', async () => {
    const file = join(folder, 'main.log');
    await writeFile(file, 'current');
    await writeFile(archivePath(file, 1), 'one');
    await writeFile(archivePath(file, 2), 'two');

    rotateLogFile(file, 2);

    expect(await readFile(archivePath(file, 1), 'utf8')).toBe('current');
    expect(await readFile(archivePath(file, 2), 'utf8')).toBe('one');
    expect(logFilesOf(file, 2)).toEqual([archivePath(file, 1), archivePath(file, 2)]);
  });
});

describe('log folder', () => {
  it('follows the platform conventions', () => {
    expect(logDirectory({ platform: 'win32', home: 'C:\\Users\\amt', env: { APPDATA: 'C:\\Users\\amt\\AppData\\Roaming' } })).toBe('C:\\Users\\amt\\AppData\\Roaming\\Antragsdesk\\logs');
    expect(logDirectory({ platform: 'linux', home: '/home/amt', env: {} })).toBe('/home/amt/.config/Antragsdesk/logs');
    expect(logDirectory({ platform: 'linux', home: '/home/amt', env: { XDG_CONFIG_HOME: '/srv/cfg' } })).toBe('/srv/cfg/Antragsdesk/logs');
    expect(logDirectory({ platform: 'darwin', home: '/Users/amt', env: {} })).toBe('/Users/amt/Library/Logs/Antragsdesk');
    expect(userDataDirectory({ platform: 'darwin', home: '/Users/amt', env: {} })).toBe('/Users/amt/Library/Application Support/Antragsdesk');
  });
});
