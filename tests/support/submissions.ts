// Valid submissions for the demo services, built from the synthetic generator, with the place and
// attachments a test needs.
import type { Service, SubmitApplicationRequest } from '../../src-shared/index.ts';
import { setAtPath } from '../../src-shared/forms/paths.ts';
import { DEMO_PLACES, DEMO_SERVICES } from '../../portal/src/catalog/demo-data.ts';
import { createSyntheticSubmissions } from '../../portal/src/demo/synthetic.ts';

export const SCHWERIN_ARS = '130040000000';
export const LUDWIGSLUST_ARS = DEMO_PLACES.find((place) => place.name === 'Ludwigslust')!.ars;
export const DOMSUEHL_ARS = DEMO_PLACES.find((place) => place.name === 'Domsühl')!.ars;

/** A tiny but well-formed PDF. */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

export function currentService(match: (service: Service) => boolean): Service {
  const candidates = DEMO_SERVICES.filter(match);
  const newest = Math.max(...candidates.map((service) => service.version));
  return candidates.find((service) => service.version === newest)!;
}

export const parkingPermit = () => currentService((service) => service.name.includes('Bewohnerpark'));
export const eventNotification = () => currentService((service) => service.name.includes('Veranstaltung'));
export const registrationCertificate = () => currentService((service) => service.name.includes('Meldebescheinigung'));
export const dogTax = () => currentService((service) => service.name.includes('Hund'));

/** Builds a valid submission for the service at the given place, with every mandatory document as a small PDF. */
export function validSubmission(service: Service, options: { placeArs?: string; seed?: number; channel?: SubmitApplicationRequest['channel'] } = {}): SubmitApplicationRequest & { attachments: NonNullable<SubmitApplicationRequest['attachments']> } {
  const [generated] = [...createSyntheticSubmissions({ count: 1, seed: options.seed ?? 1, services: [service], places: DEMO_PLACES })];
  let formData = generated!.formData;
  formData = setAtPath(formData, service.routingField, options.placeArs ?? SCHWERIN_ARS);

  return {
    serviceId: service.id,
    serviceVersion: service.version,
    channel: options.channel ?? 'online',
    formData,
    attachments: service.documents
      .filter((document) => document.required)
      .map((document) => ({ documentId: document.id, fileName: `${document.id}.pdf`, mediaType: 'application/pdf', contentBase64: SMALL_PDF.toString('base64') })),
  };
}
