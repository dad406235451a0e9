// IPC contract of the clerk window: the object the clerk preload exposes as
// `window.antragsdesk.clerk`, with zod schemas for every argument so the main process validates
// what the renderer sends. Data comes from the local cache, so every read works offline; actions
// go through the durable outbox in the main process.
import { z } from 'zod';
import type { Application, ClerkUser, Problem } from '../api.ts';
import { ClerkAction } from '../api.ts';
import type { Authority, Service } from '../catalog.ts';
import { Channel, IsoDate, Uuid } from '../domain.ts';
import { APPLICATION_STATUSES } from '../status.ts';

// ---------------------------------------------------------------------------------------------
// Inbox queries, served from the local cache

export const AssigneeFilter = z.enum(['me', 'unassigned', 'anyone']);

export const InboxFilter = z.object({
  statuses: z.array(z.enum(APPLICATION_STATUSES)).max(APPLICATION_STATUSES.length).optional(),
  serviceIds: z.array(z.string().max(200)).max(50).optional(),
  assignee: AssigneeFilter.optional(),
  channels: z.array(Channel).max(3).optional(),
  overdue: z.boolean().optional(),
  dueWithinDays: z.number().int().min(0).max(3650).optional(),
  followUpDue: z.boolean().optional(),
  needsAttention: z.boolean().optional(),
  search: z.string().max(500).optional(),
});
export type InboxFilterInput = z.infer<typeof InboxFilter>;

export const InboxSort = z.object({
  field: z.enum(['received', 'deadline', 'applicant']),
  direction: z.enum(['asc', 'desc']),
});

export const QueryInboxArgs = z.object({
  filter: InboxFilter,
  sort: InboxSort,
  limit: z.number().int().min(1).max(5000),
  offset: z.number().int().min(0),
});
export type QueryInboxArgs = z.infer<typeof QueryInboxArgs>;

export const InboxRowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  version: z.number().int(),
  status: z.enum(APPLICATION_STATUSES),
  serviceId: z.string(),
  serviceName: z.string(),
  channel: Channel,
  applicantName: z.string(),
  receivedAt: z.string(),
  deadline: z.string(),
  assigneeId: z.string().nullable(),
  followUp: z.string().nullable(),
  needsAttention: z.boolean(),
  updatedAt: z.string(),
});
export type InboxRowData = z.infer<typeof InboxRowSchema>;

export interface InboxPageData {
  rows: InboxRowData[];
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Session and sync

export const LoginArgs = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export type LoginResult = { ok: true; user: ClerkUser } | { ok: false; message: string };

export type ClerkSessionState = { signedIn: false } | { signedIn: true; user: ClerkUser };

export interface SyncStatus {
  /** Whether the last request to the portal got a response. */
  online: boolean;
  lastSyncAt: string | null;
  /** Set while the first full sync of an empty cache runs. */
  initialSync: { done: number; total: number | null; percent: number | null } | null;
  pendingActions: number;
  conflicts: number;
  /** German text of the last sync error, for the offline banner. */
  lastError: string | null;
}

// ---------------------------------------------------------------------------------------------
// Actions, outbox and conflicts

export const SubmitActionArgs = z.object({
  applicationId: Uuid,
  action: ClerkAction,
});
export type SubmitActionArgs = z.infer<typeof SubmitActionArgs>;

export interface PendingAction {
  id: string;
  applicationId: string;
  reference: string;
  action: ClerkAction;
  createdAt: string;
  attempts: number;
  lastError: string | null;
}

/** An action the portal rejected with 409; the clerk sees both versions and decides. */
export interface ActionConflict {
  id: string;
  applicationId: string;
  action: ClerkAction;
  /** The application as the clerk saw it when acting (from the cache). */
  local: Application | null;
  /** The application as the portal has it now. */
  server: Application | null;
  problem: Problem;
}

export const ResolveConflictArgs = z.object({
  conflictId: z.string().min(1).max(100),
  /** `discard` drops the clerk's action; `reapply` sends it again based on the server's version. */
  resolution: z.enum(['discard', 'reapply']),
});

export const ApplicationIdArgs = z.object({ id: Uuid });
export const AttachmentArgs = z.object({ applicationId: Uuid, attachmentId: z.string().min(1).max(100) });
export const ServiceVersionArgs = z.object({ id: z.string().min(1).max(200), version: z.number().int().positive() });
export const ExportCsvArgs = z.object({ filter: InboxFilter, sort: InboxSort });
export const FollowUpDate = IsoDate;

export interface AttachmentContent {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

// ---------------------------------------------------------------------------------------------
// Settings: the effective machine policy, with managed values read-only

export interface SettingEntry {
  key: string;
  /** German label and explanation from the policy schema. */
  label: string;
  description: string;
  /** The value as text for display; secrets show only whether they are set. */
  displayValue: string;
  /** The raw value, for the edit form of keys the user may change; null for secrets. */
  value: string | number | boolean | string[] | null;
  /** Source of the value, in German (Gruppenrichtlinie, Richtliniendatei, Standardwert …). */
  source: string;
  /** Set by IT through registry policy or the machine policy file: shown read-only. */
  managed: boolean;
  /** The user may change it: not managed, not a machine-only key, not set on the command line. */
  editable: boolean;
  kind: 'text' | 'number' | 'boolean' | 'choice' | 'list';
  choices?: string[];
}

export interface SettingsView {
  entries: SettingEntry[];
}

export const SetUserSettingArgs = z.object({
  key: z.string().min(1).max(100),
  value: z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(20)]),
});

export type SetUserSettingResult = { ok: true; view: SettingsView } | { ok: false; message: string };

/** Events the main process pushes to the clerk window. */
export type ClerkEvent =
  | { type: 'sync-status'; status: SyncStatus }
  | { type: 'inbox-changed' }
  | { type: 'assigned-to-me'; applicationId: string; reference: string };

// ---------------------------------------------------------------------------------------------
// Preload surface

export interface ClerkApi {
  getSession(): Promise<ClerkSessionState>;
  login(args: z.input<typeof LoginArgs>): Promise<LoginResult>;
  logout(): Promise<void>;

  getSyncStatus(): Promise<SyncStatus>;
  syncNow(): Promise<void>;

  queryInbox(args: QueryInboxArgs): Promise<InboxPageData>;
  getApplication(args: z.input<typeof ApplicationIdArgs>): Promise<Application | null>;
  /** The service version an application was filed with, for labels; cached for offline use. */
  getService(args: z.input<typeof ServiceVersionArgs>): Promise<Service | null>;
  listAuthorities(): Promise<Authority[]>;
  listUsers(): Promise<ClerkUser[]>;

  submitAction(args: SubmitActionArgs): Promise<{ pendingActionId: string }>;
  listPendingActions(): Promise<PendingAction[]>;
  listConflicts(): Promise<ActionConflict[]>;
  resolveConflict(args: z.input<typeof ResolveConflictArgs>): Promise<void>;

  /** File content for the in-app viewer (PDF and images); never opened by the operating system. */
  readAttachment(args: z.input<typeof AttachmentArgs>): Promise<AttachmentContent>;
  saveAttachmentAs(args: z.input<typeof AttachmentArgs>): Promise<{ saved: boolean }>;
  exportCsv(args: z.input<typeof ExportCsvArgs>): Promise<{ saved: boolean }>;
  exportPdf(args: z.input<typeof ApplicationIdArgs>): Promise<{ saved: boolean }>;
  /** Opens the citizen app in a window of the clerk app for assisted intake (channel assisted). */
  openAssistedIntake(): Promise<void>;

  /** The effective settings with their sources; managed ones are read-only. */
  getSettings(): Promise<SettingsView>;
  /** Stores a user setting (lowest policy layer); it takes effect at the next start. */
  setUserSetting(args: z.input<typeof SetUserSettingArgs>): Promise<SetUserSettingResult>;

  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: ClerkEvent) => void): () => void;
}

export const CLERK_CHANNELS = {
  getSession: 'clerk:get-session',
  login: 'clerk:login',
  logout: 'clerk:logout',
  getSyncStatus: 'clerk:get-sync-status',
  syncNow: 'clerk:sync-now',
  queryInbox: 'clerk:query-inbox',
  getApplication: 'clerk:get-application',
  getService: 'clerk:get-service',
  listAuthorities: 'clerk:list-authorities',
  listUsers: 'clerk:list-users',
  submitAction: 'clerk:submit-action',
  listPendingActions: 'clerk:list-pending-actions',
  listConflicts: 'clerk:list-conflicts',
  resolveConflict: 'clerk:resolve-conflict',
  readAttachment: 'clerk:read-attachment',
  saveAttachmentAs: 'clerk:save-attachment-as',
  exportCsv: 'clerk:export-csv',
  exportPdf: 'clerk:export-pdf',
  openAssistedIntake: 'clerk:open-assisted-intake',
  getSettings: 'clerk:get-settings',
  setUserSetting: 'clerk:set-user-setting',
} as const satisfies Record<Exclude<keyof ClerkApi, 'onEvent'>, string>;

/** Channel on which main pushes ClerkEvents to the clerk window. */
export const CLERK_EVENT_CHANNEL = 'clerk:event';

export interface ClerkWindowApi {
  clerk: ClerkApi;
}
