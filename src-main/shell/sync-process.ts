// Starts the first-sync process (src-main/clerk/sync/initial-sync-process.ts) as an Electron
// utility process. The packaged app turns the RunAsNode fuse off, so child_process.fork of the
// Electron binary cannot start a Node process there. A utility process does not depend on that fuse.
import { utilityProcess } from 'electron';
import type { LaunchSyncProcess } from '../clerk/sync/initial-sync.ts';

/** Name of the process in app.getAppMetrics() and in the app's 'child-process-gone' event. */
const SERVICE_NAME = 'Antragsdesk Erstabgleich';

/**
 * Forks the script as a utility process whose stdout and stderr go to the app's. A job posted at
 * once waits until the process listens on parentPort (Electron's parentPort documentation).
 */
// NOTE: Never run in a real Electron utility process yet. Whether it loads the ESM worker threads
// and better-sqlite3 from inside app.asar is unverified.
export const launchUtilitySyncProcess: LaunchSyncProcess = (script) => {
  const child = utilityProcess.fork(script, [], { serviceName: SERVICE_NAME, stdio: 'inherit' });

  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => child.kill(),
  };
};
