// Test helpers for the clerk cache: invented Application snapshots and cache files in temp folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Application, FeedChange, FeedPage } from '../../../src-shared/api.ts';
import { openClerkCache, type OpenedClerkCache } from '../../../src-main/clerk/cache/index.ts';

export const USER_ID = 'u-clerk-1';
export const OTHER_USER_ID = 'u-clerk-2';
export const AUTHORITY_ID = 'sn';

const PARKING_SERVICE = 'urn:de:fim:leika:leistung:99050012104000';

/** Builds a deterministic v4-shaped UUID from a number, so the tie-break order by id is predictable. */
export function applicationId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Builds a valid Application snapshot of an invented applicant; `n` picks id and reference. */
export function makeApplication(n: number, overrides: Partial<Application> = {}): Application {
  return {
    id: applicationId(n),
    reference: `SN-2026-${String(n).padStart(6, '0')}`,
    version: 1,
    authorityId: AUTHORITY_ID,
    serviceId: PARKING_SERVICE,
    serviceVersion: 1,
    serviceName: 'Bewohnerparkausweis',
    channel: 'online',
    status: 'submitted',
    receivedAt: '2026-03-02T09:00:00.000Z',
    deadline: '2026-04-01',
    applicantName: `Testperson ${n}`,
    applicantEmail: null,
    placeArs: '130040000000',
    assigneeId: null,
    followUp: null,
    needsAttention: false,
    recordedBy: null,
    formData: {
      applicant: { givenName: 'Erika', familyName: `Testperson ${n}`, address: { street: 'Demoweg 1', postcode: '19053', city: 'Schwerin' } },
      vehicle: { registration: 'SN-AB 123' },
    },
    attachments: [],
    history: [],
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

export function upserts(...applications: Application[]): FeedChange[] {
  return applications.map((application, index) => ({ seq: index + 1, kind: 'upsert', application }));
}

export function feedPage(changes: FeedChange[], cursor = changes.length): FeedPage {
  return { changes, cursor, hasMore: false };
}

export interface TempCache extends OpenedClerkCache {
  dataDir: string;
  /** Closes the cache and deletes the temp folder. */
  dispose(): void;
}

/** Creates a temp data folder and opens a real cache file in it. */
export function openTempCache(options: { now?: () => Date; userId?: string } = {}): TempCache {
  const dataDir = makeTempDir();
  const opened = openClerkCache({ dataDir, userId: options.userId ?? USER_ID, authorityId: AUTHORITY_ID, now: options.now });

  return {
    ...opened,
    dataDir,
    dispose: () => {
      if (opened.cache.database.open) opened.cache.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function makeTempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'antragsdesk-cache-'));
}

/** Returns a clock that always returns the given instant. */
export function clockAt(instant: string): () => Date {
  return () => new Date(instant);
}
