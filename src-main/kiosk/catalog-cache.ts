// Catalog for the kiosk: from the portal while it is reachable, else from a JSON file that holds
// the last catalog the portal sent (services with their forms, places). The catalog contains no
// citizen data, so it may stay on disk.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Place, Service, ServiceSummary } from '../../src-shared/index.ts';
import type { Logger } from '../logging/logger.ts';
import { PortalUnavailableError, type PortalClient } from './portal-client.ts';

const CatalogSnapshot = z.object({
  fetchedAt: z.iso.datetime(),
  services: z.array(ServiceSummary),
  /** Forms by `<id>@<version>`. */
  forms: z.record(z.string(), Service),
  places: z.array(Place),
});
type CatalogSnapshot = z.infer<typeof CatalogSnapshot>;

export interface KioskCatalog {
  listServices(): Promise<ServiceSummary[]>;
  getService(id: string, version?: number): Promise<Service>;
  listPlaces(): Promise<Place[]>;
  /** Fetches the whole catalog with every current form and stores it; false while the portal is unreachable. */
  refresh(): Promise<boolean>;
}

/** The portal is unreachable and the cache file has no entry for what was asked. */
export class CatalogUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogUnavailableError';
  }
}

function formKey(id: string, version: number): string {
  return `${id}@${version}`;
}

export function createKioskCatalog(options: { client: PortalClient; file: string; log: Logger }): KioskCatalog {
  const { client, file, log } = options;
  let snapshot: CatalogSnapshot | null = null;

  async function load(): Promise<CatalogSnapshot | null> {
    if (snapshot) return snapshot;
    try {
      snapshot = CatalogSnapshot.parse(JSON.parse(await readFile(file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('kiosk catalog: cache file unusable', { file, error: String(error) });
      snapshot = null;
    }
    return snapshot;
  }

  async function save(next: CatalogSnapshot): Promise<void> {
    snapshot = next;
    await mkdir(dirname(file), { recursive: true });
    // Write and rename, so a power cut leaves the old file or the new one, never half of one.
    const temporary = `${file}.tmp`;
    await writeFile(temporary, JSON.stringify(next));
    await rename(temporary, file);
  }

  async function cached(): Promise<CatalogSnapshot> {
    const found = await load();
    if (!found) throw new CatalogUnavailableError('portal unreachable and no cached catalog');
    return found;
  }

  async function refresh(): Promise<boolean> {
    try {
      const [services, places] = await Promise.all([client.listServices(), client.listPlaces()]);
      const forms: Record<string, Service> = { ...(await load())?.forms };
      for (const summary of services) forms[formKey(summary.id, summary.version)] = await client.getService(summary.id, summary.version);

      await save({ fetchedAt: new Date().toISOString(), services, forms, places });
      log.info('kiosk catalog: refreshed', { services: services.length, places: places.length });
      return true;
    } catch (error) {
      if (!(error instanceof PortalUnavailableError)) throw error;
      log.warn('kiosk catalog: refresh failed, using the cache', { error: error.message });
      return false;
    }
  }

  return {
    refresh,

    // Each visit of the service picker refreshes the whole cache, so the forms a citizen may open
    // next are on disk before the portal becomes unreachable.
    listServices: async () => {
      await refresh();
      return (await cached()).services;
    },

    getService: async (id, version) => {
      try {
        const service = await client.getService(id, version);
        const current = await load();
        if (current) await save({ ...current, forms: { ...current.forms, [formKey(service.id, service.version)]: service } });
        return service;
      } catch (error) {
        if (!(error instanceof PortalUnavailableError)) throw error;
      }

      const { services, forms } = await cached();
      const wanted = version ?? services.find((summary) => summary.id === id)?.version;
      const service = wanted === undefined ? undefined : forms[formKey(id, wanted)];
      if (!service) throw new CatalogUnavailableError(`portal unreachable and service ${id} version ${wanted ?? 'current'} is not cached`);
      return service;
    },

    listPlaces: async () => {
      try {
        const places = await client.listPlaces();
        const current = await load();
        if (current) await save({ ...current, places });
        return places;
      } catch (error) {
        if (!(error instanceof PortalUnavailableError)) throw error;
      }
      return (await cached()).places;
    },
  };
}
