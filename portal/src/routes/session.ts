// Clerk login and logout with local accounts.
// NOTE: an OIDC provider (Keycloak, AD FS) fits here as a second way to create the same session:
// the rest of the API only sees the session token and the ClerkUser it belongs to.
import { API_PREFIX, ClerkUser, LoginRequest, Session } from '../../../src-shared/index.ts';
import type { PortalContext } from '../context.ts';
import { tooManyRequests, unauthorized, waitInMinutesDe } from '../http/problem.ts';
import type { RouteRegistry } from '../http/route.ts';
import { requireClerk } from '../security/principal.ts';
import { hashToken, randomToken, verifyPassword } from '../security/secrets.ts';

export const SESSION_LIFETIME_MS = 10 * 60 * 60 * 1000; // one working day

// Compared against when the username is unknown, so a login takes as long for unknown users.
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function registerSessionRoutes(routes: RouteRegistry, context: PortalContext): void {
  const { store } = context;

  routes.add({
    method: 'POST',
    url: `${API_PREFIX}/session`,
    summary: 'Log in with a local clerk account.',
    tags: ['session'],
    security: 'none',
    body: LoginRequest,
    response: Session,
    successStatus: 201,
    handler: async ({ body }, request) => {
      const limitKey = `${body.username.toLowerCase()}|${request.ip}`;
      const limit = context.limits.login.peek(limitKey);
      if (!limit.allowed) {
        // Operators watch for these at the default log level; ids only, no username.
        const locked = await store.findUserByUsername(body.username.toLowerCase());
        request.log.warn({ userId: locked?.id ?? null, retryAfterSeconds: limit.retryAfterSeconds }, 'login locked out after failed attempts');
        throw tooManyRequests('Too many failed logins for this account from this address.', limit.retryAfterSeconds,
          `Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie ${waitInMinutesDe(limit.retryAfterSeconds)}.`);
      }

      // Usernames are stored in lower case (portal:admin, demo seed); "A.Krueger" signs in as a.krueger.
      const user = await store.findUserByUsername(body.username.toLowerCase());
      const valid = await verifyPassword(body.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
      if (!user || !user.active || !valid) {
        context.limits.login.hit(limitKey);
        request.log.warn({ userId: user?.id ?? null }, 'login failed');
        throw unauthorized('Invalid username or password.', 'Benutzername oder Passwort ist falsch.');
      }

      context.limits.login.reset(limitKey);
      const token = randomToken();
      const now = context.now();
      const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
      await store.createSession(hashToken(token), user.id, now.toISOString(), expiresAt);

      request.log.info({ userId: user.id, authorityId: user.authorityId }, 'clerk logged in');
      const { passwordHash: _hash, active: _active, ...clerk } = user;
      return { token, expiresAt, user: ClerkUser.parse(clerk) };
    },
  });

  routes.add({
    method: 'GET',
    url: `${API_PREFIX}/session`,
    summary: 'The clerk the session token belongs to.',
    tags: ['session'],
    security: 'session',
    response: ClerkUser,
    handler: async (_input, request) => (await requireClerk(store, request)).user,
  });

  routes.add({
    method: 'DELETE',
    url: `${API_PREFIX}/session`,
    summary: 'Log out: the session token stops working at once.',
    tags: ['session'],
    security: 'session',
    successStatus: 204,
    handler: async (_input, request, reply) => {
      const principal = await requireClerk(store, request);
      await store.deleteSession(principal.tokenHash);
      request.log.info({ userId: principal.user.id }, 'clerk logged out');
      return reply.code(204).send();
    },
  });
}
