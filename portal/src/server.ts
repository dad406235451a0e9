// Builds the portal's HTTP server: routes, problem-details error handling, security headers.
import Fastify, { type FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { PortalContext } from './context.ts';
import { internalError, PROBLEM_CONTENT_TYPE, ProblemError } from './http/problem.ts';
import { RouteRegistry } from './http/route.ts';
import { loggerOptions } from './logger.ts';
import { registerCatalogRoutes } from './routes/catalog.ts';
import { registerCitizenStatusRoutes } from './routes/citizen-status.ts';
import { registerClerkRoutes } from './routes/clerk.ts';
import { registerIntakeRoutes } from './routes/intake.ts';
import { registerSessionRoutes } from './routes/session.ts';
import { registerSystemRoutes } from './routes/system.ts';
import { CONTENT_SECURITY_POLICY } from './web/content-security-policy.ts';
import { registerWebPages } from './web/pages.ts';

export interface ServerOptions {
  logLevel: string;
  /** Largest accepted request body; attachments travel base64-encoded inside JSON. */
  bodyLimitBytes: number;
  /** Folder with the built citizen web pages; `/`, `/status` and `/assets/*` are served from it. */
  webDir?: string;
  /**
   * Reverse proxies whose X-Forwarded-For names the client (see PortalConfig.trustedProxies).
   * Without them, rate limits behind a proxy would count every citizen as the proxy's address.
   */
  trustedProxies?: string[];
  /** Extra route registrations, called after the API routes and the web pages. */
  extensions?: ((app: FastifyInstance, context: PortalContext) => void | Promise<void>)[];
}

export async function buildServer(context: PortalContext, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel),
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustedProxies && options.trustedProxies.length > 0 ? options.trustedProxies : false,
    requestIdHeader: 'x-request-id',
    // Live feed streams never end on their own; closing the portal must not wait for them.
    forceCloseConnections: true,
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    // Every response carries the strict policy, so an HTML page can never run without it.
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ProblemError) {
      const level = error.problem.status >= 500 ? 'error' : 'info';
      request.log[level]({ status: error.problem.status, problem: error.problem.type, detail: error.problem.detail }, 'request rejected');
      return reply.code(error.problem.status).headers(error.headers).type(PROBLEM_CONTENT_TYPE).send({ ...error.problem, instance: request.url.split('?')[0] });
    }

    // Fastify's own errors: unparsable JSON, wrong content type, body too large.
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      request.log.info({ status, code: (error as { code?: string }).code }, 'request rejected by the HTTP layer');
      return reply.code(status).type(PROBLEM_CONTENT_TYPE).send({
        type: `urn:antragsdesk:problem:${status === 413 ? 'payload-too-large' : 'bad-request'}`,
        title: status === 413 ? 'Payload too large' : 'Bad request',
        status,
        detail: (error as Error).message,
        userMessage: status === 413 ? 'Die Dateien sind zusammen zu groß.' : 'Die Anfrage ist fehlerhaft.',
        instance: request.url.split('?')[0],
      });
    }

    request.log.error({ err: error instanceof ZodError ? { issues: error.issues.length } : error }, 'unexpected error');
    return reply.code(500).type(PROBLEM_CONTENT_TYPE).send({ ...internalError(), instance: request.url.split('?')[0] });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && app.sendCitizenNotFoundPage) return app.sendCitizenNotFoundPage(reply);

    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send({
      type: 'urn:antragsdesk:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: `No route ${request.method} ${path}.`,
      userMessage: 'Diese Seite gibt es nicht.',
      instance: path,
    });
  });

  const routes = new RouteRegistry();
  registerSystemRoutes(routes, context);
  registerCatalogRoutes(routes, context);
  registerIntakeRoutes(routes, context);
  registerSessionRoutes(routes, context);
  registerClerkRoutes(routes, context);
  registerCitizenStatusRoutes(routes, context);
  routes.mount(app);

  if (options.webDir) await registerWebPages(app, options.webDir);

  for (const extension of options.extensions ?? []) await extension(app, context);
  return app;
}
