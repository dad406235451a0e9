// The portal as an operator starts it: a separate Node process with options and environment.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '../../support/portal-harness.ts';

const CLI = join(import.meta.dirname, '../../../portal/src/cli.ts');
const dirs: string[] = [];

function dataDir(): string {
  const dir = makeDataDir('antragsdesk-cli-');
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts the CLI and resolves with the URL it prints once it listens. */
function startCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`portal exited with ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

/** Looks up a status with a wrong access code, as the client `forwardedFor`; returns the HTTP status. */
async function lookUpStatus(url: string, index: number, forwardedFor: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ reference: `SN-2026-9${String(index).padStart(5, '0')}`, accessCode: 'AAAA-BBBB-CCCC' }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('portal command line', () => {
  it('starts on a free port, seeds demo data and stops on SIGTERM', async () => {
    const dir = dataDir();
    const portal = startCli(['--port', '0', '--data', dir, '--log-level', 'warn']);
    const url = await portal.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const services = await (await fetch(`${url}/api/v1/catalog/services`)).json();
    expect(services.length).toBe(4);

    portal.child.kill('SIGTERM');
    expect(await portal.exited).toBe(0);
  });

  it('stops on SIGTERM while a live feed stream is open', async () => {
    const dir = dataDir();
    const portal = startCli(['--port', '0', '--data', dir, '--log-level', 'warn']);
    const url = await portal.url;

    const login = await fetch(`${url}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'a.krueger', password: 'Demo-Passwort-2026' }),
    });
    const { token } = await login.json();
    const stream = await fetch(`${url}/api/v1/clerk/feed/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    await reader.read();

    portal.child.kill('SIGTERM');
    expect(await portal.exited).toBe(0);
    await reader.cancel().catch(() => undefined);
  });

  it('refuses a second portal on one data folder', async () => {
    const dir = dataDir();
    const first = startCli(['--port', '0', '--data', dir, '--log-level', 'warn']);
    const url = await first.url;
    expect(readFileSync(join(dir, 'portal.pid'), 'utf8').trim()).toBe(String(first.child.pid));

    const second = spawnSync(process.execPath, [CLI, '--port', '0', '--data', dir, '--log-level', 'warn'], { encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`is in use by another portal process (pid ${first.child.pid})`);
    expect(second.stderr).not.toContain('    at ');
    expect((await fetch(`${url}/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dir, 'portal.pid'))).toBe(false);
  });

  it('takes over the data folder of a portal that was killed', async () => {
    const dir = dataDir();
    const killed = startCli(['--port', '0', '--data', dir, '--log-level', 'warn']);
    await killed.url;
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(existsSync(join(dir, 'portal.pid'))).toBe(true);

    const next = startCli(['--port', '0', '--data', dir, '--log-level', 'warn']);
    const url = await next.url;
    expect(next.output()).toContain(`portal: took over portal.pid of process ${killed.child.pid}, which is no longer a running portal`);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(readFileSync(join(dir, 'portal.pid'), 'utf8').trim()).toBe(String(next.child.pid));
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });

  it('rejects a busy port with one line', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const dir = dataDir();
      const result = spawnSync(process.execPath, [CLI, '--port', String(port), '--data', dir, '--log-level', 'warn'], { encoding: 'utf8' });

      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(`portal: port ${port} on 127.0.0.1 is already in use. Stop the program that uses it, or choose another --port.`);
      expect(existsSync(join(dir, 'portal.pid'))).toBe(false);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('takes port and data folder from the environment', async () => {
    const dir = dataDir();
    const portal = startCli([], { PORTAL_PORT: '0', PORTAL_DATA_DIR: dir, PORTAL_LOG_LEVEL: 'warn' });
    const url = await portal.url;
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    portal.child.kill('SIGTERM');
    await portal.exited;

    const db = new Database(join(dir, 'antragsdesk.sqlite'), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM services').get() as { n: number }).n).toBeGreaterThanOrEqual(4);
    db.close();
  });

  it('rejects an invalid port with usage', () => {
    const result = spawnSync(process.execPath, [CLI, '--port', 'achtzig'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid --port / PORTAL_PORT "achtzig"');
    expect(result.stderr).toContain('Usage: npm run portal');
  });

  it('rejects an invalid trusted proxy', () => {
    const result = spawnSync(process.execPath, [CLI, '--trust-proxy', '10.0.0.0/99'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid --trust-proxy / PORTAL_TRUST_PROXY entry "10.0.0.0/99"');
  });

  it('counts clients by X-Forwarded-For behind a trusted proxy', async () => {
    const portal = startCli(['--port', '0', '--data', dataDir(), '--log-level', 'warn', '--trust-proxy', 'loopback']);
    const url = await portal.url;

    // 30 lookups per client and minute are allowed; each uses another reference, so that only
    // the per-client limit counts.
    const statuses: number[] = [];
    for (let index = 0; index <= 30; index++) statuses.push(await lookUpStatus(url, index, '198.51.100.7'));
    const otherClient = await lookUpStatus(url, 99, '198.51.100.8');

    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(otherClient).toBe(404);
    portal.child.kill('SIGTERM');
    await portal.exited;
  });

  it('ignores X-Forwarded-For without a trusted proxy', async () => {
    const portal = startCli(['--port', '0', '--data', dataDir(), '--log-level', 'warn']);
    const url = await portal.url;

    // Every request names another client, but all come from the same peer address.
    const statuses: number[] = [];
    for (let index = 0; index <= 30; index++) statuses.push(await lookUpStatus(url, index, `198.51.100.${index + 1}`));

    expect(statuses[30]).toBe(429);
    portal.child.kill('SIGTERM');
    await portal.exited;
  });

  it('leaves a foreign SQLite database untouched', () => {
    const dir = dataDir();
    const foreign = new Database(join(dir, 'antragsdesk.sqlite'));
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    foreign.close();

    const result = spawnSync(process.execPath, [CLI, '--port', '0', '--data', dir], { encoding: 'utf8' });
    const check = new Database(join(dir, 'antragsdesk.sqlite'), { readonly: true });
    const tables = (check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
    const journalMode = check.pragma('journal_mode', { simple: true });
    check.close();

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not an Antragsdesk portal database (no schema_migrations table)');
    expect(tables).toEqual(['customers']);
    expect(journalMode).toBe('delete');
  });

  it('rejects a file that is not SQLite without a stack trace', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'antragsdesk.sqlite'), 'not a database');

    const result = spawnSync(process.execPath, [CLI, '--port', '0', '--data', dir], { encoding: 'utf8' });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not an Antragsdesk portal database (not a SQLite file)');
    expect(result.stderr).not.toContain('    at ');
  });

  it('rejects an unknown option', () => {
    const result = spawnSync(process.execPath, [CLI, '--prot', '80'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--prot'");
  });

  it('refuses a database written by a newer version', async () => {
    const dir = dataDir();
    const first = startCli(['--port', '0', '--data', dir, '--log-level', 'warn']);
    await first.url;
    first.child.kill('SIGTERM');
    await first.exited;

    const db = new Database(join(dir, 'antragsdesk.sqlite'));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01')").run();
    db.close();

    const result = spawnSync(process.execPath, [CLI, '--port', '0', '--data', dir], { encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('has schema version 999');
    expect(result.stderr).toContain('written by a newer Antragsdesk portal');
  });

  it('prints help', () => {
    const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--data <dir>');
  });
});
