// HTTP API contract of the portal: request and response bodies as zod schemas. The portal
// validates with them and publishes them in its OpenAPI document; clients parse responses with them.
import { z } from 'zod';
import { Channel, IsoDate, ReferenceNumber, Role, Uuid } from './domain.ts';
import { ApplicationFee } from './fees.ts';
import { APPLICATION_STATUSES, STATUS_ACTIONS } from './status.ts';

export const API_PREFIX = '/api/v1';

// ---------------------------------------------------------------------------------------------
// Problem details (RFC 9457)

export const FieldError = z.object({
  /** Dotted path of the field in the form data, or a body property. */
  path: z.string(),
  /** German message for the citizen or clerk. */
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  /** English explanation for logs and API clients. */
  detail: z.string(),
  instance: z.string().optional(),
  /** German, user-facing summary that UIs show as is. */
  userMessage: z.string().optional(),
  errors: z.array(FieldError).optional(),
  allowedActions: z.array(z.string()).optional(),
  currentVersion: z.number().int().optional(),
});
export type Problem = z.infer<typeof Problem>;

// ---------------------------------------------------------------------------------------------
// Intake

export const MAX_ATTACHMENTS = 20;

export const AttachmentUpload = z.object({
  /** Id of the required document in the service definition this file satisfies. */
  documentId: z.string().min(1),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1),
  contentBase64: z.string().min(1),
});
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;

export const SubmitApplicationRequest = z.object({
  serviceId: z.string(),
  /** Form version the citizen filled in; the portal rejects a version that does not exist. */
  serviceVersion: z.number().int().positive(),
  channel: Channel,
  formData: z.record(z.string(), z.unknown()),
  attachments: z.array(AttachmentUpload).max(MAX_ATTACHMENTS).default([]),
  /** Language the citizen used; status texts and e-mails stay German. */
  locale: z.string().max(10).optional(),
});
export type SubmitApplicationRequest = z.input<typeof SubmitApplicationRequest>;

export const ReceiptDocument = z.object({ documentId: z.string(), label: z.string(), fileName: z.string() });

export const Receipt = z.object({
  applicationId: Uuid,
  reference: ReferenceNumber,
  /** Shown once; the portal keeps only a hash. */
  accessCode: z.string(),
  receivedAt: z.iso.datetime(),
  channel: Channel,
  service: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
  authority: z.object({ id: z.string(), name: z.string(), address: z.string() }),
  documents: z.array(ReceiptDocument),
  /** Path of the status page with reference prefilled; the access code is never part of a URL. */
  statusPath: z.string(),
  nextSteps: z.string(),
  /** The fee for the form as filed. Missing in receipts of portals before it was added. */
  fee: ApplicationFee.optional(),
});
export type Receipt = z.infer<typeof Receipt>;

// ---------------------------------------------------------------------------------------------
// Clerk session

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const ClerkUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  authorityId: z.string(),
  role: Role,
});
export type ClerkUser = z.infer<typeof ClerkUser>;

export const Session = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: ClerkUser,
});
export type Session = z.infer<typeof Session>;

// ---------------------------------------------------------------------------------------------
// Application snapshot (clerk view)

export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);

export const AttachmentInfo = z.object({
  id: z.string(),
  documentId: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha512: z.string(),
  /** Set when the file came with a citizen reply rather than with the application. */
  messageId: z.string().nullable(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

const HistoryBase = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  /** User id of the clerk, or `citizen` / `system`. */
  actorId: z.string(),
});

export const HistoryEntry = z.discriminatedUnion('kind', [
  HistoryBase.extend({
    kind: z.literal('status'),
    status: ApplicationStatusSchema,
    previousStatus: ApplicationStatusSchema.nullable(),
    citizenText: z.string(),
    internalNote: z.string().nullable(),
    decision: z.object({ text: z.string(), reasons: z.string().nullable() }).nullable(),
  }),
  HistoryBase.extend({ kind: z.literal('message'), direction: z.enum(['to_citizen', 'from_citizen']), text: z.string() }),
  HistoryBase.extend({ kind: z.literal('note'), text: z.string() }),
  HistoryBase.extend({
    kind: z.literal('forwarding'),
    fromAuthorityId: z.string(),
    toAuthorityId: z.string(),
    reason: z.string(),
  }),
  HistoryBase.extend({ kind: z.literal('assignment'), assigneeId: z.string().nullable() }),
  HistoryBase.extend({ kind: z.literal('follow_up'), date: IsoDate.nullable() }),
]);
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Application = z.object({
  id: Uuid,
  reference: ReferenceNumber,
  /** Increases with every change; actions must name the version they were based on. */
  version: z.number().int().positive(),
  authorityId: z.string(),
  serviceId: z.string(),
  serviceVersion: z.number().int(),
  serviceName: z.string(),
  channel: Channel,
  status: ApplicationStatusSchema,
  receivedAt: z.iso.datetime(),
  /** Last day of the processing deadline, in Europe/Berlin calendar days. */
  deadline: IsoDate,
  applicantName: z.string(),
  applicantEmail: z.string().nullable(),
  placeArs: z.string(),
  assigneeId: z.string().nullable(),
  followUp: IsoDate.nullable(),
  /** Set by a citizen reply; cleared by the next clerk status action. */
  needsAttention: z.boolean(),
  /** Clerk who recorded an assisted application, or the kiosk device id. */
  recordedBy: z.string().nullable(),
  formData: z.record(z.string(), z.unknown()),
  attachments: z.array(AttachmentInfo),
  history: z.array(HistoryEntry),
  updatedAt: z.iso.datetime(),
});
export type Application = z.infer<typeof Application>;

// ---------------------------------------------------------------------------------------------
// Change feed

export const FeedQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const FeedChange = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int(), kind: z.literal('upsert'), application: Application }),
  z.object({ seq: z.number().int(), kind: z.literal('tombstone'), applicationId: Uuid }),
]);
export type FeedChange = z.infer<typeof FeedChange>;

export const FeedPage = z.object({
  changes: z.array(FeedChange),
  /** Pass as `after` in the next request. Comes only from the server, never from a clock. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
});
export type FeedPage = z.infer<typeof FeedPage>;

/**
 * Layout of a feed page's JSON text as the portal writes it, beyond what JSON requires. Every
 * change is on a line of its own. An upsert line is `upsertLineStart` + seq + `upsertLineMiddle` +
 * the application's JSON + `}`, followed by `,` except on the last change. JSON strings never
 * contain a raw line break, so a reader can find each snapshot's bytes without a JSON parser and
 * store them as sent. Readers that find another layout parse the page as plain JSON.
 */
export const FEED_PAGE_LAYOUT = {
  upsertLineStart: '{"seq":',
  upsertLineMiddle: ',"kind":"upsert","application":',
} as const;

// ---------------------------------------------------------------------------------------------
// Clerk actions

export const CLERK_ACTIONS = [
  ...STATUS_ACTIONS.filter((a) => a !== 'citizen_reply'),
  'assign', 'set_follow_up', 'add_note', 'forward',
] as const;
export type ClerkActionName = (typeof CLERK_ACTIONS)[number];

const ActionBase = z.object({ expectedVersion: z.number().int().positive() });
const Text = z.string().trim().min(1).max(20_000);

export const ClerkAction = z.discriminatedUnion('action', [
  ActionBase.extend({ action: z.literal('accept'), note: z.string().max(20_000).optional() }),
  ActionBase.extend({ action: z.literal('start'), note: z.string().max(20_000).optional() }),
  ActionBase.extend({ action: z.literal('request_information'), message: Text }),
  ActionBase.extend({ action: z.literal('approve'), decision: Text }),
  ActionBase.extend({ action: z.literal('reject'), decision: Text, reasons: Text }),
  ActionBase.extend({ action: z.literal('withdraw'), reason: Text }),
  ActionBase.extend({ action: z.literal('discard'), internalReason: Text }),
  ActionBase.extend({ action: z.literal('assign'), assigneeId: z.string().nullable() }),
  ActionBase.extend({ action: z.literal('set_follow_up'), date: IsoDate.nullable() }),
  ActionBase.extend({ action: z.literal('add_note'), text: Text }),
  ActionBase.extend({ action: z.literal('forward'), targetAuthorityId: z.string().min(1), reason: Text }),
]);
export type ClerkAction = z.infer<typeof ClerkAction>;

// ---------------------------------------------------------------------------------------------
// Citizen status

export const StatusLookupRequest = z.object({
  reference: z.string().trim().toUpperCase().pipe(z.string().min(1).max(40)),
  accessCode: z.string().trim().min(1).max(64),
});

export const CitizenStatusView = z.object({
  reference: ReferenceNumber,
  serviceName: z.string(),
  authorityName: z.string(),
  receivedAt: z.iso.datetime(),
  status: ApplicationStatusSchema,
  statusLabel: z.string(),
  zbpState: z.string().nullable(),
  history: z.array(z.object({ at: z.iso.datetime(), status: ApplicationStatusSchema, label: z.string(), text: z.string() })),
  messages: z.array(z.object({ id: z.string(), at: z.iso.datetime(), direction: z.enum(['to_citizen', 'from_citizen']), text: z.string() })),
  /** True while a Rückfrage waits for the citizen's reply. */
  replyPossible: z.boolean(),
  /** The fee for the form as filed; missing when the service version is no longer in the catalog. */
  fee: ApplicationFee.optional(),
});
export type CitizenStatusView = z.infer<typeof CitizenStatusView>;

export const HealthResponse = z.object({ status: z.literal('ok'), version: z.string(), database: z.string() });

// ---------------------------------------------------------------------------------------------
// Citizen reply to a Rückfrage

export const MAX_REPLY_ATTACHMENTS = 5;
export const MAX_REPLY_TEXT_LENGTH = 5000;

/** A citizen's answer to a Rückfrage, authenticated like the status lookup. */
export const CitizenReplyRequest = StatusLookupRequest.extend({
  text: z.string().trim().min(1).max(MAX_REPLY_TEXT_LENGTH),
  /** Files for the clerk; the portal checks them by magic bytes (PDF, JPEG, PNG). */
  attachments: z.array(AttachmentUpload.omit({ documentId: true })).max(MAX_REPLY_ATTACHMENTS).default([]),
});
export type CitizenReplyRequest = z.input<typeof CitizenReplyRequest>;

// ---------------------------------------------------------------------------------------------
// FIT-Connect export (clerk)

/**
 * An application in the shape of a FIT-Connect submission: `metadata` follows the FIT-Connect
 * metadata schema 1.0.0, `data` is the form data as the exact JSON text whose SHA-512 the metadata
 * names, and each attachment is downloaded from `downloadPath`.
 */
export const FitConnectExport = z.object({
  metadata: z.record(z.string(), z.unknown()),
  data: z.string(),
  attachments: z.array(z.object({
    attachmentId: z.string(),
    fileName: z.string(),
    mimeType: z.string(),
    downloadPath: z.string(),
  })),
});
export type FitConnectExport = z.infer<typeof FitConnectExport>;
