// Meldebescheinigung: a certificate of the applicant's own registered address from the
// Melderegister, issued by the town or Amt.
//
// Demo values: the LeiKa id, the fee and the processing deadline.
import type { Service } from '../../../../src-shared/index.ts';
import {
  applicantFieldPaths, applicantFields, applicantSchema, DECLARATION_FIELD, DECLARATION_SCHEMA, objectSchema,
  placeAddressFields, placeAddressProperties, text,
} from './form-parts.ts';

export const REGISTRATION_CERTIFICATE_ID = 'urn:de:fim:leika:leistung:99000000000003';

const formSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...objectSchema(
    {
      applicant: applicantSchema({ withDateOfBirth: true }),
      address: objectSchema(placeAddressProperties(), ['street', 'houseNumber', 'postcode', 'placeArs']),
      certificate: objectSchema(
        {
          kind: { type: 'string', enum: ['simple', 'extended'] },
          purpose: text(200),
          copies: { type: 'integer', minimum: 1, maximum: 5 },
        },
        ['kind', 'copies'],
      ),
      delivery: objectSchema({ method: { type: 'string', enum: ['post', 'pickup'] } }, ['method']),
      declaration: DECLARATION_SCHEMA,
    },
    ['applicant', 'address', 'certificate', 'delivery', 'declaration'],
  ),
};

export function registrationCertificateService(): Service {
  return {
    id: REGISTRATION_CERTIFICATE_ID,
    version: 1,
    name: 'Meldebescheinigung',
    description: 'Die Meldebescheinigung bestätigt, wo Sie gemeldet sind. Sie brauchen sie zum Beispiel für Behörden, Banken oder Arbeitgeber.',
    level: 'municipal',
    feeCents: 500,
    feeRule: { priceField: 'certificate.kind', centsByValue: { simple: 500, extended: 1000 }, quantityField: 'certificate.copies' },
    feeNote: 'Die einfache Meldebescheinigung kostet 5 Euro, die erweiterte 10 Euro je Ausfertigung.',
    deadlineDays: 5,
    routingField: 'address.placeArs',
    formSchema,
    uiHints: {
      steps: [
        {
          id: 'person',
          title: 'Angaben zu Ihrer Person',
          description: 'Eine Meldebescheinigung gibt es nur für Sie selbst.',
          fields: applicantFieldPaths({ withDateOfBirth: true }),
        },
        {
          id: 'address',
          title: 'Ihre gemeldete Anschrift',
          fields: ['address.street', 'address.houseNumber', 'address.postcode', 'address.placeArs'],
        },
        { id: 'certificate', title: 'Art der Bescheinigung', fields: ['certificate.kind', 'certificate.purpose', 'certificate.copies'] },
        { id: 'delivery', title: 'So erhalten Sie die Bescheinigung', fields: ['delivery.method', 'declaration'] },
      ],
      fields: [
        ...applicantFields({ withDateOfBirth: true }),
        ...placeAddressFields('address', 'Der Ort, in dem Sie gemeldet sind.'),
        {
          path: 'certificate.kind',
          label: 'Welche Meldebescheinigung brauchen Sie?',
          help: 'Die einfache reicht meistens. Die erweiterte enthält zusätzlich zum Beispiel frühere Anschriften, Familienstand und Staatsangehörigkeit.',
          widget: 'radio',
          options: [
            { value: 'simple', label: 'Einfache Meldebescheinigung' },
            { value: 'extended', label: 'Erweiterte Meldebescheinigung' },
          ],
        },
        { path: 'certificate.purpose', label: 'Wofür brauchen Sie die Bescheinigung?', help: 'Zum Beispiel „für die Bank“.', widget: 'text' },
        { path: 'certificate.copies', label: 'Anzahl der Ausfertigungen', help: 'Höchstens 5.', widget: 'number' },
        {
          path: 'delivery.method',
          label: 'Wie möchten Sie die Bescheinigung erhalten?',
          widget: 'radio',
          options: [
            { value: 'post', label: 'Per Post an meine gemeldete Anschrift' },
            { value: 'pickup', label: 'Ich hole sie im Bürgerbüro ab (bitte Ausweis mitbringen)' },
          ],
        },
        DECLARATION_FIELD,
      ],
    },
    documents: [],
    statusTexts: {
      submitted: 'Ihr Antrag auf eine Meldebescheinigung ist bei uns eingegangen.',
      accepted: 'Ihr Antrag ist bei der zuständigen Meldebehörde angekommen.',
      in_progress: 'Wir gleichen Ihre Angaben mit dem Melderegister ab und stellen die Bescheinigung aus.',
      action_required: 'Wir haben eine Rückfrage zu Ihrem Antrag. Bitte lesen Sie unsere Nachricht auf der Statusseite und antworten Sie dort.',
      approved: 'Ihre Meldebescheinigung ist fertig. Je nach Wahl schicken wir sie Ihnen oder Sie können sie im Bürgerbüro abholen.',
      rejected: 'Wir können Ihnen keine Meldebescheinigung ausstellen. Die Gründe stehen im Bescheid.',
      withdrawn: 'Ihr Antrag wurde zurückgezogen. Wir bearbeiten ihn nicht weiter.',
    },
    translations: {
      en: { name: 'Certificate of registration', description: 'The certificate confirms where you are registered as a resident, for example for authorities, banks or employers.' },
      uk: { name: 'Довідка про реєстрацію місця проживання', description: 'Довідка підтверджує, де ви зареєстровані. Вона потрібна, наприклад, для установ, банків або роботодавців.' },
      ar: { name: 'شهادة تسجيل السكن', description: 'تؤكد الشهادة عنوان سكنك المسجل، وتحتاجها مثلاً للدوائر الرسمية أو البنوك أو أصحاب العمل.' },
      tr: { name: 'İkamet belgesi', description: 'Bu belge kayıtlı adresinizi onaylar. Örneğin resmi daireler, bankalar veya işverenler için gerekir.' },
      'de-x-ls': { name: 'Bescheinigung über Ihre Wohnung', description: 'Auf dem Papier steht: Hier wohnen Sie. Manche Ämter und Banken wollen das Papier sehen.' },
    },
    demoValues: true,
  };
}
