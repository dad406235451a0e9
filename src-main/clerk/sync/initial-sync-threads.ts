// Runs a first sync in two worker threads of the current process: the reader fetches and prepares
// feed pages, the writer stores them (initial-sync-worker.ts). Reading and writing in separate
// threads lets a page be fetched and prepared while the one before is written. The sync process
// (initial-sync-process.ts) calls this.
import { MessageChannel, Worker } from 'node:worker_threads';
import { bundledOrSourceScript } from './script-file.ts';
import type { InitialSyncJob, InitialSyncWorkerData, WorkerReport } from './initial-sync-messages.ts';

export interface ThreadsRun {
  /** Resolves when the writer has finished the load and both threads are gone. */
  done: Promise<{ cursor: number; changes: number }>;
}

/**
 * Starts the reader and writer threads for a job. Every report of theirs (progress, log lines)
 * goes to `onReport`; 'finished' and 'failed' also settle `done`.
 */
export function runInitialSyncThreads(job: InitialSyncJob, onReport: (report: WorkerReport) => void, workerScript = bundledOrSourceScript(import.meta.dirname, 'initial-sync-worker')): ThreadsRun {
  const channel = new MessageChannel();
  const start = (data: InitialSyncWorkerData) => new Worker(workerScript, { workerData: data, transferList: [data.pages] });
  const writer = start({ role: 'writer', cachePath: job.cachePath, pages: channel.port2 });
  const reader = start({ role: 'reader', portal: job.portal, after: job.after, pageSize: job.pageSize, pages: channel.port1 });
  const workers = [reader, writer];

  const done = new Promise<{ cursor: number; changes: number }>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      // Both threads are gone before the caller goes on, so that the file is no longer written.
      void Promise.all(workers.map((worker) => worker.terminate())).then(outcome);
    };
    const fail = (error: Error) => settle(() => reject(error));

    for (const worker of workers) {
      worker.on('message', (report: WorkerReport) => {
        onReport(report);
        if (report.type === 'finished') settle(() => resolve({ cursor: report.cursor, changes: report.changes }));
        if (report.type === 'failed') fail(Object.assign(new Error(report.error.message), { name: report.error.name }));
      });
      // A thread that dies (e.g. out of memory) reports nothing.
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`Initial sync thread exited with code ${code}`));
      });
    }
  });

  return { done };
}
