// IPC contract of the kiosk window: the object the kiosk preload exposes as
// `window.antragsdesk.kiosk`, with zod schemas for every argument so that the main process can
// validate what the renderer sends. The kiosk gets no clerk call.
import { z } from 'zod';
import { Problem, Receipt, SubmitApplicationRequest } from '../api.ts';
import type { Place, Service, ServiceSummary } from '../catalog.ts';
import { LeikaId } from '../domain.ts';

/**
 * Result of a submission as every citizen backend reports it: the portal's receipt, or (kiosk
 * offline intake only) a local reference under which the kiosk queued the application.
 */
export const SubmitOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('receipt'), receipt: Receipt }),
  z.object({
    kind: z.literal('queued'),
    /** Reference the kiosk prints; staff find the queued application by it. */
    localReference: z.string().min(1).max(40),
    queuedAt: z.iso.datetime(),
  }),
]);
export type SubmitOutcome = z.infer<typeof SubmitOutcome>;

/** A file the terminal's scanner put into its scanner folder. */
export const ScannedDocument = z.object({
  id: z.string().min(1).max(200),
  fileName: z.string().min(1).max(255),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.number().int().nonnegative(),
  scannedAt: z.iso.datetime(),
  /** Small preview as a `data:image/png` or `data:image/jpeg` URL. */
  thumbnailDataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,/),
});
export type ScannedDocument = z.infer<typeof ScannedDocument>;

export const ScannedDocumentContent = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: ScannedDocument.shape.mediaType,
  contentBase64: z.string().min(1),
});
export type ScannedDocumentContent = z.infer<typeof ScannedDocumentContent>;

// ---------------------------------------------------------------------------------------------
// Arguments (validated in the main process)

export const GetServiceArgs = z.object({
  id: LeikaId,
  version: z.number().int().positive().optional(),
});
export type GetServiceArgs = z.infer<typeof GetServiceArgs>;

export const KioskSubmitArgs = z.object({
  request: SubmitApplicationRequest,
  idempotencyKey: z.string().min(8).max(200).regex(/^[\x21-\x7e]+$/),
});
export type KioskSubmitArgs = z.input<typeof KioskSubmitArgs>;

export const ReadScannedDocumentArgs = z.object({ id: ScannedDocument.shape.id });
export type ReadScannedDocumentArgs = z.infer<typeof ReadScannedDocumentArgs>;

export const PrintReceiptArgs = z.object({
  outcome: SubmitOutcome,
  /** Language of the citizen's session; the printed receipt itself is German. */
  locale: z.string().max(10),
});
export type PrintReceiptArgs = z.infer<typeof PrintReceiptArgs>;

/**
 * Submit result over IPC. Errors thrown in an IPC handler reach the renderer as a bare message,
 * so a rejection by the portal (for example a 422 with field errors) travels as a value.
 */
export const KioskSubmitResult = z.union([
  SubmitOutcome,
  z.object({ kind: z.literal('rejected'), problem: Problem }),
]);
export type KioskSubmitResult = z.infer<typeof KioskSubmitResult>;

/** PIN staff type to leave the kiosk; main checks it against the policy's scrypt hash. */
export const StaffExitArgs = z.object({ pin: z.string().min(1).max(64) });
export type StaffExitArgs = z.infer<typeof StaffExitArgs>;

export const StaffExitResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('granted') }),
  /** Wrong PIN, or too many wrong PINs: no attempt is checked before `retryAfterSeconds` passed. */
  z.object({ kind: z.literal('denied'), retryAfterSeconds: z.number().int().nonnegative() }),
  /** The policy sets no admin PIN hash, so the kiosk cannot be left from the screen. */
  z.object({ kind: z.literal('unavailable') }),
]);
export type StaffExitResult = z.infer<typeof StaffExitResult>;

// ---------------------------------------------------------------------------------------------
// Preload surface

export interface KioskApi {
  listServices(): Promise<ServiceSummary[]>;
  getService(args: GetServiceArgs): Promise<Service>;
  listPlaces(): Promise<Place[]>;
  submit(args: KioskSubmitArgs): Promise<KioskSubmitResult>;
  listScannedDocuments(): Promise<ScannedDocument[]>;
  readScannedDocument(args: ReadScannedDocumentArgs): Promise<ScannedDocumentContent>;
  /** Prints the receipt on the terminal's printer. */
  printReceipt(args: PrintReceiptArgs): Promise<void>;
  /** Ends the citizen's session; the main process deletes that session's scans and web storage. */
  endSession(): Promise<void>;
  /** Kiosk window only: closes the kiosk after staff typed the admin PIN. */
  staffExit?(args: StaffExitArgs): Promise<StaffExitResult>;
}

/** IPC channel per kiosk call; the main process rejects any other channel from the kiosk window. */
export const KIOSK_CHANNELS = {
  listServices: 'kiosk:list-services',
  getService: 'kiosk:get-service',
  listPlaces: 'kiosk:list-places',
  submit: 'kiosk:submit',
  listScannedDocuments: 'kiosk:list-scanned-documents',
  readScannedDocument: 'kiosk:read-scanned-document',
  printReceipt: 'kiosk:print-receipt',
  endSession: 'kiosk:end-session',
  staffExit: 'kiosk:staff-exit',
} as const satisfies Record<keyof KioskApi, string>;

/** The global the kiosk preload defines. */
export interface KioskWindowApi {
  kiosk: KioskApi;
}
