// Demo region loaded into an empty portal database: authorities, places, services with every
// version, clerk accounts and kiosk devices. Which values are invented is stated in the file that
// defines them under ./demo/.
import type { Service } from '../../../src-shared/index.ts';
import { dogTaxService } from './demo/dog-tax.ts';
import { eventNotificationService } from './demo/event-notification.ts';
import { registrationCertificateService } from './demo/registration-certificate.ts';
import { residentParkingService } from './demo/resident-parking.ts';

export { DEMO_AUTHORITIES, DEMO_PLACES } from './demo/region.ts';
export { DEMO_CLERKS, DEMO_KIOSK_DEVICES, DEMO_PASSWORD } from './demo/accounts.ts';
export type { DemoClerk, DemoKioskDevice } from './demo/accounts.ts';
export { DOG_TAX_ID } from './demo/dog-tax.ts';
export { EVENT_NOTIFICATION_ID } from './demo/event-notification.ts';
export { REGISTRATION_CERTIFICATE_ID } from './demo/registration-certificate.ts';
export { RESIDENT_PARKING_ID } from './demo/resident-parking.ts';

export const DEMO_SERVICES: Service[] = [
  residentParkingService(1),
  residentParkingService(2),
  eventNotificationService(),
  registrationCertificateService(),
  dogTaxService(),
];
