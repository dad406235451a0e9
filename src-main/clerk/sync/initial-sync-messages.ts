// Messages of a first sync: from the app to the sync process (initial-sync.ts,
// initial-sync-process.ts), and between that process and its two worker threads
// (initial-sync-threads.ts, initial-sync-worker.ts). Everything in them is structured-cloneable
// plain data; roundTimes formats the threads' phase times for their log lines.
import type { MessagePort } from 'node:worker_threads';
import type { PreparedFeedPage } from '../cache/index.ts';
import type { LogData, LogLevel } from '../../logging/logger.ts';
import type { PortalErrorKind } from '../portal-api/portal-error.ts';
import type { Problem } from '../../../src-shared/api.ts';

export interface PortalConnection {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  retries?: number;
  retryBaseMs?: number;
}

export type InitialSyncWorkerData =
  | { role: 'reader'; portal: PortalConnection; after: number; pageSize: number; pages: MessagePort }
  | { role: 'writer'; cachePath: string; pages: MessagePort };

/** From the reader to the writer, and the writer's confirmation that frees a place in the queue. */
export type PageMessage = { type: 'page'; page: PreparedFeedPage };
export type PageWrittenMessage = { type: 'written' };

/** An error as it crosses the thread boundary; a PortalError keeps what the sync engine needs. */
export type WorkerError =
  | { name: 'PortalError'; kind: PortalErrorKind; status: number | null; problem: Problem | null; message: string; userMessage: string }
  | { name: string; message: string };

/** From a worker to the main thread. */
export type WorkerReport =
  | { type: 'progress'; done: number; cursor: number; hasMore: boolean; changed: number }
  | { type: 'finished'; cursor: number; changes: number }
  | { type: 'failed'; error: WorkerError }
  | { type: 'log'; level: LogLevel; message: string; data?: LogData };

/** The job of the sync process: its first and only message from the app. */
export interface InitialSyncJob {
  type: 'start';
  cachePath: string;
  portal: PortalConnection;
  after: number;
  pageSize: number;
}

/** Rounds the phase times of a thread to whole milliseconds for its log line. */
export function roundTimes(timing: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(timing).map(([phase, ms]) => [phase, Math.round(ms)]));
}
