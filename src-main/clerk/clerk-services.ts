// The clerk window's main-process services: one handler per CLERK_CHANNELS entry, each validating
// its argument with the zod schema of the IPC contract, plus the event stream the window listens
// to. Plain Node: the shell registers the handlers with ipcMain and supplies dialogs and printing.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ClerkUser } from '../../src-shared/api.ts';
import { berlinDate } from '../../src-shared/dates.ts';
import {
  ApplicationIdArgs, AttachmentArgs, CLERK_CHANNELS, ExportCsvArgs, LoginArgs, QueryInboxArgs,
  ResolveConflictArgs, ServiceVersionArgs, SetUserSettingArgs, SubmitActionArgs,
  type ClerkApi, type ClerkEvent, type SyncStatus,
} from '../../src-shared/ipc/clerk.ts';
import type { Logger } from '../logging/logger.ts';
import type { SettingsProvider } from '../policy/settings-view.ts';
import { exportInboxCsv } from './export/csv.ts';
import { renderApplicationDocument } from './documents/application-document.ts';
import { createPortalClient, type FetchFunction } from './portal-api/portal-client.ts';
import type { LaunchSyncProcess } from './sync/initial-sync.ts';
import { MESSAGES_DE, PortalError } from './portal-api/portal-error.ts';
import { deleteStoredSession, readStoredSession, writeStoredSession } from './session/stored-session.ts';
import type { SecretStore } from './session/secret-store.ts';
import { newIdempotencyKey, openUserSession, type UserSession, type UserSessionTuning } from './user-session.ts';

export type ClerkChannelName = keyof typeof CLERK_CHANNELS;
export type ClerkHandlers = { [name in ClerkChannelName]: (argument?: unknown) => ReturnType<ClerkApi[name]> };

export interface SaveFileRequest {
  /** Suggested file name, German, without folder. */
  suggestedName: string;
  /** File type filter for the save dialog, e.g. { name: 'PDF-Dokument', extensions: ['pdf'] }. */
  filter: { name: string; extensions: string[] };
  content: Buffer;
}

export interface ClerkServicesOptions {
  /** The app's user data folder; the caches go into its `clerk-cache` subfolder. */
  dataDir: string;
  portalUrl: string;
  secretStore: SecretStore;
  now?: () => Date;
  fetch?: FetchFunction;
  log?: Logger;
  /** Starts the first sync's process; the shell passes one based on Electron's utilityProcess. */
  launchSyncProcess?: LaunchSyncProcess;
  /** Asks where to save and writes the file; resolves false when the clerk cancels. From the shell. */
  saveFile?: (request: SaveFileRequest) => Promise<boolean>;
  /** Prints an HTML page to PDF bytes (the shell uses printToPDF). */
  renderPdf?: (html: string) => Promise<Buffer>;
  openAssistedIntake?: () => Promise<void>;
  /** The effective policy for the settings screen; the shell builds it from the loaded policy. */
  settings?: SettingsProvider;
  /**
   * Timeouts and intervals; tests shorten them. A custom `fetch` cannot be handed to the sync
   * process, so with one the first sync runs on the main thread.
   */
  tuning?: UserSessionTuning & { requestTimeoutMs?: number; requestRetries?: number; requestRetryBaseMs?: number };
}

export interface ClerkServices {
  handlers: ClerkHandlers;
  /** Emits 'event' with a ClerkEvent. */
  events: EventEmitter<{ event: [ClerkEvent] }>;
  /** Resolves once a stored session was restored (or found missing). */
  ready: Promise<void>;
  /** The signed-in clerk's portal session token, for assisted intake; null when signed out. */
  sessionToken(): string | null;
  close(): Promise<void>;
}

/** Raised when the renderer sends an argument that does not match the IPC contract. */
export class InvalidClerkArgumentError extends Error {
  constructor(channel: string, error: z.ZodError) {
    const issues = error.issues.map((issue) => `${issue.path.join('.') || '(argument)'}: ${issue.message}`).join('; ');
    super(`Invalid argument for ${channel}: ${issues}`);
    this.name = 'InvalidClerkArgumentError';
  }
}

const SILENT_LOG: Logger = { error() {}, warn() {}, info() {}, debug() {} };

export function createClerkServices(options: ClerkServicesOptions): ClerkServices {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? SILENT_LOG;
  const tuning = options.fetch ? { ...options.tuning, initialSyncInProcess: false } : (options.tuning ?? {});
  const events = new EventEmitter<{ event: [ClerkEvent] }>();
  const portalUrl = options.portalUrl.replace(/\/+$/, '');

  let token: string | null = null;
  let session: UserSession | null = null;
  let closed = false;
  const reachability = { online: true, lastError: null as string | null, lastSyncAt: null as string | null };
  let initialSync: SyncStatus['initialSync'] = null;

  const client = createPortalClient({
    baseUrl: portalUrl,
    fetch: options.fetch,
    token: () => token,
    log,
    timeoutMs: tuning.requestTimeoutMs,
    retries: tuning.requestRetries,
    retryBaseMs: tuning.requestRetryBaseMs,
  });

  function emit(event: ClerkEvent): void {
    events.emit('event', event);
  }

  function syncStatus(): SyncStatus {
    const counts = session?.cache.database.open ? session.outbox.counts() : { pending: 0, conflicts: 0 };
    return {
      online: reachability.online,
      lastSyncAt: reachability.lastSyncAt,
      initialSync,
      pendingActions: counts.pending,
      conflicts: counts.conflicts,
      lastError: reachability.lastError,
    };
  }

  function emitStatus(): void {
    emit({ type: 'sync-status', status: syncStatus() });
  }

  function startUserSession(user: ClerkUser): void {
    const opened = openUserSession({
      user, dataDir: options.dataDir, client, log, now, tuning,
      launchSyncProcess: options.launchSyncProcess,
      portalConnection: () => ({
        baseUrl: portalUrl,
        token: token ?? '',
        timeoutMs: tuning.requestTimeoutMs,
        retries: tuning.requestRetries,
        retryBaseMs: tuning.requestRetryBaseMs,
      }),
      callbacks: {
        onProgress: (progress) => {
          initialSync = progress;
          emitStatus();
        },
        onSyncCompleted: (at) => {
          reachability.lastSyncAt = at.toISOString();
          emitStatus();
        },
        onInboxChanged: () => emit({ type: 'inbox-changed' }),
        onAssignedToMe: (applicationId, reference) => emit({ type: 'assigned-to-me', applicationId, reference }),
        onReachability: (online, error) => {
          const changed = reachability.online !== online || (online && reachability.lastError !== null);
          reachability.online = online;
          reachability.lastError = error?.userMessage ?? null;
          if (changed || error) emitStatus();
        },
        onOutboxChanged: emitStatus,
        onUnauthorized: () => void endSession('expired'),
      },
    });
    session = opened;
    reachability.lastSyncAt = opened.cache.readSyncState().lastSyncedAt;
    opened.start();
  }

  // Closes the user's cache and deletes the token. Queued actions stay in that user's cache file.
  async function endSession(reason: 'logout' | 'expired' | 'closed'): Promise<void> {
    const ending = session;
    session = null;
    token = null;
    initialSync = null;
    if (reason !== 'closed') await deleteStoredSession(options.secretStore);
    if (ending) {
      log.info('session: ended', { userId: ending.user.id, reason });
      ending.close();
    }
    if (reason === 'expired') reachability.lastError = MESSAGES_DE.unauthorized;
    if (reason !== 'closed') emitStatus();
  }

  const ready = (async () => {
    const stored = await readStoredSession(options.secretStore, portalUrl);
    if (!stored || closed) return;
    token = stored.token;
    log.info('session: restored', { userId: stored.user.id });
    startUserSession(stored.user);
  })().catch((error: unknown) => {
    log.error('session: restore failed', { error: error instanceof Error ? error.name : 'unknown' });
  });

  function requireSession(): UserSession {
    if (!session) throw new Error(MESSAGES_DE.notSignedIn);
    return session;
  }

  function parse<S extends z.ZodType>(channel: ClerkChannelName, schema: S, argument: unknown): z.infer<S> {
    const result = schema.safeParse(argument);
    if (!result.success) {
      log.warn('ipc: invalid argument rejected', { channel: CLERK_CHANNELS[channel] });
      throw new InvalidClerkArgumentError(CLERK_CHANNELS[channel], result.error);
    }
    return result.data;
  }

  async function save(request: SaveFileRequest): Promise<{ saved: boolean }> {
    if (!options.saveFile) throw new Error(MESSAGES_DE.fileDialogUnavailable);
    return { saved: await options.saveFile(request) };
  }

  const unguarded: ClerkHandlers = {
    getSession: async () => {
      await ready;
      return session ? { signedIn: true, user: session.user } : { signedIn: false };
    },

    login: async (argument) => {
      const { username, password } = parse('login', LoginArgs, argument);
      await ready;

      let created;
      try {
        created = await client.login(username, password);
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;
        reachability.online = error.kind === 'http';
        return { ok: false, message: error.userMessage };
      }

      // Another clerk on this PC: their cache closes and their token is removed first.
      if (session) await endSession('logout');
      token = created.token;
      await writeStoredSession(options.secretStore, { token: created.token, expiresAt: created.expiresAt, user: created.user, portalUrl });
      reachability.online = true;
      reachability.lastError = null;
      log.info('session: signed in', { userId: created.user.id, authorityId: created.user.authorityId });
      startUserSession(created.user);
      emitStatus();
      return { ok: true, user: created.user };
    },

    logout: async () => {
      await ready;
      if (!session) return;
      try {
        await client.logout();
      } catch (error) {
        // The token is deleted locally either way; the portal lets it expire.
        if (!(error instanceof PortalError)) throw error;
        log.warn('session: portal logout failed', { status: error.status, kind: error.kind });
      }
      await endSession('logout');
    },

    getSyncStatus: async () => {
      await ready;
      return syncStatus();
    },

    syncNow: async () => {
      const current = requireSession();
      await current.sender.deliver();
      await current.sync.sync();
    },

    queryInbox: async (argument) => {
      const { filter, sort, limit, offset } = parse('queryInbox', QueryInboxArgs, argument);
      await ready;
      return requireSession().cache.queryInbox(filter, sort, { limit, offset });
    },

    getApplication: async (argument) => {
      const { id } = parse('getApplication', ApplicationIdArgs, argument);
      await ready;
      return requireSession().cache.getApplication(id);
    },

    getService: async (argument) => {
      const { id, version } = parse('getService', ServiceVersionArgs, argument);
      await ready;
      return requireSession().reference.service(id, version);
    },

    listAuthorities: async () => {
      await ready;
      return requireSession().reference.authorities();
    },

    listUsers: async () => {
      await ready;
      return requireSession().reference.users();
    },

    submitAction: async (argument) => {
      const { applicationId, action } = parse('submitAction', SubmitActionArgs, argument);
      await ready;
      const current = requireSession();
      const local = current.cache.getApplication(applicationId);
      if (!local) throw new Error(MESSAGES_DE.applicationNotCached);

      const pendingActionId = randomUUID();
      current.outbox.enqueue({
        id: pendingActionId,
        applicationId,
        reference: local.reference,
        action,
        idempotencyKey: newIdempotencyKey(),
        createdAt: now().toISOString(),
        localSnapshot: local,
      });
      log.info('outbox: action queued', { pendingActionId, applicationId, action: action.action, expectedVersion: action.expectedVersion });
      emitStatus();
      void current.sender.deliver();
      return { pendingActionId };
    },

    listPendingActions: async () => {
      await ready;
      return requireSession().outbox.listPending();
    },

    listConflicts: async () => {
      await ready;
      return requireSession().outbox.listConflicts();
    },

    resolveConflict: async (argument) => {
      const { conflictId, resolution } = parse('resolveConflict', ResolveConflictArgs, argument);
      await ready;
      const current = requireSession();
      const conflict = current.outbox.getConflict(conflictId);
      if (!conflict) throw new Error(MESSAGES_DE.conflictUnknown);

      if (resolution === 'discard') {
        current.outbox.remove(conflictId);
        log.info('outbox: conflict discarded', { pendingActionId: conflictId, applicationId: conflict.applicationId });
      } else {
        // Rebased on the version the portal has now, fetched fresh; a new key, because the
        // rebased action is a different request than the rejected one.
        const server = await client.getApplication(conflict.applicationId);
        const action = { ...conflict.action, expectedVersion: server.version };
        current.outbox.requeue(conflictId, action, newIdempotencyKey());
        log.info('outbox: conflict reapplied', { pendingActionId: conflictId, applicationId: conflict.applicationId, expectedVersion: server.version });
        void current.sender.deliver();
      }
      emitStatus();
    },

    readAttachment: async (argument) => {
      const { applicationId, attachmentId } = parse('readAttachment', AttachmentArgs, argument);
      await ready;
      const { info, download } = await fetchAttachment(applicationId, attachmentId);
      return { fileName: info.fileName, mediaType: info.mediaType, contentBase64: download.content.toString('base64') };
    },

    saveAttachmentAs: async (argument) => {
      const { applicationId, attachmentId } = parse('saveAttachmentAs', AttachmentArgs, argument);
      await ready;
      const { info, download } = await fetchAttachment(applicationId, attachmentId);
      const extension = info.fileName.includes('.') ? info.fileName.split('.').pop()!.toLowerCase() : '';
      return save({
        suggestedName: info.fileName,
        filter: { name: 'Anlage', extensions: extension ? [extension] : ['*'] },
        content: download.content,
      });
    },

    exportCsv: async (argument) => {
      const { filter, sort } = parse('exportCsv', ExportCsvArgs, argument);
      await ready;
      const current = requireSession();
      const users = current.reference.cachedUsers();
      const csv = exportInboxCsv(current.cache, filter, sort, { assigneeName: (id) => users.find((user) => user.id === id)?.displayName });
      return save({
        suggestedName: `Antraege-${berlinDate(now())}.csv`,
        filter: { name: 'CSV-Datei (Excel)', extensions: ['csv'] },
        content: Buffer.from(csv, 'utf8'),
      });
    },

    exportPdf: async (argument) => {
      const { id } = parse('exportPdf', ApplicationIdArgs, argument);
      await ready;
      const current = requireSession();
      const application = current.cache.getApplication(id);
      if (!application) throw new Error(MESSAGES_DE.applicationNotCached);
      if (!options.renderPdf) throw new Error(MESSAGES_DE.fileDialogUnavailable);

      const [service, authorities, users] = await Promise.all([
        current.reference.service(application.serviceId, application.serviceVersion).catch(() => null),
        current.reference.authorities().catch(() => []),
        current.reference.users().catch(() => current.reference.cachedUsers()),
      ]);
      const html = renderApplicationDocument(application, { service, authorities, users, printedAt: now() });
      const pdf = await options.renderPdf(html);
      return save({ suggestedName: `Antrag-${application.reference}.pdf`, filter: { name: 'PDF-Dokument', extensions: ['pdf'] }, content: pdf });
    },

    openAssistedIntake: async () => {
      if (!options.openAssistedIntake) throw new Error(MESSAGES_DE.assistedIntakeUnavailable);
      await ready;
      requireSession();
      await options.openAssistedIntake();
    },

    // Settings work without a session: IT may check a machine's policy before anyone signs in.
    getSettings: async () => {
      if (!options.settings) throw new Error(MESSAGES_DE.settingsUnavailable);
      return options.settings.view();
    },

    setUserSetting: async (argument) => {
      const { key, value } = parse('setUserSetting', SetUserSettingArgs, argument);
      if (!options.settings) throw new Error(MESSAGES_DE.settingsUnavailable);
      return options.settings.set(key, value);
    },
  };

  async function fetchAttachment(applicationId: string, attachmentId: string) {
    const current = requireSession();
    const application = current.cache.getApplication(applicationId);
    const info = application?.attachments.find((attachment) => attachment.id === attachmentId);
    if (!info) throw new Error(MESSAGES_DE.attachmentUnknown);

    return { info, download: await client.getAttachment(applicationId, attachmentId) };
  }

  // A portal failure inside a handler reaches the window as its German message. A 401 also ends
  // the session, so the window shows the sign-in again.
  function guard<F extends (argument?: unknown) => Promise<unknown>>(handler: F): F {
    return (async (argument?: unknown) => {
      try {
        return await handler(argument);
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;
        if (error.unauthorized) await endSession('expired');
        throw new Error(error.userMessage, { cause: error });
      }
    }) as F;
  }

  const handlers = Object.fromEntries(
    Object.entries(unguarded).map(([name, handler]) => [name, guard(handler)]),
  ) as ClerkHandlers;

  return {
    handlers,
    events,
    ready,
    sessionToken: () => (session ? token : null),
    close: async () => {
      closed = true;
      await ready;
      await endSession('closed');
      events.removeAllListeners();
    },
  };
}
