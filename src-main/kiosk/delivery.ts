// Delivery loop of the outbox: sends queued applications with their original idempotency key
// until the portal confirms them, one at a time, with backoff between failed attempts. A lost
// response is harmless because the portal answers the repeated key with the first receipt.
import type { Logger } from '../logging/logger.ts';
import { DEFAULT_BACKOFF, deliveryDelayMs, type BackoffOptions } from './backoff.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import { PortalProblemError, PortalUnavailableError, type PortalClient } from './portal-client.ts';

/**
 * Problem statuses that a later attempt may overcome: the device token was revoked or not yet
 * registered (401, 403), the portal asked to slow down (429) or timed out the request (408).
 */
const RETRYABLE_STATUSES = new Set([401, 403, 408, 429]);

export interface DeliveryLoop {
  /** Sends every due entry now; resolves when the round is over. Rounds never overlap. */
  deliverDue(): Promise<void>;
  stop(): void;
}

export interface DeliveryOptions {
  client: PortalClient;
  outbox: Outbox;
  log: Logger;
  inFlight: Set<string>;
  backoff?: BackoffOptions;
  /** Interval of the check for due entries. */
  pollMs?: number;
}

export function startDeliveryLoop(options: DeliveryOptions): DeliveryLoop {
  const { client, outbox, log, inFlight } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let round: Promise<void> | null = null;
  let stopped = false;

  async function deliver(entry: OutboxEntry): Promise<void> {
    inFlight.add(entry.idempotencyKey);
    try {
      const receipt = await client.submit(entry.request, entry.idempotencyKey);
      outbox.remove(entry.localReference);
      log.info('outbox: delivered', { localReference: entry.localReference, applicationId: receipt.applicationId, reference: receipt.reference, attempts: entry.attempts + 1 });
    } catch (error) {
      const retryable = error instanceof PortalUnavailableError || (error instanceof PortalProblemError && RETRYABLE_STATUSES.has(error.problem.status));
      if (!retryable) {
        const reason = error instanceof PortalProblemError ? `${error.problem.status} ${error.problem.type}` : String(error);
        outbox.markRejected(entry.localReference, reason);
        // NOTE: a rejected queued application stays in the outbox until staff deal with it; the
        // kiosk has no staff screen for it yet, so the log line is how IT learns about it.
        log.error('outbox: portal rejected a queued application', { localReference: entry.localReference, reason });
        return;
      }

      const delay = deliveryDelayMs(entry.attempts + 1, backoff);
      outbox.recordFailedAttempt(entry.localReference, new Date(Date.now() + delay), error instanceof Error ? error.message : String(error));
      log.warn('outbox: delivery failed, will retry', { localReference: entry.localReference, attempts: entry.attempts + 1, retryInMs: delay });
    } finally {
      inFlight.delete(entry.idempotencyKey);
    }
  }

  async function runRound(): Promise<void> {
    for (const entry of outbox.due(new Date())) {
      if (stopped) return;
      if (inFlight.has(entry.idempotencyKey)) continue;
      await deliver(entry);
    }
  }

  function deliverDue(): Promise<void> {
    round ??= runRound().finally(() => {
      round = null;
    });
    return round;
  }

  const timer = setInterval(() => {
    deliverDue().catch((error: unknown) => log.error('outbox: delivery round failed', { error: String(error) }));
  }, options.pollMs ?? 2_000);
  timer.unref?.();

  return {
    deliverDue,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
