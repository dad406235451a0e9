// The kiosk's main-process services behind `window.antragsdesk.kiosk`: catalog, submission with
// outbox and delivery loop, scanner folder, receipt printing and the citizen session. Plain Node;
// the Electron shell binds them to IPC, the end-to-end tests bind them to a Chromium page.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Place, Service, ServiceSummary } from '../../src-shared/index.ts';
import type {
  KioskSubmitArgs, KioskSubmitResult, PrintReceiptArgs, ScannedDocument, ScannedDocumentContent, StaffExitResult,
} from '../../src-shared/ipc/kiosk.ts';
import type { Logger } from '../logging/logger.ts';
import type { PolicyValues } from '../policy/schema.ts';
import type { BackoffOptions } from './backoff.ts';
import { createKioskCatalog, type KioskCatalog } from './catalog-cache.ts';
import { startDeliveryLoop, type DeliveryLoop } from './delivery.ts';
import { deviceAuthorization } from './device-token.ts';
import { openOutbox, type Outbox } from './outbox.ts';
import { createPortalClient, type PortalClient } from './portal-client.ts';
import { renderReceiptHtml, type ReceiptPaper } from './receipt-html.ts';
import { startScannerSession, type ScannerSession, type ThumbnailMaker } from './scanner-folder.ts';
import { createStaffExitGuard, type StaffExitGuard } from './staff-exit.ts';
import { submitFromKiosk } from './submission.ts';

export type KioskPolicy = Pick<
  PolicyValues,
  'portalUrl' | 'kioskDeviceTokenFile' | 'kioskPrinter' | 'kioskPaper' | 'idleTimeoutSeconds' | 'languages' | 'scannerFolder' | 'adminPinHash' | 'offlineIntakeAllowed'
>;

/** Prints a receipt page; the shell does it silently from a hidden window. */
export type ReceiptPrinter = (html: string, options: { deviceName: string | undefined; paper: ReceiptPaper }) => Promise<void>;

export interface CitizenSession {
  readonly id: string;
  /** In-memory Electron partition (no `persist:` prefix), so its storage never reaches the disk. */
  readonly partition: string;
  readonly startedAt: number;
}

export interface KioskServicesOptions {
  policy: KioskPolicy;
  /** Folder for the outbox database and the catalog cache. */
  dataDir: string;
  log: Logger;
  printReceipt: ReceiptPrinter;
  makeThumbnail?: ThumbnailMaker;
  backoff?: BackoffOptions;
  deliveryPollMs?: number;
  /** Overrides the client built from the policy (assisted intake, tests). */
  client?: PortalClient;
  /** Called after a session ended and the next one started; the shell rebuilds the window. */
  onSessionEnded?(next: CitizenSession): void;
}

export interface KioskServices {
  listServices(): Promise<ServiceSummary[]>;
  getService(args: { id: string; version?: number | undefined }): Promise<Service>;
  listPlaces(): Promise<Place[]>;
  submit(args: KioskSubmitArgs): Promise<KioskSubmitResult>;
  listScannedDocuments(): Promise<ScannedDocument[]>;
  readScannedDocument(args: { id: string }): Promise<ScannedDocumentContent>;
  printReceipt(args: PrintReceiptArgs): Promise<void>;
  endSession(): Promise<void>;
  staffExit(args: { pin: string }): Promise<StaffExitResult>;

  readonly session: CitizenSession;
  readonly outbox: Outbox;
  readonly delivery: DeliveryLoop;
  readonly catalog: KioskCatalog;
  close(): void;
}

/** Facts of the session's last submission for printing a queued receipt; kept in memory only. */
interface LastSubmission {
  serviceId: string;
  serviceVersion: number;
  documentIds: string[];
}

export const OUTBOX_FILE = 'kiosk-outbox.sqlite';
export const CATALOG_FILE = 'kiosk-catalog.json';

export function newCitizenSession(): CitizenSession {
  const id = randomUUID();
  return { id, partition: `kiosk-session-${id}`, startedAt: Date.now() };
}

export function createKioskServices(options: KioskServicesOptions): KioskServices {
  const { policy, log } = options;
  if (!policy.portalUrl) throw new Error('portalUrl is not set in the machine policy; the kiosk needs it to submit applications');

  const client = options.client ?? createPortalClient({ portalUrl: policy.portalUrl, authorization: deviceAuthorization(policy.kioskDeviceTokenFile) });
  const outbox = openOutbox(join(options.dataDir, OUTBOX_FILE));
  const catalog = createKioskCatalog({ client, file: join(options.dataDir, CATALOG_FILE), log });
  const inFlight = new Set<string>();
  const delivery = startDeliveryLoop({ client, outbox, log, inFlight, ...(options.backoff ? { backoff: options.backoff } : {}), ...(options.deliveryPollMs ? { pollMs: options.deliveryPollMs } : {}) });
  const staffExit: StaffExitGuard = createStaffExitGuard({ adminPinHash: policy.adminPinHash, log });

  let session = newCitizenSession();
  let scanner: ScannerSession | null = null;
  let lastSubmission: LastSubmission | null = null;

  const startScanner = () => {
    scanner = policy.scannerFolder
      ? startScannerSession({ folder: policy.scannerFolder, log, ...(options.makeThumbnail ? { makeThumbnail: options.makeThumbnail } : {}) }, session.startedAt)
      : null;
  };
  startScanner();

  return {
    get session() {
      return session;
    },
    outbox,
    delivery,
    catalog,

    listServices: () => catalog.listServices(),
    getService: ({ id, version }) => catalog.getService(id, version),
    listPlaces: () => catalog.listPlaces(),

    submit: async (args) => {
      lastSubmission = {
        serviceId: args.request.serviceId,
        serviceVersion: args.request.serviceVersion,
        documentIds: (args.request.attachments ?? []).map((file) => file.documentId),
      };
      return submitFromKiosk(args, { client, outbox, log, inFlight, offlineIntakeAllowed: policy.offlineIntakeAllowed, ...(options.backoff ? { backoff: options.backoff } : {}) });
    },

    listScannedDocuments: async () => (scanner ? scanner.list() : []),

    readScannedDocument: async ({ id }) => {
      if (!scanner) throw new Error('no scanner folder is configured');
      return scanner.read(id);
    },

    printReceipt: async ({ outcome }) => {
      let queued: { serviceName: string | null; documentLabels: string[] } | undefined;
      if (outcome.kind === 'queued' && lastSubmission) {
        const service = await catalog.getService(lastSubmission.serviceId, lastSubmission.serviceVersion).catch(() => null);
        const labels = new Map((service?.documents ?? []).map((document) => [document.id, document.label]));
        queued = { serviceName: service?.name ?? null, documentLabels: lastSubmission.documentIds.map((id) => labels.get(id) ?? id) };
      }

      const html = await renderReceiptHtml({ outcome, paper: policy.kioskPaper, portalUrl: policy.portalUrl!, ...(queued ? { queued } : {}) });
      await options.printReceipt(html, { deviceName: policy.kioskPrinter, paper: policy.kioskPaper });
      log.info('kiosk: receipt printed', { sessionId: session.id, kind: outcome.kind, paper: policy.kioskPaper });
    },

    endSession: async () => {
      const ended = session;
      const deleted = scanner ? await scanner.deleteSessionFiles() : 0;
      lastSubmission = null;
      session = newCitizenSession();
      startScanner();
      log.info('kiosk: session ended', { sessionId: ended.id, deletedScans: deleted });
      options.onSessionEnded?.(session);
    },

    staffExit: (args) => staffExit.attempt(args.pin),

    close: () => {
      delivery.stop();
      outbox.close();
    },
  };
}
