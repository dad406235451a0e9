// Runs a first sync in a separate process instead of the app's main process. A first sync of
// 100,000 applications parses and writes about 140 MB. On the main thread it blocked the app's IPC
// for seconds at a time, and V8 kept the grown heap afterwards (about 300 MB RSS). In worker
// threads of the main process the heap was freed, but V8 keeps the pages of a finished thread for
// several seconds more. A process gives all of its memory back when it ends, and a crash in it
// leaves the app running. Inside it, a reader and a writer thread share the work
// (initial-sync-threads.ts). The app starts the process with Electron's utilityProcess (shell),
// tests and benchmarks with child_process.fork (forkSyncProcess).
// bench/clerk.bench.ts measures this first sync of 100,000 applications against its raw bound;
// bench/README.md explains where the time goes.
import { fork } from 'node:child_process';
import type { Logger } from '../../logging/logger.ts';
import { PortalError } from '../portal-api/portal-error.ts';
import { bundledOrSourceScript } from './script-file.ts';
import type { InitialSyncJob, PortalConnection, WorkerError, WorkerReport } from './initial-sync-messages.ts';

export interface InitialLoadRequest {
  /** Cursor to read after: 0, or where an interrupted first sync stopped. */
  after: number;
  pageSize: number;
  /** Called after each stored page with the number of changes stored so far in this run. */
  onPage(progress: { done: number; cursor: number; hasMore: boolean; changed: number }): void;
}

export interface InitialLoadResult {
  cursor: number;
  changes: number;
}

/** Loads feed pages into the cache up to the end of the feed; see createProcessInitialLoader. */
export interface InitialLoader {
  load(request: InitialLoadRequest): Promise<InitialLoadResult>;
  /** Stops a running load; its promise rejects. Pages stored so far stay, with their cursor. */
  stop(): void;
}

/** The parts of a child process the loader uses; Node's ChildProcess and Electron's UtilityProcess both fit. */
export interface SyncProcess {
  postMessage(message: InitialSyncJob): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

/** Starts the script as a process with a message channel to this one. */
export type LaunchSyncProcess = (script: string) => SyncProcess;

export interface ProcessInitialLoaderOptions {
  cachePath: string;
  /** The portal and the current session token, read when a load starts. */
  portal: () => PortalConnection;
  log: Logger;
  /** Default: forkSyncProcess. The Electron shell passes one based on utilityProcess. */
  launch?: LaunchSyncProcess;
  /** Default: initial-sync-process.js (bundle) or .ts (source) beside this module. */
  processScript?: string;
}

export class InitialLoadStoppedError extends Error {
  constructor() {
    super('Initial sync stopped');
    this.name = 'InitialLoadStoppedError';
  }
}

/** Starts the sync process with Node's child_process.fork and structured-clone messages. */
export const forkSyncProcess: LaunchSyncProcess = (script) => {
  const child = fork(script, [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code ?? 1)),
    kill: () => child.kill(),
  };
};

export function createProcessInitialLoader(options: ProcessInitialLoaderOptions): InitialLoader {
  const launch = options.launch ?? forkSyncProcess;
  const script = options.processScript ?? bundledOrSourceScript(import.meta.dirname, 'initial-sync-process');
  let stopRunning: (() => void) | null = null;

  function load(request: InitialLoadRequest): Promise<InitialLoadResult> {
    const child = launch(script);

    return new Promise<InitialLoadResult>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        stopRunning = null;
        child.kill();
        outcome();
      };
      stopRunning = () => settle(() => reject(new InitialLoadStoppedError()));

      child.onMessage((message) => {
        // Reports already on their way when the load was stopped or failed are dropped.
        if (settled) return;
        const report = message as WorkerReport;
        if (report.type === 'log') options.log[report.level](report.message, report.data);
        else if (report.type === 'progress') request.onPage(report);
        else if (report.type === 'finished') settle(() => resolve({ cursor: report.cursor, changes: report.changes }));
        else if (report.type === 'failed') settle(() => reject(restoreError(report.error)));
      });
      // A process that ends before it reported the end of the feed crashed or was killed.
      child.onExit((code) => settle(() => reject(new Error(`Initial sync process exited with code ${code} before the end of the feed`))));

      child.postMessage({ type: 'start', cachePath: options.cachePath, portal: options.portal(), after: request.after, pageSize: request.pageSize });
    });
  }

  return {
    load,
    stop: () => stopRunning?.(),
  };
}

function restoreError(error: WorkerError): Error {
  if ('kind' in error) return new PortalError(error);

  const restored = new Error(error.message);
  restored.name = error.name;
  return restored;
}
