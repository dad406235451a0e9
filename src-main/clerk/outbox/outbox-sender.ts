// Delivers the outbox to the portal, oldest action first. An action leaves the outbox only after a
// 2xx. Failures that may pass (no response, timeout, 5xx, 429) keep it queued with the same
// idempotency key and schedule a retry with backoff. When the portal committed but the response
// was lost, its idempotency replay returns the stored response to the retry. A 409 or another rejection becomes a conflict
// that the clerk resolves; a 401 stops delivery until the clerk signs in again.
import type { Problem } from '../../../src-shared/api.ts';
import type { Logger } from '../../logging/logger.ts';
import { backoffDelay } from '../portal-api/backoff.ts';
import type { PortalClient } from '../portal-api/portal-client.ts';
import { PortalError } from '../portal-api/portal-error.ts';
import type { OutboxEntry, OutboxStore } from './outbox-store.ts';

export interface OutboxSenderOptions {
  store: OutboxStore;
  client: PortalClient;
  log: Logger;
  /** Base and cap of the retry delay between delivery rounds, in ms (defaults 2,000 and 60,000). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  random?: () => number;
  /** Called after a round that delivered at least one action, so the sync can fetch the new state. */
  onDelivered(): void;
  /** Called whenever the outbox content or its last error changed. */
  onChanged(): void;
  onUnauthorized(error: PortalError): void;
  /** Called with the outcome of every exchange, for the online indicator. */
  onReachability(online: boolean, error: PortalError | null): void;
}

export interface OutboxSender {
  /** Starts a delivery round now, or returns the running one. */
  deliver(): Promise<void>;
  stop(): void;
}

export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { store, client, log } = options;
  const backoff = { baseMs: options.retryBaseMs ?? 2_000, maxMs: options.retryMaxMs ?? 60_000, random: options.random };
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let consecutiveFailures = 0;
  let stopped = false;

  function scheduleRetry(): void {
    if (stopped || retryTimer) return;
    const delay = backoffDelay(consecutiveFailures - 1, backoff);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void deliver();
    }, delay);
    retryTimer.unref?.();
    log.info('outbox: retry scheduled', { delayMs: delay, failures: consecutiveFailures });
  }

  /** Sends one entry; returns whether the round may continue with the next one. */
  async function deliverEntry(entry: OutboxEntry): Promise<'delivered' | 'conflict' | 'stop'> {
    try {
      const application = await client.postAction(entry.applicationId, entry.action, entry.idempotencyKey);
      store.remove(entry.id);
      options.onReachability(true, null);
      log.info('outbox: action delivered', {
        pendingActionId: entry.id, applicationId: entry.applicationId, action: entry.action.action, version: application.version,
      });
      return 'delivered';
    } catch (error) {
      if (!(error instanceof PortalError)) throw error;
      return handleFailure(entry, error);
    }
  }

  async function handleFailure(entry: OutboxEntry, error: PortalError): Promise<'conflict' | 'stop'> {
    store.recordFailure(entry.id, error.userMessage);

    if (error.unauthorized) {
      options.onReachability(true, error);
      options.onUnauthorized(error);
      return 'stop';
    }
    if (error.retryable || error.kind === 'invalid-response') {
      options.onReachability(false, error);
      consecutiveFailures += 1;
      log.warn('outbox: delivery failed, action stays queued', {
        pendingActionId: entry.id, applicationId: entry.applicationId, status: error.status, kind: error.kind,
      });
      scheduleRetry();
      return 'stop';
    }

    options.onReachability(true, null);
    await recordConflict(entry, error);
    return 'conflict';
  }

  // The portal rejected the action (409 stale version or transition, 404 after a forwarding, 400 or
  // 403): the clerk must decide, so the action is parked with the portal's current snapshot.
  async function recordConflict(entry: OutboxEntry, error: PortalError): Promise<void> {
    let server = null;
    try {
      server = await client.getApplication(entry.applicationId);
    } catch (fetchError) {
      log.warn('outbox: current version for conflict not available', {
        pendingActionId: entry.id, applicationId: entry.applicationId, status: fetchError instanceof PortalError ? fetchError.status : null,
      });
    }

    const problem: Problem = error.problem ?? {
      type: 'about:blank', title: 'Rejected', status: error.status ?? 0, detail: error.message, userMessage: error.userMessage,
    };
    store.markConflict(entry.id, server, problem, error.userMessage);
    log.warn('outbox: action rejected, stored as conflict', {
      pendingActionId: entry.id, applicationId: entry.applicationId, status: error.status, serverVersion: server?.version ?? null,
    });
  }

  async function round(): Promise<void> {
    let delivered = 0;
    for (let entry = store.nextPending(); entry && !stopped; entry = store.nextPending()) {
      const outcome = await deliverEntry(entry);
      options.onChanged();
      if (outcome === 'stop') break;
      if (outcome === 'delivered') {
        delivered += 1;
        consecutiveFailures = 0;
      }
    }
    if (delivered > 0) options.onDelivered();
  }

  function deliver(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }

    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await round();
        } while (again && !stopped && !retryTimer);
      } catch (error) {
        log.error('outbox: delivery round failed', { error: error instanceof Error ? error.name : 'unknown' });
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    deliver,
    stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}
