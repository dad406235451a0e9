// Anmeldung eines Hundes zur Hundesteuer: registering a dog with the town or Amt, which sets the
// tax by notice. The tax can be paid by SEPA direct debit or by bank transfer.
//
// Demo values: the LeiKa id and the processing deadline.
import type { Service } from '../../../../src-shared/index.ts';
import {
  applicantFieldPaths, applicantFields, applicantSchema, DECLARATION_FIELD, DECLARATION_SCHEMA, objectSchema,
  placeAddressFields, placeAddressProperties, text, YES_NO_OPTIONS, YES_NO_SCHEMA,
} from './form-parts.ts';

export const DOG_TAX_ID = 'urn:de:fim:leika:leistung:99000000000004';

const formSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...objectSchema(
    {
      applicant: applicantSchema({ withDateOfBirth: false }),
      address: objectSchema(placeAddressProperties(), ['street', 'houseNumber', 'postcode', 'placeArs']),
      dog: objectSchema(
        {
          name: text(60),
          breed: text(100),
          sex: { type: 'string', enum: ['male', 'female'] },
          dateOfBirth: { type: 'string', format: 'past-date' },
          // A dog cannot be owned before it was born.
          ownedSince: { type: 'string', format: 'past-date', formatMinimum: { $data: '1/dateOfBirth' } },
          transponderNumber: { type: 'string', pattern: '^\\d{15}$' },
          listed: YES_NO_SCHEMA,
        },
        ['name', 'breed', 'sex', 'dateOfBirth', 'ownedSince', 'listed'],
      ),
      payment: objectSchema(
        { method: { type: 'string', enum: ['sepa', 'transfer'] } },
        ['method'],
        [{
          if: { properties: { method: { const: 'sepa' } }, required: ['method'] },
          then: {
            properties: {
              accountHolder: text(140),
              iban: { type: 'string', format: 'iban' },
              mandateConsent: { type: 'boolean', const: true },
            },
            required: ['accountHolder', 'iban', 'mandateConsent'],
          },
        }],
      ),
      declaration: DECLARATION_SCHEMA,
    },
    ['applicant', 'address', 'dog', 'payment', 'declaration'],
  ),
};

export function dogTaxService(): Service {
  return {
    id: DOG_TAX_ID,
    version: 1,
    name: 'Anmeldung eines Hundes zur Hundesteuer',
    description: 'Wenn Sie einen Hund aufnehmen oder mit Ihrem Hund herziehen, melden Sie ihn innerhalb von zwei Wochen zur Hundesteuer an.',
    level: 'municipal',
    feeCents: 0,
    feeNote: 'Die Anmeldung ist kostenlos. Die Hundesteuer setzen wir jährlich per Bescheid fest.',
    deadlineDays: 30,
    routingField: 'address.placeArs',
    formSchema,
    uiHints: {
      steps: [
        {
          id: 'owner',
          title: 'Angaben zur Halterin oder zum Halter',
          description: 'Die Person, bei der der Hund lebt.',
          fields: applicantFieldPaths({ withDateOfBirth: false }),
        },
        { id: 'address', title: 'Ihre Anschrift', fields: ['address.street', 'address.houseNumber', 'address.postcode', 'address.placeArs'] },
        {
          id: 'dog',
          title: 'Angaben zum Hund',
          fields: ['dog.name', 'dog.breed', 'dog.sex', 'dog.dateOfBirth', 'dog.ownedSince', 'dog.transponderNumber', 'dog.listed'],
        },
        {
          id: 'payment',
          title: 'Bezahlung der Hundesteuer',
          description: 'Mit einem SEPA-Lastschriftmandat buchen wir die Steuer zu den Fälligkeitstagen ab. Sie müssen dann an nichts denken.',
          fields: ['payment.method', 'payment.accountHolder', 'payment.iban', 'payment.mandateConsent'],
        },
        { id: 'declaration', title: 'Bestätigung', fields: ['declaration'] },
      ],
      fields: [
        ...applicantFields({ withDateOfBirth: false }),
        ...placeAddressFields('address', 'Der Ort, in dem der Hund lebt.'),
        { path: 'dog.name', label: 'Name des Hundes', widget: 'text' },
        { path: 'dog.breed', label: 'Rasse', help: 'Bei einem Mischling die Rassen, die Sie kennen, zum Beispiel „Labrador-Mischling“.', widget: 'text' },
        { path: 'dog.sex', label: 'Geschlecht', widget: 'radio', options: [{ value: 'male', label: 'Rüde' }, { value: 'female', label: 'Hündin' }] },
        { path: 'dog.dateOfBirth', label: 'Geburtsdatum des Hundes', help: 'Wenn Sie es nicht genau wissen, ein ungefähres Datum.', widget: 'date' },
        { path: 'dog.ownedSince', label: 'Der Hund lebt bei mir seit', widget: 'date' },
        { path: 'dog.transponderNumber', label: 'Chipnummer', help: 'Die 15 Ziffern aus dem Heimtierausweis.', widget: 'text' },
        {
          path: 'dog.listed',
          label: 'Ist der Hund ein gefährlicher Hund nach der Hundehalterverordnung?',
          help: 'Dazu gehören bestimmte Rassen und Hunde, die die Behörde als gefährlich eingestuft hat. Für sie gilt ein höherer Steuersatz.',
          widget: 'radio',
          options: YES_NO_OPTIONS,
        },
        {
          path: 'payment.method',
          label: 'Wie möchten Sie die Hundesteuer bezahlen?',
          widget: 'radio',
          options: [
            { value: 'sepa', label: 'Per Lastschrift (SEPA-Lastschriftmandat)' },
            { value: 'transfer', label: 'Per Überweisung nach Erhalt des Bescheids' },
          ],
        },
        { path: 'payment.accountHolder', label: 'Kontoinhaberin oder Kontoinhaber', widget: 'text', autocomplete: 'cc-name' },
        { path: 'payment.iban', label: 'IBAN', help: 'Sie finden die IBAN auf Ihrer Bankkarte oder im Online-Banking. Leerzeichen sind erlaubt.', widget: 'iban' },
        {
          path: 'payment.mandateConsent',
          label: 'Ich ermächtige die Gemeinde, die Hundesteuer von meinem Konto einzuziehen. Zugleich weise ich meine Bank an, die Lastschriften einzulösen.',
          help: 'Sie können innerhalb von acht Wochen ab dem Belastungsdatum die Erstattung des belasteten Betrags verlangen.',
          widget: 'checkbox',
        },
        DECLARATION_FIELD,
      ],
    },
    documents: [],
    statusTexts: {
      submitted: 'Die Anmeldung Ihres Hundes ist bei uns eingegangen.',
      accepted: 'Ihre Anmeldung ist bei der Steuerabteilung Ihrer Gemeinde angekommen.',
      in_progress: 'Wir bearbeiten Ihre Anmeldung und berechnen die Hundesteuer.',
      action_required: 'Wir haben eine Frage zu Ihrem Hund oder zur Bezahlung. Bitte lesen Sie unsere Nachricht auf der Statusseite.',
      approved: 'Ihr Hund ist angemeldet. Den Steuerbescheid und die Hundesteuermarke schicken wir Ihnen mit der Post.',
      rejected: 'Wir konnten Ihren Hund nicht anmelden. Die Gründe stehen in unserem Schreiben.',
      withdrawn: 'Ihre Anmeldung wurde zurückgezogen. Wir bearbeiten sie nicht weiter.',
    },
    translations: {
      en: { name: 'Registering a dog for dog tax', description: 'If you take in a dog or move here with your dog, register it for dog tax within two weeks.' },
      uk: { name: 'Реєстрація собаки для сплати податку на собак', description: 'Якщо ви взяли собаку або переїхали сюди з собакою, зареєструйте її протягом двох тижнів.' },
      ar: { name: 'تسجيل كلب لضريبة الكلاب', description: 'إذا اقتنيت كلباً أو انتقلت إلى هنا مع كلبك، سجّله لضريبة الكلاب خلال أسبوعين.' },
      tr: { name: 'Köpek vergisi için köpek kaydı', description: 'Bir köpek sahiplendiyseniz veya köpeğinizle buraya taşındıysanız, onu iki hafta içinde köpek vergisine kaydettirin.' },
      'de-x-ls': { name: 'Hund anmelden', description: 'Sie haben einen Hund? Dann müssen Sie ihn anmelden. Und Sie bezahlen Geld für den Hund. Das heißt Hunde-Steuer.' },
    },
    demoValues: true,
  };
}
