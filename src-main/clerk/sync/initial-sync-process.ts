// Entry of the sync process that runs a first sync (see initial-sync.ts). The app starts it with
// Electron's utilityProcess, tests and benchmarks with Node's child_process.fork; this file serves
// both. It receives one job, runs the reader and writer threads, forwards their reports and is
// ended by the app when the job is finished or stopped.
import type { InitialSyncJob, WorkerReport } from './initial-sync-messages.ts';
import { runInitialSyncThreads } from './initial-sync-threads.ts';

interface ParentChannel {
  send(message: WorkerReport): void;
  onMessage(listener: (message: unknown) => void): void;
}

// Electron's utility process talks through process.parentPort, a Node child process through
// process.send.
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentChannel(): ParentChannel {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return { send: (message) => electronPort.postMessage(message), onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)) };
  }
  if (!process.send) throw new Error('The sync process must be started by the app (no IPC channel)');
  return { send: (message) => process.send!(message), onMessage: (listener) => process.on('message', listener) };
}

const parent = parentChannel();
// A Node child process whose parent is gone ends, because its reports can no longer be delivered.
process.on('disconnect', () => process.exit(0));

parent.onMessage((message) => {
  const job = message as InitialSyncJob;
  if (job.type !== 'start') return;

  // 'finished' and 'failed' reach the app through the forwarded reports, and the app then ends
  // this process. A thread that dies without a report (out of memory, failed start) only rejects
  // `done`, so that failure is reported here. The app ignores a second 'failed'.
  const run = runInitialSyncThreads(job, (report) => parent.send(report));
  run.done.catch((error: Error) => parent.send({ type: 'failed', error: { name: error.name, message: error.message } }));
});
