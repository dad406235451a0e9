// Declares a route once: fastify registration, zod validation of params, query and body, and the
// entry in the OpenAPI document all come from the same definition.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { badRequest } from './problem.ts';

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  /** Credentials the route accepts, for the OpenAPI document; the handler's principal check enforces them. */
  security: 'none' | 'session' | 'session-or-device-or-none';
  params?: P;
  query?: Q;
  body?: B;
  /** Response schema of the success status, for the OpenAPI document. */
  response?: z.ZodType;
  successStatus?: number;
  /** Extra request headers to document, e.g. Idempotency-Key. */
  headers?: { name: string; required: boolean; description: string }[];
  produces?: string;
  handler: (
    input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> },
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

export type AnyRouteSpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

export class RouteRegistry {
  readonly routes: AnyRouteSpec[] = [];

  add<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(spec: RouteSpec<P, Q, B>): void {
    this.routes.push(spec as unknown as AnyRouteSpec);
  }

  mount(app: FastifyInstance): void {
    for (const spec of this.routes) {
      app.route({
        method: spec.method,
        url: spec.url,
        handler: async (request, reply) => {
          const input = {
            params: parsePart(spec.params, request.params, 'path parameter'),
            query: parsePart(spec.query, request.query, 'query parameter'),
            body: parsePart(spec.body, request.body, 'request body'),
          };
          // Set before the handler runs, so a handler can still choose another status (a replay's 200).
          if (spec.successStatus) reply.code(spec.successStatus);
          const result = await spec.handler(input, request, reply);
          if (reply.sent) return reply;
          return result;
        },
      });
    }
  }
}

function parsePart(schema: z.ZodType | undefined, value: unknown, what: string): unknown {
  if (!schema) return value;

  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;

  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
  throw badRequest(`Invalid ${what}: ${summary}`, 'Die Anfrage ist unvollständig oder fehlerhaft.', errors);
}
