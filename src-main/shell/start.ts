// Start sequence of the desktop app: load the machine policy, stop on a broken policy, set up
// logging and updates, open the window of the chosen mode.
import { join } from 'node:path';
import { app } from 'electron';
import type { Logger, LogLevel } from '../logging/logger.ts';
import { createMemoryLogger } from '../logging/logger.ts';
import { loadExtraCaCertificates } from '../policy/extra-ca.ts';
import { PolicyError } from '../policy/policy-error.ts';
import { loadPolicy, type EffectivePolicy, type PolicyResult } from '../policy/resolve.ts';
import { createSettingsProvider } from '../policy/settings-view.ts';
import type { RegistryReader } from '../policy/registry.ts';
import { applyUpdateDecision, scheduleUpdateChecks, type UpdaterLike } from '../updates/apply.ts';
import { decideUpdates } from '../updates/decision.ts';
import { detectInstallKind, type InstallKind } from '../updates/install-kind.ts';
import { prepareAssistedIntake } from './assisted-window.ts';
import { attachClerkWindow } from './clerk-window.ts';
import { POLICY_EXIT_CODE, showPolicyErrorAndExit } from './error-window.ts';
import { prepareKioskShell } from './kiosk-window.ts';
import { openModeWindow } from './mode-window.ts';
import { installApplicationMenu } from './menu.ts';
import { trustExtraCertificateAuthorities } from './trust.ts';

export interface ShellDependencies {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  argv: readonly string[];
  resourcesPath: string;
  registry?: RegistryReader;
  /** Folder standing in for the file-system root when tests read the machine policy file. */
  fileRoot?: string;
  createLogger(directory: string, level: LogLevel): Logger;
  loadUpdater(): Promise<UpdaterLike>;
}

export type ShellOutcome =
  | { started: true; policy: EffectivePolicy; installKind: InstallKind; log: Logger }
  | { started: false; exitCode: number };

/** Name of the user settings file in the user data folder; the lowest policy layer. */
export const USER_SETTINGS_FILE = 'settings.json';

export async function startShell(deps: ShellDependencies): Promise<ShellOutcome> {
  // Until the policy names the log level, records wait in memory and go to the file afterwards.
  const early = createMemoryLogger();
  const userData = app.getPath('userData');

  let result: PolicyResult = await loadPolicy({
    platform: deps.platform,
    ...(deps.registry ? { registry: deps.registry } : {}),
    ...(deps.fileRoot ? { fileRoot: deps.fileRoot } : {}),
    env: deps.env,
    userSettingsFile: join(userData, USER_SETTINGS_FILE),
    argv: deps.argv,
    log: early,
  });

  // A CA file that is missing or not a CA is a broken policy like an invalid value.
  let authorities: Awaited<ReturnType<typeof loadExtraCaCertificates>> = [];
  if (result.ok) {
    try {
      authorities = await loadExtraCaCertificates(result.policy.values.extraCaCertificates);
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      result = { ok: false, error };
    }
  }

  const level = result.ok ? result.policy.values.logLevel : 'info';
  const log = deps.createLogger(app.getPath('logs'), level);
  for (const record of early.records) log[record.level](record.message, record.data);

  if (!result.ok) {
    const { error } = result;
    log.error('policy: invalid, start stopped', { key: error.key, source: error.source, reason: error.reason, detail: error.detail });
    await showPolicyErrorAndExit(error);
    return { started: false, exitCode: POLICY_EXIT_CODE };
  }

  const { policy } = result;
  log.info('app: starting', { version: app.getVersion(), mode: policy.values.mode, portalUrl: policy.values.portalUrl });

  const installKind = await detectInstallKind({
    platform: deps.platform,
    isPackaged: app.isPackaged,
    resourcesPath: deps.resourcesPath,
    exePath: app.getPath('exe'),
    env: deps.env,
    ...(deps.registry ? { registry: deps.registry } : {}),
  });

  const kiosk = policy.values.mode === 'kiosk' ? prepareKioskShell({ policy: policy.values, log, argv: deps.argv }) : null;
  if (kiosk && !kiosk.ok) return { started: false, exitCode: kiosk.exitCode };

  // The assisted-intake window of the clerk app serves the citizen app from the app:// scheme.
  if (policy.values.mode === 'clerk') prepareAssistedIntake();
  await app.whenReady();
  trustExtraCertificateAuthorities(authorities, log);
  const window = kiosk?.ok ? await kiosk.open() : openModeWindow(policy.values);
  if (policy.values.mode === 'clerk') {
    const settings = createSettingsProvider({ policy, userSettingsFile: join(userData, USER_SETTINGS_FILE), log });
    attachClerkWindow(window, { portalUrl: policy.values.portalUrl ?? '', log, settings });
  }
  installApplicationMenu(window, policy, installKind, log);

  const decision = decideUpdates(policy.values, installKind);
  if (decision.enabled) {
    const updater = await deps.loadUpdater();
    applyUpdateDecision(updater, decision, log);
    scheduleUpdateChecks(updater, log);
  } else {
    log.info('updates: self-update off', { reason: decision.reason, installKind });
  }

  return { started: true, policy, installKind, log };
}
