// Catalog data and team members for labels in the clerk window, kept in the cache database so the
// window shows them offline. Service versions never change once published, so a cached one is
// used as is. The authority and user lists are refreshed when older than REFRESH_AFTER_MS.
import type { Database } from 'better-sqlite3';
import type { ClerkUser } from '../../src-shared/api.ts';
import type { Authority, Service } from '../../src-shared/catalog.ts';
import type { Logger } from '../logging/logger.ts';
import type { PortalClient } from './portal-api/portal-client.ts';
import { PortalError } from './portal-api/portal-error.ts';

const REFRESH_AFTER_MS = 60 * 60 * 1000;

export type ReferenceData = ReturnType<typeof createReferenceData>;

export function createReferenceData(database: Database, client: PortalClient, log: Logger, now: () => Date) {
  const select = database.prepare('SELECT value, fetched_at AS fetchedAt FROM reference_data WHERE key = ?');
  const upsert = database.prepare(`
    INSERT INTO reference_data (key, value, fetched_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, fetched_at = excluded.fetched_at
  `);

  function cached<T>(key: string): { value: T; fetchedAt: string } | null {
    const row = select.get(key) as { value: string; fetchedAt: string } | undefined;
    return row ? { value: JSON.parse(row.value) as T, fetchedAt: row.fetchedAt } : null;
  }

  /** Returns the cached value when fresh enough, else fetches it; offline, a stale copy or null. */
  async function load<T>(key: string, fetchValue: () => Promise<T>, maxAgeMs: number): Promise<T | null> {
    const stored = cached<T>(key);
    // A fetch time in the future (clock moved back) counts as stale.
    const age = stored ? now().getTime() - Date.parse(stored.fetchedAt) : Infinity;
    if (stored && age >= 0 && age < maxAgeMs) return stored.value;

    try {
      const value = await fetchValue();
      if (database.open) upsert.run(key, JSON.stringify(value), now().toISOString());
      return value;
    } catch (error) {
      if (!(error instanceof PortalError) || error.unauthorized) throw error;
      log.warn('reference data: fetch failed, using the cached copy', { key: key.split(':')[0], status: error.status, cached: stored !== null });
      return stored?.value ?? null;
    }
  }

  return {
    authorities: async (): Promise<Authority[]> => (await load('authorities', client.listAuthorities, REFRESH_AFTER_MS)) ?? [],
    users: async (): Promise<ClerkUser[]> => (await load('users', client.listUsers, REFRESH_AFTER_MS)) ?? [],
    /** Cached users without a request, for labels in exports. */
    cachedUsers: (): ClerkUser[] => cached<ClerkUser[]>('users')?.value ?? [],
    service: async (id: string, version: number): Promise<Service | null> => {
      try {
        return await load(`service:${id}:${version}`, () => client.getService(id, version), Infinity);
      } catch (error) {
        if (error instanceof PortalError && error.status === 404) return null;
        throw error;
      }
    },
  };
}
