// Demo services of the portal's catalog as fixtures: the citizen app must handle the real forms.
import type { Service } from '../../../src-shared/index.ts';
import { DEMO_SERVICES } from '../../../portal/src/catalog/demo-data.ts';
import { DOG_TAX_ID } from '../../../portal/src/catalog/demo/dog-tax.ts';
import { EVENT_NOTIFICATION_ID } from '../../../portal/src/catalog/demo/event-notification.ts';
import { RESIDENT_PARKING_ID } from '../../../portal/src/catalog/demo/resident-parking.ts';

export function demoService(id: string, version?: number): Service {
  const matching = DEMO_SERVICES.filter((service) => service.id === id);
  const service = version === undefined ? matching.at(-1) : matching.find((candidate) => candidate.version === version);
  if (!service) throw new Error(`demo service ${id} v${version ?? 'latest'} not found`);
  return service;
}

export const eventService = () => demoService(EVENT_NOTIFICATION_ID);
export const dogTaxService = () => demoService(DOG_TAX_ID);
export const parkingService = () => demoService(RESIDENT_PARKING_ID);
