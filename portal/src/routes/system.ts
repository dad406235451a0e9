// Health check for load balancers and the OpenAPI document.
import { HealthResponse } from '../../../src-shared/index.ts';
import type { PortalContext } from '../context.ts';
import type { RouteRegistry } from '../http/route.ts';
import { buildOpenApiDocument } from '../http/openapi.ts';

export function registerSystemRoutes(routes: RouteRegistry, context: PortalContext): void {
  routes.add({
    method: 'GET',
    url: '/health',
    summary: 'Health check: 200 when the portal can reach its database.',
    tags: ['system'],
    security: 'none',
    response: HealthResponse,
    handler: async (_input, _request, reply) => {
      try {
        await context.store.ping();
        return { status: 'ok', version: context.version, database: 'ok' };
      } catch (error) {
        reply.log.error({ err: error }, 'health check: database unreachable');
        return reply.code(503).send({ status: 'unavailable', version: context.version, database: 'unreachable' });
      }
    },
  });

  routes.add({
    method: 'GET',
    url: '/openapi.json',
    summary: 'OpenAPI 3.1 description of this API.',
    tags: ['system'],
    security: 'none',
    handler: async () => buildOpenApiDocument(routes, context.version),
  });
}
