// Everything that exists while one clerk is signed in: the user's cache file, the outbox, the
// sync engine and the reference data. Signing out or a 401 closes it; the next user gets a new one
// with a separate cache file.
import { randomUUID } from 'node:crypto';
import type { ClerkUser } from '../../src-shared/api.ts';
import type { Logger } from '../logging/logger.ts';
import { openClerkCache, type ClerkCache } from './cache/index.ts';
import { createOutboxSender, type OutboxSender } from './outbox/outbox-sender.ts';
import { createOutboxStore, type OutboxStore } from './outbox/outbox-store.ts';
import type { PortalClient } from './portal-api/portal-client.ts';
import type { PortalError } from './portal-api/portal-error.ts';
import { createReferenceData, type ReferenceData } from './reference-data.ts';
import type { PortalConnection } from './sync/initial-sync-messages.ts';
import { createProcessInitialLoader, type LaunchSyncProcess } from './sync/initial-sync.ts';
import { createSyncEngine, type InitialSyncProgress, type SyncEngine } from './sync/sync-engine.ts';

export interface UserSessionTuning {
  pageSize?: number;
  syncIntervalMs?: number;
  reconnectBaseMs?: number;
  liveUpdates?: boolean;
  outboxRetryBaseMs?: number;
  outboxRetryMaxMs?: number;
  /** Whether a first sync runs in a separate process (default true); see sync/initial-sync.ts. */
  initialSyncInProcess?: boolean;
}

export interface UserSessionCallbacks {
  onProgress(progress: InitialSyncProgress | null): void;
  onSyncCompleted(at: Date): void;
  onInboxChanged(): void;
  onAssignedToMe(applicationId: string, reference: string): void;
  onReachability(online: boolean, error: PortalError | null): void;
  onOutboxChanged(): void;
  onUnauthorized(error: PortalError): void;
}

export interface UserSession {
  user: ClerkUser;
  cache: ClerkCache;
  outbox: OutboxStore;
  sender: OutboxSender;
  sync: SyncEngine;
  reference: ReferenceData;
  /** True when the cache file was damaged and replaced; a full sync follows. */
  recovered: boolean;
  start(): void;
  close(): void;
}

export function openUserSession(options: {
  user: ClerkUser;
  dataDir: string;
  client: PortalClient;
  log: Logger;
  now: () => Date;
  tuning: UserSessionTuning;
  callbacks: UserSessionCallbacks;
  /** Portal address, session token and timeouts for the first sync's reader thread. */
  portalConnection: () => PortalConnection;
  /** Starts the first sync's process; default child_process.fork (the shell uses utilityProcess). */
  launchSyncProcess?: LaunchSyncProcess;
}): UserSession {
  const { user, client, log, now, tuning, callbacks } = options;
  const opened = openClerkCache({ dataDir: options.dataDir, userId: user.id, authorityId: user.authorityId, now });
  if (opened.recovered) log.warn('cache: damaged file moved aside, syncing again', { userId: user.id, authorityId: user.authorityId });

  const cache = opened.cache;
  const outbox = createOutboxStore(cache.database);
  const reference = createReferenceData(cache.database, client, log, now);

  const initialLoader = tuning.initialSyncInProcess === false
    ? undefined
    : createProcessInitialLoader({ cachePath: opened.path, portal: options.portalConnection, log, launch: options.launchSyncProcess });

  const sync = createSyncEngine({
    cache, client, log, now, initialLoader,
    userId: user.id,
    pageSize: tuning.pageSize,
    intervalMs: tuning.syncIntervalMs,
    reconnectBaseMs: tuning.reconnectBaseMs,
    liveUpdates: tuning.liveUpdates,
    onProgress: callbacks.onProgress,
    onCompleted: (at) => {
      callbacks.onSyncCompleted(at);
      // A completed sync means the portal is reachable: queued actions go out now, not at the next retry.
      if (outbox.counts().pending > 0) void sender.deliver();
    },
    onInboxChanged: callbacks.onInboxChanged,
    onAssignedToMe: callbacks.onAssignedToMe,
    onReachability: callbacks.onReachability,
    onReconnected: () => void sender.deliver(),
    onUnauthorized: callbacks.onUnauthorized,
  });

  const sender = createOutboxSender({
    store: outbox, client, log,
    retryBaseMs: tuning.outboxRetryBaseMs,
    retryMaxMs: tuning.outboxRetryMaxMs,
    // The inbox shows the portal's new state after this sync; nothing is applied locally before.
    onDelivered: () => void sync.sync(),
    onChanged: callbacks.onOutboxChanged,
    onUnauthorized: callbacks.onUnauthorized,
    onReachability: callbacks.onReachability,
  });

  return {
    user, cache, outbox, sender, sync, reference,
    recovered: opened.recovered,
    start() {
      sync.start();
      void sender.deliver();
    },
    close() {
      sync.stop();
      sender.stop();
      cache.close();
    },
  };
}

/** Creates an idempotency key. The outbox makes one per queued action and reuses it for every retry. */
export function newIdempotencyKey(): string {
  return randomUUID();
}
