// Resolves who is calling from the Authorization header: a clerk session (`Bearer <token>`), a
// kiosk device (`Device <token>`, submit-only) or nobody.
import type { FastifyRequest } from 'fastify';
import type { ClerkUser } from '../../../src-shared/index.ts';
import { forbidden, unauthorized } from '../http/problem.ts';
import type { KioskDevice, PortalStore } from '../store/store.ts';
import { hashToken } from './secrets.ts';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'clerk'; user: ClerkUser; tokenHash: string }
  | { kind: 'kiosk'; device: KioskDevice };

export async function resolvePrincipal(store: PortalStore, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  if (!header) return { kind: 'anonymous' };

  const match = /^(Bearer|Device)\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must be "Bearer <session token>" or "Device <kiosk token>".');

  const tokenHash = hashToken(match[2]!);
  if (match[1]!.toLowerCase() === 'device') {
    const device = await store.findKioskDevice(tokenHash);
    if (!device) throw unauthorized('Unknown or disabled kiosk device token.', 'Dieses Bürgerterminal ist nicht freigeschaltet. Bitte wenden Sie sich an das Personal.');
    return { kind: 'kiosk', device };
  }

  const user = await store.findSessionUser(tokenHash, new Date().toISOString());
  if (!user) throw unauthorized('The session token is unknown or expired.', 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.');
  return { kind: 'clerk', user, tokenHash };
}

/** Requires a clerk session; kiosk devices have submit-only rights and are refused here. */
export async function requireClerk(store: PortalStore, request: FastifyRequest): Promise<Extract<Principal, { kind: 'clerk' }>> {
  const principal = await resolvePrincipal(store, request);
  if (principal.kind === 'clerk') return principal;
  if (principal.kind === 'kiosk') throw forbidden('Kiosk device tokens may only submit applications.');
  throw unauthorized('This route requires a clerk session.');
}
