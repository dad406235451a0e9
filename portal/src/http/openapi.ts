// Builds the OpenAPI 3.1 document from the route registry. OpenAPI 3.1 schemas are JSON Schema
// 2020-12, which zod emits directly.
import { z } from 'zod';
import { Problem } from '../../../src-shared/index.ts';
import type { AnyRouteSpec, RouteRegistry } from './route.ts';

function jsonSchema(schema: z.ZodType): unknown {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(spec: AnyRouteSpec): unknown[] {
  const list: unknown[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!(schema instanceof z.ZodObject)) return;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      list.push({ name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema: jsonSchema(field) });
    }
  };
  add(spec.params, 'path');
  add(spec.query, 'query');
  for (const header of spec.headers ?? []) {
    list.push({ name: header.name, in: 'header', required: header.required, description: header.description, schema: { type: 'string' } });
  }
  return list;
}

export function buildOpenApiDocument(registry: RouteRegistry, version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};

  for (const spec of registry.routes) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(spec.successStatus ?? 200);
    const contentType = spec.produces ?? 'application/json';

    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      summary: spec.summary,
      tags: spec.tags,
      security: spec.security === 'session' ? [{ session: [] }] : spec.security === 'session-or-device-or-none' ? [{}, { session: [] }, { device: [] }] : [],
      parameters: parameters(spec),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } } : {}),
      responses: {
        [status]: { description: 'Success', ...(spec.response ? { content: { [contentType]: { schema: jsonSchema(spec.response) } } } : {}) },
        default: { description: 'Error as RFC 9457 problem details', content: { 'application/problem+json': { schema: jsonSchema(Problem) } } },
      },
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Antragsdesk portal API',
      version,
      description: 'Catalog, intake, clerk API and citizen status of the Antragsdesk portal. Errors are RFC 9457 problem details.',
    },
    components: {
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'Clerk session token from POST /api/v1/session' },
        device: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Kiosk device token as "Device <token>"; may only submit applications' },
      },
    },
    paths,
  };
}
