// Loads the demo region into an empty database on first start.
import { DEMO_AUTHORITIES, DEMO_CLERKS, DEMO_KIOSK_DEVICES, DEMO_PLACES, DEMO_SERVICES } from './catalog/demo-data.ts';
import { hashPassword, hashToken } from './security/secrets.ts';
import type { PortalStore, SeedData } from './store/store.ts';

export async function demoSeedData(): Promise<SeedData> {
  return {
    authorities: DEMO_AUTHORITIES,
    places: DEMO_PLACES,
    services: DEMO_SERVICES,
    users: await Promise.all(
      DEMO_CLERKS.map(async (clerk) => ({
        id: clerk.id,
        username: clerk.username,
        displayName: clerk.displayName,
        authorityId: clerk.authorityId,
        role: clerk.role,
        passwordHash: await hashPassword(clerk.password),
      })),
    ),
    kioskDevices: DEMO_KIOSK_DEVICES.map((device) => ({
      id: device.id, name: device.name, authorityId: device.authorityId, tokenHash: hashToken(device.token),
    })),
  };
}

export async function seedDemoData(store: PortalStore): Promise<void> {
  await store.seed(await demoSeedData());
}
