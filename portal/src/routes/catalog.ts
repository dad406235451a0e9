// Public catalog: authorities, places and services with their forms.
import { z } from 'zod';
import { API_PREFIX, Authority, Place, Service, ServiceSummary } from '../../../src-shared/index.ts';
import type { PortalContext } from '../context.ts';
import { notFound } from '../http/problem.ts';
import type { RouteRegistry } from '../http/route.ts';

const ServiceParams = z.object({ id: z.string().min(1).max(200) });
const ServiceVersionParams = ServiceParams.extend({ version: z.coerce.number().int().positive() });

export function registerCatalogRoutes(routes: RouteRegistry, { store }: PortalContext): void {
  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/catalog/authorities`,
    summary: 'All authorities known to this portal.',
    tags: ['catalog'],
    security: 'none',
    response: z.array(Authority),
    handler: async () => store.listAuthorities(),
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/catalog/places`,
    summary: 'Places (municipalities) applicants can choose, with their responsible authorities.',
    tags: ['catalog'],
    security: 'none',
    response: z.array(Place),
    handler: async () => store.listPlaces(),
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/catalog/services`,
    summary: 'The current version of every service, without forms.',
    tags: ['catalog'],
    security: 'none',
    response: z.array(ServiceSummary),
    handler: async () => (await store.listServices()).map((service) => ServiceSummary.parse(service)),
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/catalog/services/:id`,
    summary: 'The current version of one service with its form.',
    tags: ['catalog'],
    security: 'none',
    params: ServiceParams,
    response: Service,
    handler: async ({ params }) => {
      const service = await store.getService(params.id);
      if (!service) throw notFound(`Service ${params.id} does not exist.`, 'Diese Leistung gibt es nicht.');
      return service;
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/catalog/services/:id/versions/:version`,
    summary: 'One version of a service; applications keep the version they were filed with.',
    tags: ['catalog'],
    security: 'none',
    params: ServiceVersionParams,
    response: Service,
    handler: async ({ params }) => {
      const service = await store.getService(params.id, params.version);
      if (!service) throw notFound(`Service ${params.id} version ${params.version} does not exist.`, 'Diese Formularversion gibt es nicht.');
      return service;
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/catalog/services/:id/versions/:version/schema`,
    summary: 'The JSON Schema (2020-12) of one form version; FIT-Connect exports name it as their submission schema.',
    tags: ['catalog'],
    security: 'none',
    params: ServiceVersionParams,
    produces: 'application/schema+json',
    handler: async ({ params }, _request, reply) => {
      const service = await store.getService(params.id, params.version);
      if (!service) throw notFound(`Service ${params.id} version ${params.version} does not exist.`, 'Diese Formularversion gibt es nicht.');
      // A published version never changes, so caches may keep its schema.
      return reply.type('application/schema+json').header('Cache-Control', 'public, max-age=86400').send(JSON.stringify(service.formSchema));
    },
  });
}
