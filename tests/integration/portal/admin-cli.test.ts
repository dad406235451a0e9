// The admin command line as IT runs it on the portal host: a separate Node process that writes
// into the data folder of a running portal process, which must honour the change on its next request.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLERKS } from '../../../portal/src/catalog/demo-data.ts';
import { hashToken } from '../../../portal/src/security/secrets.ts';
import { httpRequest } from '../../support/portal-harness.ts';
import { REPO_ROOT, startPortalProcess, type PortalProcess } from '../../support/portal-process.ts';
import { registrationCertificate, SCHWERIN_ARS, validSubmission } from '../../support/submissions.ts';

const ADMIN_CLI = join(REPO_ROOT, 'portal/src/admin.ts');
const PASSWORD = 'Rathaus-Fenster-2026';

let portal: PortalProcess;
let scratchDir: string;

beforeAll(async () => {
  portal = await startPortalProcess();
  scratchDir = mkdtempSync(join(tmpdir(), 'antragsdesk-admin-'));
});

afterAll(async () => {
  await portal?.stop();
  if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
});

/** Runs one admin command to its end; `input` goes to stdin, which is then a pipe, not a terminal. */
function admin(args: string[], input = '') {
  const result = spawnSync(process.execPath, [ADMIN_CLI, ...args], { cwd: REPO_ROOT, input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function addClerk(username: string, options: { password?: string; authority?: string; role?: string } = {}) {
  return admin(
    ['add-clerk', '--data', portal.dataDir, '--username', username, '--name', 'Tilda Probe',
      '--authority', options.authority ?? 'schwerin', '--role', options.role ?? 'clerk', '--password-stdin'],
    `${options.password ?? PASSWORD}\n`,
  );
}

function addKiosk(out?: string) {
  const args = ['add-kiosk', '--data', portal.dataDir, '--name', 'Bürgerterminal Foyer', '--authority', 'schwerin'];
  const result = admin(out === undefined ? args : [...args, '--out', out]);
  const deviceId = /kiosk device (kiosk-[0-9a-f-]+)/.exec(result.stdout)?.[1];
  return { ...result, deviceId };
}

const login = (username: string, password = PASSWORD) =>
  httpRequest(portal.url, 'POST', '/api/v1/session', { body: { username, password } });

const submitAsKiosk = (deviceToken: string) =>
  httpRequest(portal.url, 'POST', '/api/v1/applications', {
    body: validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS, channel: 'kiosk' }),
    idempotencyKey: randomUUID(),
    deviceToken,
  });

/** Reads the database directly, as a second opinion next to what the CLI and the portal report. */
function query<T>(sql: string, ...parameters: unknown[]): T[] {
  const db = new Database(join(portal.dataDir, 'antragsdesk.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...parameters) as T[];
  } finally {
    db.close();
  }
}

const userCount = () => query<{ n: number }>('SELECT COUNT(*) AS n FROM users')[0]!.n;
const kioskCount = () => query<{ n: number }>('SELECT COUNT(*) AS n FROM kiosk_devices')[0]!.n;

describe('admin add-clerk', () => {
  it('adds a clerk who can log in', async () => {
    const result = addClerk('t.probe', { role: 'team_lead' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('clerk account "t.probe" added');

    const session = await login('t.probe');
    expect(session.status).toBe(201);
    expect(session.body.user).toMatchObject({ username: 't.probe', displayName: 'Tilda Probe', authorityId: 'schwerin', role: 'team_lead' });
  });

  it('stores the username in lower case', async () => {
    expect(addClerk('T.Gross').status).toBe(0);

    expect(query<{ username: string }>('SELECT username FROM users WHERE lower(username) = ?', 't.gross')).toEqual([{ username: 't.gross' }]);
    expect((await login('T.Gross')).status).toBe(201);
    expect(admin(['deactivate-clerk', '--data', portal.dataDir, '--username', 'T.GROSS']).status).toBe(0);
  });

  it('stores a scrypt hash, not the password', () => {
    expect(addClerk('t.hash').status).toBe(0);

    const [row] = query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = ?', 't.hash');
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.password_hash).not.toContain(PASSWORD);
  });
});

describe('admin deactivate-clerk', () => {
  it('blocks login and ends the open session', async () => {
    expect(addClerk('t.geht').status).toBe(0);
    const session = await login('t.geht');
    expect(session.status).toBe(201);
    const token = session.body.token as string;
    expect((await httpRequest(portal.url, 'GET', '/api/v1/session', { token })).status).toBe(200);

    const result = admin(['deactivate-clerk', '--data', portal.dataDir, '--username', 't.geht']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('deactivated; 1 session(s) ended');

    expect((await httpRequest(portal.url, 'GET', '/api/v1/session', { token })).status).toBe(401);
    expect((await login('t.geht')).status).toBe(401);
    const userId = session.body.user.id as string;
    expect(query('SELECT 1 FROM sessions WHERE user_id = ?', userId)).toHaveLength(0);
    expect(query<{ active: number }>('SELECT active FROM users WHERE id = ?', userId)[0]!.active).toBe(0);
  });

  it('reports an account that is already inactive', () => {
    expect(addClerk('t.zweimal').status).toBe(0);
    expect(admin(['deactivate-clerk', '--data', portal.dataDir, '--username', 't.zweimal']).status).toBe(0);

    const again = admin(['deactivate-clerk', '--data', portal.dataDir, '--username', 't.zweimal']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('was already inactive');
  });
});

describe('admin add-kiosk', () => {
  it('writes a token file that authenticates until deactivated', async () => {
    const file = join(scratchDir, 'device-token');
    const result = addKiosk(file);
    expect(result.status).toBe(0);
    expect(result.deviceId).toBeDefined();
    expect(result.stdout).toContain(file);

    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.stdout).not.toContain(token);

    const accepted = await submitAsKiosk(token);
    expect(accepted.status).toBe(201);
    expect(accepted.body.authority.id).toBe('schwerin');

    const deactivated = admin(['deactivate-kiosk', '--data', portal.dataDir, '--id', result.deviceId!]);
    expect(deactivated.status).toBe(0);
    expect(deactivated.stdout).toContain(`kiosk device ${result.deviceId} deactivated`);

    const rejected = await submitAsKiosk(token);
    expect(rejected.status).toBe(401);
    expect(rejected.body.userMessage).toContain('nicht freigeschaltet');
  });

  it('prints the token once without --out', async () => {
    const result = addKiosk();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('shown only once');

    const token = result.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query('SELECT 1 FROM kiosk_devices WHERE id = ? AND token_hash = ?', result.deviceId, hashToken(token))).toHaveLength(1);
    expect((await submitAsKiosk(token)).status).toBe(201);
  });

  it('keeps an existing token file', () => {
    const file = join(scratchDir, 'existing-token');
    writeFileSync(file, 'old-token-of-another-terminal\n');
    const devicesBefore = kioskCount();

    const result = addKiosk(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('exists already');
    expect(readFileSync(file, 'utf8')).toBe('old-token-of-another-terminal\n');
    expect(kioskCount()).toBe(devicesBefore);
  });
});

describe('admin bad input', () => {
  const cases: { title: string; run: () => ReturnType<typeof admin>; message: string }[] = [
    { title: 'unknown authority', run: () => addClerk('t.fremd', { authority: 'atlantis' }), message: 'Unknown authority "atlantis"; the database knows: amt-parchimer-umland' },
    { title: 'unknown role', run: () => addClerk('t.rolle', { role: 'chef' }), message: 'Unknown role "chef"; expected one of clerk, team_lead, admin' },
    { title: 'short password', run: () => addClerk('t.kurz', { password: 'elf-Zeichen' }), message: 'at least 12 characters' },
    { title: 'empty password', run: () => addClerk('t.leer', { password: '' }), message: 'The password is empty' },
    { title: 'password of spaces', run: () => addClerk('t.spaces', { password: ' '.repeat(14) }), message: 'The password consists of spaces only' },
    { title: 'duplicate username', run: () => addClerk(DEMO_CLERKS[0]!.username.toUpperCase()), message: `The username "${DEMO_CLERKS[0]!.username}" exists already` },
    { title: 'username with a space', run: () => addClerk('t probe'), message: 'Invalid username "t probe"' },
    {
      title: 'no password source',
      run: () => admin(['add-clerk', '--data', portal.dataDir, '--username', 't.ohne', '--name', 'T', '--authority', 'schwerin', '--role', 'clerk']),
      message: 'stdin is not a terminal',
    },
    { title: 'missing --data', run: () => admin(['list']), message: '--data is missing' },
    { title: 'unknown command', run: () => admin(['add-user', '--data', portal.dataDir]), message: 'Unknown command "add-user"' },
    { title: 'unknown option', run: () => admin(['list', '--data', portal.dataDir, '--all']), message: "Unknown option '--all'" },
    { title: 'unknown kiosk id', run: () => admin(['deactivate-kiosk', '--data', portal.dataDir, '--id', 'kiosk-gibt-es-nicht']), message: 'No kiosk device with id "kiosk-gibt-es-nicht"' },
    { title: 'unknown username', run: () => admin(['deactivate-clerk', '--data', portal.dataDir, '--username', 'niemand']), message: 'No clerk account with username "niemand"' },
  ];

  for (const { title, run, message } of cases) {
    it(`rejects ${title} with exit code 2`, () => {
      const usersBefore = userCount();
      const result = run();
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
      expect(userCount()).toBe(usersBefore);
    });
  }

  it('rejects a folder without database and leaves it empty', () => {
    const emptyDir = mkdtempSync(join(scratchDir, 'empty-'));
    const result = admin(['list', '--data', emptyDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`No portal database at ${join(emptyDir, 'antragsdesk.sqlite')}`);
    expect(existsSync(join(emptyDir, 'antragsdesk.sqlite'))).toBe(false);
  });

  it('rejects a file that is not a database', () => {
    const dir = mkdtempSync(join(scratchDir, 'text-'));
    writeFileSync(join(dir, 'antragsdesk.sqlite'), 'not a database');
    const result = admin(['list', '--data', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a portal database (not a SQLite file)');
  });
});

describe('admin list', () => {
  it('shows accounts and devices without hashes or tokens', () => {
    expect(addClerk('t.liste').status).toBe(0);
    const file = join(scratchDir, 'list-token');
    const kiosk = addKiosk(file);
    expect(kiosk.status).toBe(0);
    const token = readFileSync(file, 'utf8').trim();

    const result = admin(['list', '--data', portal.dataDir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/t\.liste\s+Tilda Probe\s+schwerin\s+clerk\s+yes/);
    expect(result.stdout).toMatch(new RegExp(`${kiosk.deviceId}\\s+Bürgerterminal Foyer\\s+schwerin\\s+yes`));

    expect(result.stdout).not.toContain(token);
    expect(result.stdout).not.toContain(hashToken(token));
    expect(result.stdout).not.toContain('scrypt$');
    for (const { token_hash: tokenHash } of query<{ token_hash: string }>('SELECT token_hash FROM kiosk_devices')) {
      expect(result.stdout).not.toContain(tokenHash);
    }
  });
});
