// Entry of the two worker threads of a first sync (see initial-sync-threads.ts): the reader
// (initial-sync-reader.ts) and the writer (initial-sync-writer.ts). Their reports and log lines go
// to the sync process, which forwards them to the app.
import { parentPort, workerData } from 'node:worker_threads';
import type { Logger, LogData, LogLevel } from '../../logging/logger.ts';
import { PortalError } from '../portal-api/portal-error.ts';
import type { InitialSyncWorkerData, WorkerError, WorkerReport } from './initial-sync-messages.ts';

function report(message: WorkerReport): void {
  parentPort!.postMessage(message);
}

function reportFailure(error: unknown): void {
  report({ type: 'failed', error: serializeError(error) });
}

function serializeError(error: unknown): WorkerError {
  if (error instanceof PortalError) {
    return { name: 'PortalError', kind: error.kind, status: error.status, problem: error.problem, message: error.message, userMessage: error.userMessage };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: 'unknown failure' };
}

// Log lines go to the app's logger, which writes the log file.
const log = Object.fromEntries(
  (['error', 'warn', 'info', 'debug'] as LogLevel[]).map((level) => [level, (message: string, data?: LogData) => report({ type: 'log', level, message, data })]),
) as unknown as Logger;

// Each thread loads only the modules of its role: loading both took each thread about 0.1 s more
// at the start of every first sync.
const data = workerData as InitialSyncWorkerData;
if (data.role === 'reader') {
  import('./initial-sync-reader.ts')
    .then(({ readPages }) => readPages(data.portal, data.after, data.pageSize, data.pages, log))
    .catch(reportFailure);
} else {
  import('./initial-sync-writer.ts')
    .then(({ writePages }) => writePages(data.cachePath, data.pages, log, report, reportFailure))
    .catch(reportFailure);
}
