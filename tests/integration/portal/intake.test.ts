import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KIOSK_DEVICES } from '../../../portal/src/catalog/demo-data.ts';
import { setAtPath } from '../../../src-shared/forms/paths.ts';
import { startTestPortal, type TestPortal } from '../../support/portal-harness.ts';
import { DOMSUEHL_ARS, eventNotification, LUDWIGSLUST_ARS, parkingPermit, registrationCertificate, SCHWERIN_ARS, SMALL_PDF, validSubmission } from '../../support/submissions.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal.stop();
});

const submit = (body: unknown, key: string | null = randomUUID(), extra: { deviceToken?: string; token?: string } = {}) =>
  portal.request('POST', '/api/v1/applications', { body, idempotencyKey: key ?? undefined, ...extra });

describe('intake', () => {
  it('returns a receipt with reference, access code and status path', async () => {
    const result = await submit(validSubmission(parkingPermit(), { placeArs: SCHWERIN_ARS }));
    expect(result.status).toBe(201);
    expect(result.body.reference).toMatch(/^SN-\d{4}-\d{6}$/);
    expect(result.body.accessCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(result.body.authority.id).toBe('schwerin');
    expect(result.body.statusPath).toBe(`/status?ref=${result.body.reference}`);
    expect(result.body.statusPath).not.toContain(result.body.accessCode);
    expect(result.body.documents).toHaveLength(1);
  });

  it('names the fee for the kind and copies filed', async () => {
    const submission = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS });
    submission.formData = setAtPath(setAtPath(submission.formData, 'certificate.kind', 'extended'), 'certificate.copies', 3);

    const result = await submit(submission);

    expect(result.status).toBe(201);
    expect(result.body.fee).toEqual({ unitCents: 1000, quantity: 3, totalCents: 3000 });
  });

  it('replays the same key and body with the same receipt', async () => {
    const body = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS });
    const key = randomUUID();
    const first = await submit(body, key);
    const again = await submit(body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('rejects the same key with another body', async () => {
    const key = randomUUID();
    const first = await submit(validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS, seed: 1 }), key);
    expect(first.status).toBe(201);
    const other = await submit(validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS, seed: 2 }), key);
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('urn:antragsdesk:problem:idempotency-key-reused');
  });

  it('requires an idempotency key', async () => {
    const result = await submit(validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS }), null);
    expect(result.status).toBe(400);
    expect(result.body.detail).toContain('Idempotency-Key');
  });

  it('numbers references per authority', async () => {
    const city = await submit(validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS, seed: 3 }));
    const amt = await submit(validSubmission(registrationCertificate(), { placeArs: DOMSUEHL_ARS, seed: 3 }));
    const amtAgain = await submit(validSubmission(registrationCertificate(), { placeArs: DOMSUEHL_ARS, seed: 4 }));
    expect(city.body.reference.startsWith('SN-')).toBe(true);
    expect(amt.body.reference).toMatch(/^APU-\d{4}-\d{6}$/);
    const counter = (reference: string) => Number(reference.slice(-6));
    expect(counter(amtAgain.body.reference)).toBe(counter(amt.body.reference) + 1);
  });

  it('rejects required values that are empty or only spaces, in German', async () => {
    const body = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS });
    (body.formData.applicant as Record<string, unknown>).familyName = '   ';
    const result = await submit(body);
    expect(result.status).toBe(422);
    const error = result.body.errors.find((item: { path: string }) => item.path === 'applicant.familyName');
    expect(error, JSON.stringify(result.body.errors)).toBeDefined();
    expect(error.message).toMatch(/Bitte|Pflicht|angeben|an\./);
  });

  it('rejects a date of birth in the future', async () => {
    const body = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS });
    (body.formData.applicant as Record<string, unknown>).dateOfBirth = '2999-01-01';
    const result = await submit(body);
    expect(result.status).toBe(422);
    const error = result.body.errors.find((item: { path: string }) => item.path === 'applicant.dateOfBirth');
    expect(error?.message).toContain('nicht in der Zukunft');

    (body.formData.applicant as Record<string, unknown>).dateOfBirth = '1980-12-24';
    expect((await submit(body)).status).toBe(201);
  });

  it('rejects properties the form does not have', async () => {
    const body = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS });
    (body.formData as Record<string, unknown>).religion = 'keine';
    const result = await submit(body);
    expect(result.status).toBe(422);
    expect(result.body.errors.map((item: { path: string }) => item.path)).toContain('religion');
  });

  it('rejects values of conditional fields that are hidden', async () => {
    const body = validSubmission(eventNotification(), { placeArs: LUDWIGSLUST_ARS });
    body.formData.alcohol = { sale: 'no', servingFrom: '18:00', responsiblePerson: { givenName: 'Tilo', familyName: 'Beispiel' } };
    const result = await submit(body);
    expect(result.status).toBe(422);
    const paths = result.body.errors.map((item: { path: string }) => item.path);
    expect(paths).toEqual(expect.arrayContaining(['alcohol.servingFrom', 'alcohol.responsiblePerson']));
  });

  it('requires conditional fields once they are shown', async () => {
    const body = validSubmission(eventNotification(), { placeArs: LUDWIGSLUST_ARS });
    body.formData.alcohol = { sale: 'yes' };
    const result = await submit(body);
    expect(result.status).toBe(422);
    expect(result.body.errors.map((item: { path: string }) => item.path)).toContain('alcohol.servingFrom');
  });

  it('routes an event to the town of the venue', async () => {
    const result = await submit(validSubmission(eventNotification(), { placeArs: LUDWIGSLUST_ARS }));
    expect(result.status, result.text).toBe(201);
    expect(result.body.authority.id).toBe('ludwigslust');
  });

  it('rejects an unknown service version', async () => {
    const body = { ...validSubmission(registrationCertificate()), serviceVersion: 99 };
    const result = await submit(body);
    expect(result.status).toBe(422);
    expect(result.body.errors[0].path).toBe('serviceId');
  });

  it('rejects a fake PDF by its magic bytes', async () => {
    const body = validSubmission(parkingPermit(), { placeArs: SCHWERIN_ARS });
    body.attachments[0]!.contentBase64 = Buffer.from('MZ this is an executable, not a PDF').toString('base64');
    const result = await submit(body);
    expect(result.status).toBe(422);
    expect(result.body.errors[0].message).toMatch(/PDF|JPEG|PNG/);
  });

  it('rejects an oversized file', async () => {
    const service = parkingPermit();
    const document = service.documents.find((item) => item.required)!;
    const body = validSubmission(service, { placeArs: SCHWERIN_ARS });
    const big = Buffer.concat([SMALL_PDF, Buffer.alloc(document.maxBytes)]);
    body.attachments[0]!.contentBase64 = big.toString('base64');
    const result = await submit(body);
    expect(result.status).toBe(422);
    expect(result.body.errors[0].message).toMatch(/größer|groß/);
  });

  it('rejects a missing mandatory document', async () => {
    const body = { ...validSubmission(parkingPermit(), { placeArs: SCHWERIN_ARS }), attachments: [] };
    const result = await submit(body);
    expect(result.status).toBe(422);
  });

  it('normalises attachment file names', async () => {
    const body = validSubmission(parkingPermit(), { placeArs: SCHWERIN_ARS });
    body.attachments[0]!.fileName = '..\\..\\C:\\Windows\\Fahrzeugschein\u0301.pdf'.normalize('NFD');
    const result = await submit(body);
    expect(result.status).toBe(201);
    const name = result.body.documents[0].fileName as string;
    expect(name).not.toMatch(/[\\/]/);
    expect(name).toBe(name.normalize('NFC'));
  });

  it('routes the parking permit to the city or to the district by address', async () => {
    const city = await submit(validSubmission(parkingPermit(), { placeArs: SCHWERIN_ARS }));
    const town = await submit(validSubmission(parkingPermit(), { placeArs: LUDWIGSLUST_ARS }));
    expect(city.body.authority.id).toBe('schwerin');
    expect(town.body.authority.id).toBe('lk-ludwigslust-parchim');
    expect(town.body.reference.startsWith('LUP-')).toBe(true);
  });

  it('answers 422 naming service and place when nobody is responsible', async () => {
    const result = await submit(validSubmission(parkingPermit(), { placeArs: '091620000000' }));
    expect(result.status).toBe(422);
    expect(result.body.detail).toContain(parkingPermit().id);
    expect(result.body.detail).toContain('091620000000');
  });

  it('accepts kiosk submissions only with a device token', async () => {
    const device = DEMO_KIOSK_DEVICES[0]!;
    const body = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS, channel: 'kiosk' });
    const without = await submit(body);
    expect(without.status).toBe(401);

    const withToken = await submit(body, randomUUID(), { deviceToken: device.token });
    expect(withToken.status).toBe(201);
    expect(withToken.body.channel).toBe('kiosk');

    const wrongToken = await submit(body, randomUUID(), { deviceToken: 'nicht-gueltig' });
    expect(wrongToken.status).toBe(401);
  });

  it('kiosk device tokens cannot read the clerk API', async () => {
    const result = await portal.request('GET', '/api/v1/clerk/feed', { deviceToken: DEMO_KIOSK_DEVICES[0]!.token });
    expect(result.status).toBe(403);
  });

  it('records the clerk on assisted intake', async () => {
    const token = await portal.login('a.krueger');
    const body = validSubmission(registrationCertificate(), { placeArs: SCHWERIN_ARS, channel: 'assisted' });
    const anonymous = await submit(body);
    expect(anonymous.status).toBe(401);

    const result = await submit(body, randomUUID(), { token });
    expect(result.status).toBe(201);
    const application = await portal.request('GET', `/api/v1/clerk/applications/${result.body.applicationId}`, { token });
    expect(application.body.channel).toBe('assisted');
    expect(application.body.recordedBy).toBe('user-sn-krueger');
  });

  it('rejects an invalid body shape with field errors', async () => {
    const result = await submit({ serviceId: 1, channel: 'fax' });
    expect(result.status).toBe(400);
    const paths = result.body.errors.map((item: { path: string }) => item.path);
    expect(paths).toEqual(expect.arrayContaining(['serviceId', 'channel', 'formData']));
  });
});
