// Turns the effective policy and the install kind into the electron-updater configuration.
import type { PolicyValues } from '../policy/schema.ts';
import type { InstallKind } from './install-kind.ts';

export type UpdatesOffReason =
  | 'disabled-by-policy'
  | 'managed-by-msi'
  | 'managed-by-package-manager'
  | 'no-update-server'
  | 'not-updatable';

export interface GenericFeed {
  provider: 'generic';
  url: string;
  /** Base name of the update info file: latest → latest.yml, beta → beta.yml (-linux/-mac suffix added by electron-updater). */
  channel: string;
}

export type UpdateDecision =
  | { enabled: false; reason: UpdatesOffReason }
  | {
      enabled: true;
      feed: GenericFeed;
      allowPrerelease: boolean;
      /** Always false: electron-updater turns it on when a channel is set, and a downgrade must be a deliberate rollout. */
      allowDowngrade: false;
      autoDownload: boolean;
      autoInstallOnAppQuit: boolean;
    };

const SELF_UPDATING: ReadonlySet<InstallKind> = new Set(['nsis', 'appimage', 'mac']);

type UpdatePolicy = Pick<PolicyValues, 'updatesEnabled' | 'updateChannel' | 'updateServerUrl'>;

/**
 * Decides whether and how the app updates itself. Staged rollout needs no setting here:
 * electron-updater reads `stagingPercentage` from latest.yml and compares it with a per-machine
 * id it keeps in the user data folder (file .updaterId).
 */
export function decideUpdates(policy: UpdatePolicy, installKind: InstallKind): UpdateDecision {
  if (!policy.updatesEnabled) return { enabled: false, reason: 'disabled-by-policy' };
  if (installKind === 'msi') return { enabled: false, reason: 'managed-by-msi' };
  if (installKind === 'deb' || installKind === 'rpm' || installKind === 'pacman') return { enabled: false, reason: 'managed-by-package-manager' };
  if (!SELF_UPDATING.has(installKind)) return { enabled: false, reason: 'not-updatable' };
  // The publish URL baked in at build time is a placeholder, so without policy there is no server.
  if (!policy.updateServerUrl) return { enabled: false, reason: 'no-update-server' };

  return {
    enabled: true,
    feed: { provider: 'generic', url: policy.updateServerUrl, channel: policy.updateChannel },
    allowPrerelease: policy.updateChannel === 'beta',
    allowDowngrade: false,
    autoDownload: true,
    autoInstallOnAppQuit: true,
  };
}
