// Citizen status lookup with reference number and access code. Unknown reference and wrong code
// answer alike, and guessing is throttled per client and per reference.
import { API_PREFIX, CitizenStatusView, StatusLookupRequest } from '../../../src-shared/index.ts';
import type { PortalContext } from '../context.ts';
import { notFound, tooManyRequests } from '../http/problem.ts';
import type { RouteRegistry } from '../http/route.ts';
import { accessCodeMatches } from '../applications/access-code.ts';
import { citizenView } from '../applications/citizen-status.ts';

// A valid-looking hash to compare with when the reference does not exist, so both cases do the
// same work and take the same time.
const NO_SUCH_HASH = '0'.repeat(64);

export function registerCitizenStatusRoutes(routes: RouteRegistry, context: PortalContext): void {
  const { store, secrets, limits } = context;

  routes.add({
    method: 'POST',
    url: `${API_PREFIX}/status`,
    summary: 'Status of an application for the citizen, by reference number and access code.',
    tags: ['citizen'],
    security: 'none',
    body: StatusLookupRequest,
    response: CitizenStatusView,
    handler: async ({ body }, request) => {
      const perClient = limits.statusPerClient.hit(request.ip);
      const perReference = limits.statusPerReference.peek(body.reference);
      if (!perClient.allowed || !perReference.allowed) {
        throw tooManyRequests(
          'Too many status lookups; wait before trying again.',
          Math.max(perClient.retryAfterSeconds, perReference.retryAfterSeconds),
          'Zu viele Abfragen. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
        );
      }

      const stored = await store.findApplicationByReference(body.reference);
      const matches = accessCodeMatches(secrets, body.accessCode, stored?.accessCodeHash ?? NO_SUCH_HASH);
      if (!stored || !matches) {
        limits.statusPerReference.hit(body.reference);
        throw notFound(
          'No application matches this reference number and access code.',
          'Zu dieser Vorgangsnummer und diesem Zugangscode haben wir keinen Antrag gefunden. Bitte prüfen Sie Ihre Eingabe.',
        );
      }

      const authority = await store.getAuthority(stored.application.authorityId);
      return citizenView(stored.application, authority?.name ?? '');
    },
  });
}
