import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from '../../support/portal-harness.ts';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal.stop();
});

describe('portal system routes', () => {
  it('health reports ok', async () => {
    const result = await portal.request('GET', '/health');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('openapi document lists every route', async () => {
    const result = await portal.request('GET', '/openapi.json');
    expect(result.status).toBe(200);
    expect(result.body.openapi).toBe('3.1.0');

    const paths = Object.keys(result.body.paths);
    for (const path of [
      '/health', '/api/v1/applications', '/api/v1/session', '/api/v1/clerk/feed', '/api/v1/clerk/feed/events',
      '/api/v1/clerk/applications/{id}/actions', '/api/v1/clerk/applications/{id}/audit',
      '/api/v1/clerk/applications/{id}/attachments/{attachmentId}', '/api/v1/status', '/api/v1/catalog/services/{id}/versions/{version}',
    ]) {
      expect(paths).toContain(path);
    }
    const intake = result.body.paths['/api/v1/applications'].post;
    expect(intake.requestBody.content['application/json'].schema.properties).toHaveProperty('formData');
    expect(intake.parameters.map((parameter: { name: string }) => parameter.name)).toContain('Idempotency-Key');
  });

  it('unknown route answers problem details', async () => {
    const result = await portal.request('GET', '/api/v1/nothing-here');
    expect(result.status).toBe(404);
    expect(result.headers.get('content-type')).toContain('application/problem+json');
    expect(result.body).toMatchObject({ status: 404, title: 'Not found', instance: '/api/v1/nothing-here' });
    expect(result.body.detail).toContain('/api/v1/nothing-here');
  });

  it('keeps the database readable by its owner only', () => {
    const mode = statSync(join(portal.dataDir, 'antragsdesk.sqlite')).mode & 0o777;
    expect(mode.toString(8)).toBe('600');
    expect((statSync(portal.dataDir).mode & 0o077).toString(8)).toBe('0');
  });

  it('unparsable JSON answers 400 problem details', async () => {
    const response = await fetch(`${portal.url}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": ',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.type).toBe('urn:antragsdesk:problem:bad-request');
    expect(body.userMessage).toBe('Die Anfrage ist fehlerhaft.');
  });

  it('responses carry security headers', async () => {
    const result = await portal.request('GET', '/api/v1/catalog/services');
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('cache-control')).toBe('no-store');
  });
});

describe('catalog', () => {
  it('lists six authorities and four services', async () => {
    const authorities = await portal.request('GET', '/api/v1/catalog/authorities');
    expect(authorities.body).toHaveLength(6);

    const services = await portal.request('GET', '/api/v1/catalog/services');
    expect(services.body).toHaveLength(4);
    expect(services.body[0]).not.toHaveProperty('formSchema');
  });

  it('serves each version of a service', async () => {
    const services = (await portal.request('GET', '/api/v1/catalog/services')).body as { id: string; version: number }[];
    const versioned = services.find((service) => service.version > 1);
    expect(versioned, 'one demo service has a second version').toBeDefined();

    const current = await portal.request('GET', `/api/v1/catalog/services/${encodeURIComponent(versioned!.id)}`);
    expect(current.body.version).toBe(versioned!.version);
    const first = await portal.request('GET', `/api/v1/catalog/services/${encodeURIComponent(versioned!.id)}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    expect(first.body.formSchema).not.toEqual(current.body.formSchema);

    const missing = await portal.request('GET', `/api/v1/catalog/services/${encodeURIComponent(versioned!.id)}/versions/99`);
    expect(missing.status).toBe(404);
  });
});
