// Backend of assisted intake: a clerk files an application in the clerk app on a citizen's
// behalf. It reuses the kiosk's portal client, catalog cache and receipt page, but authenticates
// with the clerk's session token and files channel `assisted`, so the portal records the clerk.
// There is no outbox: the clerk is at a desk with a network and sees a failure at once.
import { join } from 'node:path';
import type { KioskSubmitArgs, KioskSubmitResult, PrintReceiptArgs } from '../../src-shared/ipc/kiosk.ts';
import type { Logger } from '../logging/logger.ts';
import { createKioskCatalog, type KioskCatalog } from './catalog-cache.ts';
import { CATALOG_FILE, type ReceiptPrinter } from './kiosk-services.ts';
import { createPortalClient, PortalProblemError, type PortalClient } from './portal-client.ts';
import { renderReceiptHtml } from './receipt-html.ts';

export interface AssistedServicesOptions {
  portalUrl: string;
  /** The clerk's current session token; null when the clerk is signed out. */
  sessionToken(): string | null;
  /** Folder of the catalog cache, shared with the kiosk's. */
  dataDir: string;
  log: Logger;
  printReceipt: ReceiptPrinter;
  client?: PortalClient;
}

export interface AssistedServices {
  readonly catalog: KioskCatalog;
  submit(args: KioskSubmitArgs): Promise<KioskSubmitResult>;
  printReceipt(args: PrintReceiptArgs): Promise<void>;
}

export class ClerkSignedOutError extends Error {
  constructor() {
    super('assisted intake needs a clerk session; sign in again');
    this.name = 'ClerkSignedOutError';
  }
}

export function createAssistedServices(options: AssistedServicesOptions): AssistedServices {
  const { log } = options;
  const client = options.client ?? createPortalClient({
    portalUrl: options.portalUrl,
    authorization: async () => {
      const token = options.sessionToken();
      if (!token) throw new ClerkSignedOutError();
      return `Bearer ${token}`;
    },
  });
  const catalog = createKioskCatalog({ client, file: join(options.dataDir, CATALOG_FILE), log });

  return {
    catalog,

    submit: async ({ request, idempotencyKey }) => {
      if (request.channel !== 'assisted') throw new Error('assisted intake submits only channel assisted');
      try {
        const receipt = await client.submit(request, idempotencyKey);
        log.info('assisted intake: submitted', { applicationId: receipt.applicationId, reference: receipt.reference });
        return { kind: 'receipt', receipt };
      } catch (error) {
        if (!(error instanceof PortalProblemError)) throw error;
        log.warn('assisted intake: rejected by the portal', { status: error.problem.status, type: error.problem.type });
        return { kind: 'rejected', problem: error.problem };
      }
    },

    printReceipt: async ({ outcome }) => {
      const html = await renderReceiptHtml({ outcome, paper: 'a4', portalUrl: options.portalUrl });
      await options.printReceipt(html, { deviceName: undefined, paper: 'a4' });
    },
  };
}
