import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repository = new URL('../../', import.meta.url).pathname;

let output: string;
let resources: string;

beforeAll(async () => {
  output = await mkdtemp(join(tmpdir(), 'antragsdesk-smoke-'));
  await run('bash', [join(repository, 'scripts', 'package-smoke.sh'), output], { cwd: repository, maxBuffer: 64 * 1024 * 1024 });
  resources = join(output, 'dist', 'linux-unpacked', 'resources');
}, 600_000);

afterAll(async () => {
  await rm(output, { recursive: true, force: true });
});

describe('packaging smoke run', () => {
  it('produces app.asar', async () => {
    expect((await stat(join(resources, 'app.asar'))).isFile()).toBe(true);
  });

  it('unpacks the better-sqlite3 native addon', async () => {
    const folder = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    const files = await readdir(folder, { recursive: true });

    expect(files.some((file) => file.endsWith(`${process.platform}-${process.arch}.node`) || file.endsWith('better_sqlite3.node'))).toBe(true);
  });

  it('ships the policy templates and the update placeholder', async () => {
    expect((await readdir(join(resources, 'policy'), { recursive: true })).sort()).toEqual(['antragsdesk.admx', 'de-DE', 'de-DE/antragsdesk.adml', 'en-US', 'en-US/antragsdesk.adml']);
    expect((await stat(join(resources, 'app-update.yml'))).isFile()).toBe(true);
  });

  it('names the executable antragsdesk', async () => {
    expect((await stat(join(output, 'dist', 'linux-unpacked', 'antragsdesk'))).isFile()).toBe(true);
  });
});
