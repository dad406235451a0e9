// Clerk API: change feed, live hints, application detail, actions, attachments, audit, team views.
// Every route is scoped to the clerk's own authority. An application of another authority returns
// 404, exactly like one that does not exist.
import { z } from 'zod';
import type { Application } from '../../../src-shared/index.ts';
import {
  API_PREFIX, Application as ApplicationSchema, berlinDate, ClerkAction, ClerkUser, FeedPage, FeedQuery, FitConnectExport, Uuid,
} from '../../../src-shared/index.ts';
import type { PortalContext } from '../context.ts';
import { forbidden, notFound } from '../http/problem.ts';
import type { RouteRegistry } from '../http/route.ts';
import { decideClerkAction } from '../applications/actions.ts';
import { verifyAuditChain } from '../applications/audit-verify.ts';
import { buildFitConnectExport } from '../applications/fit-connect.ts';
import { withStatusMails } from '../applications/status-mails.ts';
import { idempotencyKeyReused } from '../applications/intake.ts';
import { requestHash } from '../applications/canonical-json.ts';
import { requireClerk } from '../security/principal.ts';
import { requireIdempotencyKey } from './intake.ts';
import { streamFeedHints } from './feed-events.ts';

const ApplicationParams = z.object({ id: Uuid });
const AttachmentParams = ApplicationParams.extend({ attachmentId: z.string().min(1).max(100) });

export function registerClerkRoutes(routes: RouteRegistry, context: PortalContext): void {
  const { store } = context;

  async function ownApplication(id: string, authorityId: string): Promise<Application> {
    const stored = await store.getApplication(id);
    if (!stored || stored.application.authorityId !== authorityId) {
      throw notFound(`Application ${id} does not exist in the inbox of authority ${authorityId}.`, 'Der Antrag wurde nicht gefunden.');
    }
    return stored.application;
  }

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/clerk/feed`,
    summary: 'Changes to the applications of the clerk\'s authority after a cursor: full snapshots and tombstones, in commit order. Each change is on a line of its own, and an upsert line ends with the application\'s JSON and `}`, so a client can keep the snapshot bytes as sent.',
    tags: ['clerk'],
    security: 'session',
    query: FeedQuery,
    response: FeedPage,
    handler: async ({ query }, request, reply) => {
      const { user } = await requireClerk(store, request);
      const page = await store.readFeedJson(user.authorityId, query.after, query.limit);
      return reply.type('application/json; charset=utf-8').send(page);
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/clerk/feed/events`,
    summary: 'Server-Sent Events: a `changes` event with the latest cursor whenever the feed moves.',
    tags: ['clerk'],
    security: 'session',
    produces: 'text/event-stream',
    handler: async (_input, request, reply) => {
      const { user } = await requireClerk(store, request);
      await streamFeedHints(context, user.authorityId, request, reply);
      return reply;
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/clerk/applications/:id`,
    summary: 'One application of the clerk\'s authority.',
    tags: ['clerk'],
    security: 'session',
    params: ApplicationParams,
    response: ApplicationSchema,
    handler: async ({ params }, request) => {
      const { user } = await requireClerk(store, request);
      return ownApplication(params.id, user.authorityId);
    },
  });

  routes.add({
    method: 'POST',
    url: `${API_PREFIX}/clerk/applications/:id/actions`,
    summary: 'Apply an action (status change, assignment, follow-up, note, forwarding) based on an expected version.',
    tags: ['clerk'],
    security: 'session',
    headers: [{ name: 'Idempotency-Key', required: true, description: 'Unique per action; reuse it when retrying.' }],
    params: ApplicationParams,
    body: ClerkAction,
    response: ApplicationSchema,
    handler: async ({ params, body }, request, reply) => {
      const key = requireIdempotencyKey(request);
      const { user } = await requireClerk(store, request);
      const current = await ownApplication(params.id, user.authorityId);

      const service = await store.getService(current.serviceId, current.serviceVersion);
      const assignee = body.action === 'assign' && body.assigneeId ? await store.getUser(body.assigneeId) : null;
      const targetAuthorityExists = body.action === 'forward' ? (await store.getAuthority(body.targetAuthorityId)) !== null : undefined;
      const authorityName = (await store.getAuthority(current.authorityId))?.name ?? '';

      const claim = { scope: `action:${user.id}`, key, requestHash: requestHash({ id: params.id, ...body }) };
      const result = await store.updateApplication(
        params.id,
        claim,
        (latest) => withStatusMails(
          decideClerkAction(latest, body, { actor: user, now: context.now(), service, assignee, targetAuthorityExists }),
          latest,
          authorityName,
          context.mail,
        ),
        (application) => JSON.stringify(application),
      );

      switch (result.kind) {
        case 'not_found':
          throw notFound(`Application ${params.id} does not exist.`);
        case 'rejected':
          throw result.error;
        case 'key_reused':
          throw idempotencyKeyReused();
        case 'replayed':
          request.log.info({ applicationId: params.id, action: body.action }, 'clerk action replayed');
          return reply.type('application/json').send(result.response);
        case 'updated':
          context.notifier.notify(result.previousAuthorityId, result.application.authorityId);
          context.mail.kick();
          request.log.info(
            { applicationId: params.id, action: body.action, userId: user.id, version: result.application.version, status: result.application.status },
            'clerk action applied',
          );
          return result.application;
      }
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/clerk/applications/:id/attachments/:attachmentId`,
    summary: 'Download an attachment; served as a download, never rendered inline by the portal.',
    tags: ['clerk'],
    security: 'session',
    params: AttachmentParams,
    produces: 'application/octet-stream',
    handler: async ({ params }, request, reply) => {
      const { user } = await requireClerk(store, request);
      const application = await ownApplication(params.id, user.authorityId);
      const info = application.attachments.find((attachment) => attachment.id === params.attachmentId);
      const content = info ? await store.getAttachmentContent(application.id, info.id) : null;
      if (!info || !content) throw notFound(`Attachment ${params.attachmentId} does not exist.`, 'Die Datei wurde nicht gefunden.');

      request.log.info({ applicationId: application.id, attachmentId: info.id, userId: user.id }, 'attachment downloaded');
      return reply
        .header('Content-Type', info.mediaType)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(info.fileName)}`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Digest', `sha-512=${Buffer.from(info.sha512, 'hex').toString('base64')}`)
        .send(content);
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/clerk/applications/:id/export/fit-connect`,
    summary: 'The application as a FIT-Connect submission: metadata (schema 1.0.0), form data JSON and attachment links.',
    tags: ['clerk'],
    security: 'session',
    params: ApplicationParams,
    response: FitConnectExport,
    handler: async ({ params }, request, reply) => {
      const { user } = await requireClerk(store, request);
      const application = await ownApplication(params.id, user.authorityId);
      const service = await store.getService(application.serviceId, application.serviceVersion);

      request.log.info({ applicationId: application.id, userId: user.id }, 'application exported as FIT-Connect submission');
      reply.header('Content-Disposition', `attachment; filename="fit-connect-${application.reference}.json"`);
      return buildFitConnectExport(application, service, context.mail.publicUrl);
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/clerk/applications/:id/audit`,
    summary: 'Verify the hash-chained audit log of an application.',
    tags: ['clerk'],
    security: 'session',
    params: ApplicationParams,
    response: z.object({ valid: z.boolean(), entries: z.number(), brokenAt: z.number().nullable(), reason: z.string().nullable() }),
    handler: async ({ params }, request) => {
      const { user } = await requireClerk(store, request);
      await ownApplication(params.id, user.authorityId);
      const result = await verifyAuditChain(store, params.id);
      if (!result.valid) request.log.error({ applicationId: params.id, brokenAt: result.brokenAt, reason: result.reason }, 'audit chain broken');
      return result;
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/clerk/users`,
    summary: 'Clerks of the caller\'s authority, for assignment.',
    tags: ['clerk'],
    security: 'session',
    response: z.array(ClerkUser),
    handler: async (_input, request) => {
      const { user } = await requireClerk(store, request);
      return store.listUsers(user.authorityId);
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/clerk/workload`,
    summary: 'Team lead view: open, unassigned and overdue applications per clerk of the authority.',
    tags: ['clerk'],
    security: 'session',
    response: z.object({
      unassigned: z.number(),
      overdue: z.number(),
      perClerk: z.array(z.object({ userId: z.string(), displayName: z.string(), open: z.number(), overdue: z.number() })),
    }),
    handler: async (_input, request) => {
      const { user } = await requireClerk(store, request);
      if (user.role === 'clerk') throw forbidden('The workload view is for team leads and admins.', 'Diese Übersicht ist der Teamleitung vorbehalten.');

      const today = berlinDate(context.now());
      const open = await store.listOpenApplications(user.authorityId);
      const users = await store.listUsers(user.authorityId);
      return {
        unassigned: open.filter((application) => application.assigneeId === null).length,
        overdue: open.filter((application) => application.deadline < today).length,
        perClerk: users.map((clerk) => {
          const mine = open.filter((application) => application.assigneeId === clerk.id);
          return { userId: clerk.id, displayName: clerk.displayName, open: mine.length, overdue: mine.filter((application) => application.deadline < today).length };
        }),
      };
    },
  });
}
