// Submission of an application from the kiosk. The outbox entry is written first; then the portal
// is asked. A confirmed or rejected submission leaves the outbox at once. An unreachable portal
// either queues the application for the delivery loop (policy offlineIntakeAllowed) or is
// reported to the citizen, who may retry with the same idempotency key.
import type { KioskSubmitArgs, KioskSubmitResult } from '../../src-shared/ipc/kiosk.ts';
import type { Logger } from '../logging/logger.ts';
import { deliveryDelayMs, type BackoffOptions } from './backoff.ts';
import type { Outbox } from './outbox.ts';
import { PortalProblemError, PortalUnavailableError, type PortalClient } from './portal-client.ts';

export interface SubmissionOptions {
  client: PortalClient;
  outbox: Outbox;
  log: Logger;
  offlineIntakeAllowed: boolean;
  backoff?: BackoffOptions;
  /** Keys the delivery loop must leave alone because this module sends them right now. */
  inFlight: Set<string>;
}

/** The portal is unreachable and offline intake is off; nothing was stored. */
export class SubmissionUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SubmissionUnavailableError';
  }
}

export async function submitFromKiosk(args: KioskSubmitArgs, options: SubmissionOptions): Promise<KioskSubmitResult> {
  const { client, outbox, log, inFlight } = options;
  const entry = outbox.add(args.request, args.idempotencyKey);

  // A retry of a submission that was already queued gets the same answer again.
  if (entry.state === 'queued') return { kind: 'queued', localReference: entry.localReference, queuedAt: entry.queuedAt };

  inFlight.add(entry.idempotencyKey);
  try {
    const receipt = await client.submit(entry.request, entry.idempotencyKey);
    outbox.remove(entry.localReference);
    log.info('kiosk submit: confirmed', { localReference: entry.localReference, applicationId: receipt.applicationId, reference: receipt.reference });
    return { kind: 'receipt', receipt };
  } catch (error) {
    if (error instanceof PortalProblemError) {
      outbox.remove(entry.localReference);
      log.warn('kiosk submit: rejected by the portal', { localReference: entry.localReference, status: error.problem.status, type: error.problem.type });
      return { kind: 'rejected', problem: error.problem };
    }
    if (!(error instanceof PortalUnavailableError)) throw error;

    if (!options.offlineIntakeAllowed) {
      outbox.remove(entry.localReference);
      log.warn('kiosk submit: portal unreachable, offline intake is off', { localReference: entry.localReference, error: error.message });
      throw new SubmissionUnavailableError('portal unreachable and offline intake is off', { cause: error });
    }

    const next = new Date(Date.now() + deliveryDelayMs(1, options.backoff));
    outbox.markQueued(entry.localReference, next, error.message);
    log.warn('kiosk submit: portal unreachable, application queued', { localReference: entry.localReference, error: error.message });
    return { kind: 'queued', localReference: entry.localReference, queuedAt: entry.queuedAt };
  } finally {
    inFlight.delete(entry.idempotencyKey);
  }
}
