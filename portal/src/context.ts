// Everything a route handler needs, created once per portal process.
import { EventEmitter } from 'node:events';
import type { FormValidator } from './intake/form-validation.ts';
import type { MailSettings } from './mail/citizen-mails.ts';
import type { PortalSecrets } from './security/secrets.ts';
import { RateLimiter } from './security/rate-limit.ts';
import type { PortalStore } from './store/store.ts';

/**
 * Tells live subscribers (Server-Sent Events) that an authority's change feed moved.
 * NOTE: in-process only; with several portal instances a PostgreSQL LISTEN/NOTIFY channel must
 * carry these hints between instances. Clients also poll on a timer, so a lost hint only delays.
 */
export class ChangeNotifier extends EventEmitter<{ changed: [authorityId: string] }> {
  constructor() {
    super();
    // Every open live stream of a clerk app listens here, so dozens of listeners are normal.
    this.setMaxListeners(0);
  }

  notify(...authorityIds: string[]): void {
    for (const authorityId of new Set(authorityIds)) this.emit('changed', authorityId);
  }
}

export interface PortalContext {
  store: PortalStore;
  validator: FormValidator;
  secrets: PortalSecrets;
  notifier: ChangeNotifier;
  limits: {
    /** Failed logins per username and client address. */
    login: RateLimiter;
    /** Status lookups and citizen replies per client address. */
    statusPerClient: RateLimiter;
    /** Failed status lookups and replies per reference, against guessing one application's code. */
    statusPerReference: RateLimiter;
  };
  /** Citizen e-mails: sender, public address for links, and a hint that new mails are queued. */
  mail: MailSettings & { kick: () => void };
  now: () => Date;
  version: string;
}

export function createLimits(): PortalContext['limits'] {
  return {
    login: new RateLimiter({ limit: 5, windowMs: 15 * 60_000 }),
    statusPerClient: new RateLimiter({ limit: 30, windowMs: 60_000 }),
    statusPerReference: new RateLimiter({ limit: 10, windowMs: 60 * 60_000 }),
  };
}
