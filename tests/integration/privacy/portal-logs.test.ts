// Operators ship the portal's log lines to central logging, so they must carry ids only: no names,
// addresses, e-mail addresses, form contents, passwords, tokens or access codes.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLERKS } from '../../../portal/src/catalog/demo-data.ts';
import { httpRequest, makeDataDir } from '../../support/portal-harness.ts';
import { registrationCertificate, SCHWERIN_ARS, validSubmission } from '../../support/submissions.ts';

const CLI = join(import.meta.dirname, '../../../portal/src/cli.ts');
const dataDir = makeDataDir('antragsdesk-logs-');
let output = '';
let url = '';
let stop: () => Promise<void>;

beforeAll(async () => {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', dataDir, '--log-level', 'debug'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      }
    }, 20);
    child.on('exit', (code) => reject(new Error(`portal exited with ${code}: ${output}`)));
  });
  stop = () => new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
});

afterAll(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('portal logs', () => {
  it('carry ids but no personal data through intake, login, actions and status lookup', async () => {
    const marker = `Zzyzxmarker${Date.now()}`;
    const body = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS });
    const applicant = body.formData.applicant as Record<string, unknown>;
    applicant.familyName = marker;
    applicant.email = `${marker.toLowerCase()}@example.org`;

    const receipt = await httpRequest(url, 'POST', '/api/v1/applications', { body, idempotencyKey: randomUUID() });
    expect(receipt.status).toBe(201);

    const clerk = DEMO_CLERKS.find((user) => user.authorityId === 'schwerin')!;
    const login = await httpRequest(url, 'POST', '/api/v1/session', { body: { username: clerk.username, password: clerk.password } });
    const token = login.body.token as string;
    await httpRequest(url, 'POST', '/api/v1/session', { body: { username: clerk.username, password: 'Falsch-und-geheim' } });

    const id = receipt.body.applicationId as string;
    await httpRequest(url, 'POST', `/api/v1/clerk/applications/${id}/actions`, {
      token, idempotencyKey: randomUUID(), body: { action: 'request_information', expectedVersion: 1, message: `Frage an ${marker}` },
    });
    await httpRequest(url, 'POST', `/api/v1/clerk/applications/${id}/actions`, {
      token, idempotencyKey: randomUUID(), body: { action: 'add_note', expectedVersion: 1, text: `Vermerk ${marker}` },
    });
    await httpRequest(url, 'POST', '/api/v1/status', { body: { reference: receipt.body.reference, accessCode: receipt.body.accessCode } });

    // Let the last lines reach stdout.
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(output).toContain(id);
    expect(output).toContain('application received');
    expect(output).toContain('clerk action applied');
    for (const secret of [marker, marker.toLowerCase(), clerk.password, 'Falsch-und-geheim', token, receipt.body.accessCode]) {
      expect(output, `log must not contain ${secret}`).not.toContain(secret);
    }
  });
});
