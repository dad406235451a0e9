// Access to the clerk API the preload exposes. The renderer talks to nothing else.
import type { ClerkApi, ClerkWindowApi } from '../../src-shared/ipc/clerk.ts';

/**
 * Returns `window.antragsdesk.clerk`, or null when the window was opened without the clerk preload.
 * The global is read through a cast rather than declared, because the kiosk window declares the
 * same global with its own API type.
 */
export function clerkApiFromWindow(): ClerkApi | null {
  const bridge = (window as unknown as { antragsdesk?: Partial<ClerkWindowApi> }).antragsdesk;
  return bridge?.clerk ?? null;
}
