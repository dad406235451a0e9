// A resident parking application for the Schwerin demo region; the person is invented.
import type { SubmitApplicationRequest } from '../../../src-shared/index.ts';
import { RESIDENT_PARKING_ID } from '../../../portal/src/catalog/demo/resident-parking.ts';

export const SCHWERIN_ARS = '130040000000';

export function parkingRequest(): SubmitApplicationRequest & { formData: Record<string, unknown> } {
  return {
    serviceId: RESIDENT_PARKING_ID,
    serviceVersion: 2,
    channel: 'kiosk',
    formData: {
      applicant: { givenName: 'Jola', familyName: 'Beispielfrau' },
      address: { street: 'Kiosktestweg', houseNumber: '7', postcode: '19053', placeArs: SCHWERIN_ARS, residenceType: 'main' },
      vehicle: { registration: 'SN-KT 42', vehicleClass: 'car', holder: 'self' },
      declaration: true,
    },
    attachments: [{ documentId: 'vehicle-registration-certificate', fileName: 'fahrzeugschein.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n%kiosk test\n').toString('base64') }],
  };
}
