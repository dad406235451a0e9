// Operators ship the portal's log lines to central logging, so they must carry ids only: no names,
// addresses, e-mail addresses, form contents, passwords, tokens or access codes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLERKS } from '../../../portal/src/catalog/demo-data.ts';
import { httpRequest } from '../../support/portal-harness.ts';
import { startPortalProcess, type PortalProcess } from '../../support/portal-process.ts';
import { registrationCertificate, SCHWERIN_ARS, validSubmission } from '../../support/submissions.ts';

let portal: PortalProcess;

beforeAll(async () => {
  portal = await startPortalProcess({ logLevel: 'debug' });
});

afterAll(async () => {
  await portal.stop();
});

describe('portal logs', () => {
  it('carry ids but no personal data through intake, login, actions and status lookup', async () => {
    const marker = `Zzyzxmarker${Date.now()}`;
    const body = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS });
    const applicant = body.formData.applicant as Record<string, unknown>;
    applicant.familyName = marker;
    applicant.email = `${marker.toLowerCase()}@example.org`;

    const url = portal.url;
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

    const output = portal.output();
    expect(output).toContain(id);
    expect(output).toContain('application received');
    expect(output).toContain('clerk action applied');
    for (const secret of [marker, marker.toLowerCase(), clerk.password, 'Falsch-und-geheim', token, receipt.body.accessCode]) {
      expect(output, `log must not contain ${secret}`).not.toContain(secret);
    }
  });
});
