// Intake: POST an application from the web (no credentials), a kiosk (device token) or a clerk
// filing on a citizen's behalf (session token, channel assisted).
import type { FastifyRequest } from 'fastify';
import { API_PREFIX, IdempotencyKey, Receipt, SubmitApplicationRequest } from '../../../src-shared/index.ts';
import type { PortalContext } from '../context.ts';
import { badRequest, forbidden, unauthorized } from '../http/problem.ts';
import type { RouteRegistry } from '../http/route.ts';
import type { Submitter } from '../applications/intake.ts';
import { submitApplication } from '../applications/intake.ts';
import { resolvePrincipal } from '../security/principal.ts';

export function requireIdempotencyKey(request: FastifyRequest): string {
  const parsed = IdempotencyKey.safeParse(request.headers['idempotency-key']);
  if (!parsed.success) {
    throw badRequest(
      'The Idempotency-Key header is missing or invalid: it must be 8 to 200 printable ASCII characters, one value per logical request (a UUID works).',
      'Die Anfrage konnte nicht eindeutig zugeordnet werden. Bitte laden Sie die Seite neu.',
    );
  }
  return parsed.data;
}

export function registerIntakeRoutes(routes: RouteRegistry, context: PortalContext): void {
  routes.add({
    method: 'POST',
    url: `${API_PREFIX}/applications`,
    summary: 'Submit an application. Replaying the same Idempotency-Key with the same body returns the same receipt.',
    tags: ['intake'],
    security: 'session-or-device-or-none',
    headers: [{ name: 'Idempotency-Key', required: true, description: 'Unique per submission; reuse it when retrying.' }],
    body: SubmitApplicationRequest,
    response: Receipt,
    successStatus: 201,
    handler: async ({ body }, request, reply) => {
      const key = requireIdempotencyKey(request);
      const submitter = await submitterFor(context, request, body.channel);

      const result = await submitApplication(context, body, key, submitter);
      if (result.application) context.notifier.notify(result.application.authorityId);

      request.log.info(
        { applicationId: result.receipt.applicationId, reference: result.receipt.reference, channel: body.channel, replayed: result.replayed },
        result.replayed ? 'intake replayed' : 'application received',
      );
      reply.code(result.replayed ? 200 : 201);
      return result.receipt;
    },
  });
}

async function submitterFor(context: PortalContext, request: FastifyRequest, channel: string): Promise<Submitter> {
  const principal = await resolvePrincipal(context.store, request);

  switch (channel) {
    case 'online':
      if (principal.kind !== 'anonymous') throw badRequest('Channel online is for citizens without credentials; kiosks use channel kiosk, clerks channel assisted.', 'Die Anfrage passt nicht zum Eingangskanal.');
      return { kind: 'citizen' };
    case 'kiosk':
      if (principal.kind !== 'kiosk') throw unauthorized('Channel kiosk requires a kiosk device token ("Authorization: Device <token>").', 'Dieses Bürgerterminal ist nicht freigeschaltet.');
      return { kind: 'kiosk', deviceId: principal.device.id };
    case 'assisted':
      if (principal.kind === 'anonymous') throw unauthorized('Channel assisted requires a clerk session.');
      if (principal.kind !== 'clerk') throw forbidden('Channel assisted is for clerks, not for kiosk devices.');
      return { kind: 'clerk', userId: principal.user.id };
    default:
      throw badRequest(`Unknown channel ${channel}.`, 'Unbekannter Eingangskanal.');
  }
}
