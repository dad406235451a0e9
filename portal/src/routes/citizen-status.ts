// Citizen status lookup and reply to a Rückfrage, both with reference number and access code.
// Unknown reference and wrong code get the same 404, and guessing is throttled per client and per
// reference. Lookups and replies share the same limits.
import type { FastifyRequest } from 'fastify';
import { API_PREFIX, CitizenReplyRequest, CitizenStatusView, REFERENCE_PATTERN, StatusLookupRequest } from '../../../src-shared/index.ts';
import type { PortalContext } from '../context.ts';
import { notFound, tooManyRequests, validationFailed, waitInMinutesDe } from '../http/problem.ts';
import type { RouteRegistry } from '../http/route.ts';
import { accessCodeMatches } from '../applications/access-code.ts';
import { requestHash } from '../applications/canonical-json.ts';
import { decideCitizenReply } from '../applications/citizen-reply.ts';
import { citizenView } from '../applications/citizen-status.ts';
import { idempotencyKeyReused } from '../applications/intake.ts';
import { checkAttachments, REPLY_DOCUMENT } from '../intake/attachments.ts';
import type { StoredApplication } from '../store/store.ts';
import { requireIdempotencyKey } from './intake.ts';

// A valid-looking hash to compare with when the reference does not exist, so both cases do the
// same work and take the same time.
const NO_SUCH_HASH = '0'.repeat(64);

export function registerCitizenStatusRoutes(routes: RouteRegistry, context: PortalContext): void {
  const { store } = context;

  routes.add({
    method: 'POST',
    url: `${API_PREFIX}/status`,
    summary: 'Status of an application for the citizen, by reference number and access code.',
    tags: ['citizen'],
    security: 'none',
    body: StatusLookupRequest,
    response: CitizenStatusView,
    handler: async ({ body }, request) => {
      const stored = await authenticateCitizen(context, request, body.reference, body.accessCode);
      const { application } = stored;
      const authority = await store.getAuthority(application.authorityId);
      const service = await store.getService(application.serviceId, application.serviceVersion);
      return citizenView(application, authority?.name ?? '', service);
    },
  });

  routes.add({
    method: 'POST',
    url: `${API_PREFIX}/status/reply`,
    summary: 'Answer a Rückfrage with text and files, by reference number and access code. Moves the application back into processing.',
    tags: ['citizen'],
    security: 'none',
    headers: [{ name: 'Idempotency-Key', required: true, description: 'Unique per reply; reuse it when retrying.' }],
    body: CitizenReplyRequest,
    response: CitizenStatusView,
    handler: async ({ body }, request, reply) => {
      const key = requireIdempotencyKey(request);
      const stored = await authenticateCitizen(context, request, body.reference, body.accessCode);
      const { application } = stored;

      const uploads = body.attachments.map((upload) => ({ ...upload, documentId: REPLY_DOCUMENT.id }));
      const files = checkAttachments([REPLY_DOCUMENT], uploads, { requireMandatory: false });
      if (!files.ok) {
        throw validationFailed(`Reply attachments for application ${application.id} failed the checks (${files.errors.length} errors).`, files.errors);
      }

      const service = await store.getService(application.serviceId, application.serviceVersion);
      const authorityName = (await store.getAuthority(application.authorityId))?.name ?? '';
      const claim = { scope: `citizen-reply:${application.id}`, key, requestHash: requestHash(body) };

      const result = await store.updateApplication(
        application.id,
        claim,
        (latest) => decideCitizenReply(latest, { text: body.text, files: files.files, now: context.now(), service }),
        (next) => JSON.stringify(citizenView(next, authorityName, service)),
      );

      switch (result.kind) {
        case 'not_found':
          throw notFound(`Application ${application.id} does not exist.`);
        case 'rejected':
          throw result.error;
        case 'key_reused':
          throw idempotencyKeyReused();
        case 'replayed':
          request.log.info({ applicationId: application.id }, 'citizen reply replayed');
          return reply.type('application/json').send(result.response);
        case 'updated':
          context.notifier.notify(result.application.authorityId);
          request.log.info(
            { applicationId: application.id, reference: application.reference, files: files.files.length, version: result.application.version },
            'citizen reply received',
          );
          return citizenView(result.application, authorityName, service);
      }
    },
  });
}

/**
 * Finds the application for a reference number and access code, within the rate limits. A wrong
 * code and an unknown reference throw the same 404, and both count against the reference.
 */
async function authenticateCitizen(context: PortalContext, request: FastifyRequest, reference: string, accessCode: string): Promise<StoredApplication> {
  const { limits, store, secrets } = context;

  const perClient = limits.statusPerClient.hit(request.ip);
  const perReference = limits.statusPerReference.peek(reference);
  if (!perClient.allowed || !perReference.allowed) {
    // The reference is logged only when it has the shape of one: the field is free text.
    const loggedReference = REFERENCE_PATTERN.test(reference) ? reference : null;
    request.log.warn({ reference: loggedReference, perClient: !perClient.allowed, perReference: !perReference.allowed }, 'status lookup locked out after failed attempts');
    const retryAfterSeconds = Math.max(perClient.retryAfterSeconds, perReference.retryAfterSeconds);
    throw tooManyRequests(
      'Too many status lookups; wait before trying again.',
      retryAfterSeconds,
      `Zu viele Abfragen. Bitte warten Sie ${waitInMinutesDe(retryAfterSeconds)} und versuchen Sie es dann erneut.`,
    );
  }

  const stored = await store.findApplicationByReference(reference);
  const matches = accessCodeMatches(secrets, accessCode, stored?.accessCodeHash ?? NO_SUCH_HASH);
  if (!stored || !matches) {
    limits.statusPerReference.hit(reference);
    throw notFound(
      'No application matches this reference number and access code.',
      'Zu dieser Vorgangsnummer und diesem Zugangscode haben wir keinen Antrag gefunden. Bitte prüfen Sie Ihre Eingabe.',
    );
  }
  return stored;
}
