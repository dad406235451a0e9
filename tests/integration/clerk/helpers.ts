// Helpers for the clerk main-process tests: real clerk services in temp folders against a real
// portal, demo submissions, and polling until a condition holds.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClerkEvent } from '../../../src-shared/ipc/clerk.ts';
import {
  createClerkServices, createPlainFileSecretStore,
  type ClerkServices, type ClerkServicesOptions,
} from '../../../src-main/clerk/index.ts';
import { DEMO_PASSWORD_ENV, httpRequest } from '../../support/portal-harness.ts';
import { DOMSUEHL_ARS, registrationCertificate, SCHWERIN_ARS, validSubmission } from '../../support/submissions.ts';

/** A Schwerin clerk; Schwerin gets registration certificates for its residents. */
export const SCHWERIN_CLERK = { username: 'a.krueger', userId: 'user-sn-krueger', authorityId: 'schwerin' };
export const SCHWERIN_COLLEAGUE = { username: 'b.oezdemir', userId: 'user-sn-oezdemir', authorityId: 'schwerin' };
/** The Amt Parchimer Umland, whose inbox starts empty in the demo data. */
export const AMT_CLERK = { username: 'k.grosse', userId: 'user-apu-grosse', authorityId: 'amt-parchimer-umland' };

const tempDirs: string[] = [];

export function tempDir(prefix = 'antragsdesk-clerk-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface TestClerk {
  services: ClerkServices;
  events: ClerkEvent[];
  dataDir: string;
}

/** Fast retries and timers, so that tests wait for seconds, not minutes. */
export const FAST_TUNING: NonNullable<ClerkServicesOptions['tuning']> = {
  requestTimeoutMs: 5_000,
  requestRetries: 1,
  requestRetryBaseMs: 50,
  reconnectBaseMs: 100,
  outboxRetryBaseMs: 100,
  outboxRetryMaxMs: 1_000,
  syncIntervalMs: 0,
};

export function startClerk(portalUrl: string, options: Partial<ClerkServicesOptions> & { dataDir?: string } = {}): TestClerk {
  const dataDir = options.dataDir ?? tempDir();
  const services = createClerkServices({
    portalUrl,
    secretStore: createPlainFileSecretStore(path.join(dataDir, 'secrets')),
    tuning: FAST_TUNING,
    ...options,
    dataDir,
  });
  const events: ClerkEvent[] = [];
  services.events.on('event', (event) => events.push(event));
  return { services, events, dataDir };
}

export async function signIn(clerk: TestClerk, username: string): Promise<void> {
  const result = await clerk.services.handlers.login({ username, password: DEMO_PASSWORD_ENV });
  if (!result.ok) throw new Error(`login of ${username} failed: ${result.message}`);
}

/** Files a registration certificate application for a Schwerin (or Domsühl: Amt) resident. */
export async function submitApplication(portalUrl: string, seed: number, placeArs = SCHWERIN_ARS): Promise<{ applicationId: string; reference: string }> {
  const result = await httpRequest(portalUrl, 'POST', '/api/v1/applications', {
    body: validSubmission(registrationCertificate(), { placeArs, seed }),
    idempotencyKey: randomUUID(),
  });
  if (result.status !== 201) throw new Error(`submission failed with ${result.status}: ${result.text}`);
  return result.body as { applicationId: string; reference: string };
}

export { DOMSUEHL_ARS, SCHWERIN_ARS };

/** Polls until check returns a truthy value and returns it; fails with the description after timeoutMs. */
export async function waitFor<T>(description: string, check: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const ALL_ROWS = { filter: {}, sort: { field: 'received', direction: 'asc' }, limit: 5_000, offset: 0 } as const;

/** Ids of every application in the clerk's cache. */
export async function cachedIds(clerk: TestClerk): Promise<string[]> {
  const page = await clerk.services.handlers.queryInbox(ALL_ROWS);
  return page.rows.map((row) => row.id);
}
