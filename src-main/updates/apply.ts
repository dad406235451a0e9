// Applies an UpdateDecision to electron-updater's autoUpdater. The shell passes the real
// autoUpdater; the interface lists only what is used so tests can pass a recorder.
import type { Logger } from '../logging/logger.ts';
import type { UpdateDecision } from './decision.ts';

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
}

/** Four hours: often enough to pick up a fix within a working day, rare enough for the server. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface UpdateSchedule {
  stop(): void;
}

export function applyUpdateDecision(updater: UpdaterLike, decision: UpdateDecision, log: Logger): boolean {
  if (!decision.enabled) {
    log.info('updates: self-update off', { reason: decision.reason });
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    return false;
  }

  updater.setFeedURL(decision.feed);
  updater.allowPrerelease = decision.allowPrerelease;
  // Set after the feed: electron-updater's channel setter turns allowDowngrade on.
  updater.allowDowngrade = decision.allowDowngrade;
  updater.autoDownload = decision.autoDownload;
  updater.autoInstallOnAppQuit = decision.autoInstallOnAppQuit;
  log.info('updates: self-update on', { url: decision.feed.url, channel: decision.feed.channel });
  return true;
}

/** Checks now and then every interval; a failed check is logged and retried at the next tick. */
export function scheduleUpdateChecks(updater: UpdaterLike, log: Logger, intervalMs: number = UPDATE_CHECK_INTERVAL_MS): UpdateSchedule {
  const check = (): void => {
    updater.checkForUpdates().catch((error: unknown) => log.warn('updates: check failed', { error }));
  };

  check();
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
