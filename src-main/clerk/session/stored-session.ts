// The clerk's portal session as kept in the SecretStore. Decision: the app keeps only the session
// token the portal issued at login (valid for one working day), never the password. When the
// portal responds 401, the token is deleted and the clerk signs in again. Queued actions stay in
// the outbox of the user's cache and go out after that login.
import { z } from 'zod';
import { ClerkUser } from '../../../src-shared/api.ts';
import type { SecretStore } from './secret-store.ts';

export const SESSION_SECRET_NAME = 'clerk-session';

const StoredSession = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: ClerkUser,
  /** The portal the token belongs to; a token for another portal URL is not used. */
  portalUrl: z.string(),
});
export type StoredSession = z.infer<typeof StoredSession>;

/**
 * Reads the stored session; a damaged one or one for another portal is deleted and null returned.
 * Expiry is not checked against the local clock, which may be wrong: the portal's 401 decides.
 */
export async function readStoredSession(store: SecretStore, portalUrl: string): Promise<StoredSession | null> {
  const text = await store.read(SESSION_SECRET_NAME);
  if (text === null) return null;

  let parsed: StoredSession | null = null;
  try {
    const result = StoredSession.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    parsed = null;
  }

  const usable = parsed !== null && parsed.portalUrl === portalUrl;
  if (!usable) {
    await store.delete(SESSION_SECRET_NAME);
    return null;
  }
  return parsed;
}

export async function writeStoredSession(store: SecretStore, session: StoredSession): Promise<void> {
  await store.write(SESSION_SECRET_NAME, JSON.stringify(session));
}

export async function deleteStoredSession(store: SecretStore): Promise<void> {
  await store.delete(SESSION_SECRET_NAME);
}
