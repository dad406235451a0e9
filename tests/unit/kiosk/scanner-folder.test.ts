// The scanner folder: session files only, type by magic bytes, size limit, read by id, deletion at
// session end.
import { mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERIC_DOCUMENT_ICON, ScanNotFoundError, startScannerSession } from '../../../src-main/kiosk/scanner-folder.ts';
import { createMemoryLogger } from '../../../src-main/logging/logger.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'antragsdesk-scans-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('scanner folder', () => {
  it('lists session scans by their content type', async () => {
    const session = startScannerSession({ folder, log: createMemoryLogger() });
    await writeFile(join(folder, 'scan-1.pdf'), PDF);
    await writeFile(join(folder, 'scan-2.png'), PNG);
    await writeFile(join(folder, 'photo.txt'), JPEG);
    await writeFile(join(folder, 'fake.pdf'), 'not a pdf');
    await writeFile(join(folder, 'empty.png'), '');

    const scans = await session.list();
    const byName = new Map(scans.map((scan) => [scan.fileName, scan]));

    expect([...byName.keys()].sort()).toEqual(['photo.txt', 'scan-1.pdf', 'scan-2.png']);
    expect(byName.get('photo.txt')?.mediaType).toBe('image/jpeg');
    expect(byName.get('scan-1.pdf')?.thumbnailDataUrl).toBe(GENERIC_DOCUMENT_ICON);
    expect(byName.get('scan-2.png')?.thumbnailDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('skips files from before the session', async () => {
    await writeFile(join(folder, 'old.pdf'), PDF);
    const session = startScannerSession({ folder, log: createMemoryLogger() }, Date.now() + 60_000);

    expect(await session.list()).toEqual([]);
  });

  it('skips oversized files and symbolic links', async () => {
    const session = startScannerSession({ folder, log: createMemoryLogger(), maxBytes: 10 });
    await writeFile(join(folder, 'big.pdf'), Buffer.concat([PDF, Buffer.alloc(100)]));
    await writeFile(join(folder, '..outside.pdf'), PDF.subarray(0, 8));
    await symlink('/etc/hostname', join(folder, 'link.pdf'));

    const names = (await session.list()).map((scan) => scan.fileName);
    expect(names).toEqual(['..outside.pdf']);
  });

  it('reads a listed scan and nothing else', async () => {
    const session = startScannerSession({ folder, log: createMemoryLogger() });
    await writeFile(join(folder, 'scan.pdf'), PDF);
    const [scan] = await session.list();

    const content = await session.read(scan!.id);
    expect(Buffer.from(content.contentBase64, 'base64')).toEqual(PDF);
    await expect(session.read('../../etc/passwd')).rejects.toBeInstanceOf(ScanNotFoundError);
  });

  it('deletes session files at the end', async () => {
    await writeFile(join(folder, 'before.pdf'), PDF);
    const old = new Date(Date.now() - 3_600_000);
    await utimes(join(folder, 'before.pdf'), old, old);
    const session = startScannerSession({ folder, log: createMemoryLogger() }, Date.now() + 2_000);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await writeFile(join(folder, 'during.pdf'), PDF);

    expect(await session.deleteSessionFiles()).toBe(1);
    expect(await readdir(folder)).toEqual(['before.pdf']);
  });
});
