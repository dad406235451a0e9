// FIT-Connect export through the clerk API, validated with ajv (JSON Schema 2020-12) against the
// FIT-Connect metadata schema 1.0.0 from the shared fixtures.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PDF } from '../../support/submissions.ts';
import { clerkAction, fileOnline, startWebPortal, type WebPortal } from './web-portal.ts';

const repoRoot = join(import.meta.dirname, '../../..');
const metadataSchema = JSON.parse(readFileSync(join(repoRoot, '..', 'shared', 'fixtures', 'fit-connect', 'metadata.schema.v1.0.0.json'), 'utf8'));

let portal: WebPortal;
let token: string;

beforeAll(async () => {
  portal = await startWebPortal();
  token = await portal.login('a.krueger');
});
afterAll(async () => {
  await portal.stop();
});

function validateMetadata(metadata: unknown) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(metadataSchema);
  const valid = validate(metadata);
  return { valid, errors: validate.errors ?? [] };
}

describe('FIT-Connect export', () => {
  it('validates against the metadata schema 1.0.0', async () => {
    const filed = await fileOnline(portal);
    const result = await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}/export/fit-connect`, { token });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-disposition')).toContain(`fit-connect-${filed.reference}.json`);

    const { valid, errors } = validateMetadata(result.body.metadata);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('describes form data, service and attachments', async () => {
    const filed = await fileOnline(portal);
    const application = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}`, { token })).body;
    const exported = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}/export/fit-connect`, { token })).body;
    const { metadata } = exported;

    expect(JSON.parse(exported.data)).toEqual(application.formData);
    expect(metadata.contentStructure.data.hash).toEqual({ type: 'sha512', content: createHash('sha512').update(exported.data).digest('hex') });
    expect(metadata.contentStructure.data.submissionSchema.mimeType).toBe('application/json');
    expect(metadata.publicServiceType.identifier).toBe(application.serviceId);
    expect(metadata.publicServiceType.identifier).toMatch(/^urn:de:fim:leika:leistung:\d{14}$/);
    expect(metadata.additionalReferenceInfo.senderReference).toBe(filed.reference);
    expect(metadata.additionalReferenceInfo.applicationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(metadata.replyChannel).toEqual({ eMail: { address: 'erika.beispiel@example.org' } });

    expect(metadata.contentStructure.attachments).toHaveLength(application.attachments.length);
    for (const attachment of application.attachments) {
      const described = metadata.contentStructure.attachments.find((item: { attachmentId: string }) => item.attachmentId === attachment.id);
      expect(described).toMatchObject({ hash: { type: 'sha512', content: attachment.sha512 }, purpose: 'attachment', mimeType: attachment.mediaType, filename: attachment.fileName });
      expect(attachment.sha512).toBe(createHash('sha512').update(SMALL_PDF).digest('hex'));
    }
  });

  it('names a schema URI that serves the form schema', async () => {
    const filed = await fileOnline(portal);
    const { metadata } = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}/export/fit-connect`, { token })).body;
    const schemaUri: string = metadata.contentStructure.data.submissionSchema.schemaUri;
    expect(schemaUri.startsWith(portal.url)).toBe(true);

    const schema = await fetch(schemaUri);
    expect(schema.status).toBe(200);
    expect(schema.headers.get('content-type')).toContain('application/schema+json');
    const body = await schema.json();
    expect(body.$schema ?? body.type).toBeTruthy();
  });

  it('includes reply documents and still validates', async () => {
    const filed = await fileOnline(portal);
    await clerkAction(portal, token, filed.applicationId, { action: 'accept' });
    await clerkAction(portal, token, filed.applicationId, { action: 'request_information', message: 'Bitte Nachweis senden.' });
    const reply = await portal.request('POST', '/api/v1/status/reply', {
      idempotencyKey: randomUUID(),
      body: { reference: filed.reference, accessCode: filed.accessCode, text: 'Anbei.', attachments: [{ fileName: 'nachweis.pdf', mediaType: 'application/pdf', contentBase64: SMALL_PDF.toString('base64') }] },
    });
    expect(reply.status).toBe(200);

    const exported = (await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}/export/fit-connect`, { token })).body;
    const replyFile = exported.metadata.contentStructure.attachments.find((item: { filename: string }) => item.filename === 'nachweis.pdf');
    expect(replyFile.description).toBe('Anlage zur Antwort');
    expect(validateMetadata(exported.metadata).errors).toEqual([]);

    const link = exported.attachments.find((item: { attachmentId: string }) => item.attachmentId === replyFile.attachmentId);
    const download = await fetch(`${portal.url}${link.downloadPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(SMALL_PDF);
  });

  it('answers 404 to another authority and 401 without a session', async () => {
    const filed = await fileOnline(portal);
    const otherToken = await portal.login('e.schroeder');
    const foreign = await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}/export/fit-connect`, { token: otherToken });
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(filed.reference);

    const anonymous = await portal.request('GET', `/api/v1/clerk/applications/${filed.applicationId}/export/fit-connect`);
    expect(anonymous.status).toBe(401);
  });
});
