// Anzeige einer Veranstaltung: organisers tell the Ordnungsamt of the town or Amt about a public
// event. Routing follows the venue, not the organiser's home.
//
// Demo values: the LeiKa id, the fee and the processing deadline.
import type { Service } from '../../../../src-shared/index.ts';
import {
  applicantFieldPaths, applicantFields, applicantSchema, DECLARATION_FIELD, DECLARATION_SCHEMA, objectSchema,
  placeAddressFields, placeAddressProperties, postalAddressFields, postalAddressSchema, text, TIME_OF_DAY_SCHEMA,
  YES_NO_OPTIONS, YES_NO_SCHEMA,
} from './form-parts.ts';

export const EVENT_NOTIFICATION_ID = 'urn:de:fim:leika:leistung:99000000000002';

const TIME_HELP = 'Als Uhrzeit mit Stunden und Minuten, zum Beispiel 18:30.';

const formSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...objectSchema(
    {
      applicant: applicantSchema({ withDateOfBirth: false }),
      organiser: objectSchema(
        { kind: { type: 'string', enum: ['private', 'association', 'company'] } },
        ['kind'],
        [{
          if: { properties: { kind: { enum: ['association', 'company'] } }, required: ['kind'] },
          then: { properties: { organisationName: text(200) }, required: ['organisationName'] },
        }],
      ),
      contactAddress: postalAddressSchema(),
      event: objectSchema(
        {
          name: text(200),
          kind: { type: 'string', enum: ['street_party', 'concert', 'sports', 'market', 'other'] },
          description: text(2000),
          startDate: { type: 'string', format: 'date' },
          // The last day may equal the first day, never come before it.
          endDate: { type: 'string', format: 'date', formatMinimum: { $data: '1/startDate' } },
          dailyStart: TIME_OF_DAY_SCHEMA,
          dailyEnd: TIME_OF_DAY_SCHEMA,
          expectedAttendance: { type: 'integer', minimum: 1, maximum: 100000 },
        },
        ['name', 'kind', 'startDate', 'endDate', 'dailyStart', 'dailyEnd', 'expectedAttendance'],
      ),
      venue: objectSchema(
        {
          name: text(200),
          ...placeAddressProperties(),
          setting: { type: 'string', enum: ['outdoor', 'indoor'] },
        },
        ['street', 'postcode', 'placeArs', 'setting'],
      ),
      alcohol: objectSchema(
        { sale: YES_NO_SCHEMA },
        ['sale'],
        [{
          if: { properties: { sale: { const: 'yes' } }, required: ['sale'] },
          then: {
            properties: {
              servingFrom: TIME_OF_DAY_SCHEMA,
              servingUntil: TIME_OF_DAY_SCHEMA,
              responsiblePerson: objectSchema(
                {
                  givenName: text(100),
                  familyName: text(100),
                  phone: { type: 'string', format: 'de-phone', maxLength: 30 },
                },
                ['givenName', 'familyName', 'phone'],
              ),
            },
            required: ['servingFrom', 'servingUntil', 'responsiblePerson'],
          },
        }],
      ),
      declaration: DECLARATION_SCHEMA,
    },
    ['applicant', 'organiser', 'contactAddress', 'event', 'venue', 'alcohol', 'declaration'],
  ),
};

const venuePlaceHelp = 'Die Stadt oder Gemeinde, in der die Veranstaltung stattfindet. Sie entscheidet, welches Ordnungsamt zuständig ist.';

export function eventNotificationService(): Service {
  return {
    id: EVENT_NOTIFICATION_ID,
    version: 1,
    name: 'Anzeige einer Veranstaltung',
    description: 'Sie planen ein Fest, ein Konzert, einen Markt oder ein Sportereignis? Melden Sie es dem Ordnungsamt rechtzeitig vorher an.',
    level: 'municipal',
    feeCents: 0,
    feeNote: 'Die Anzeige ist kostenlos. Nutzen Sie dafür eine Straße oder einen Platz, kann eine Gebühr für die Sondernutzung hinzukommen.',
    deadlineDays: 21,
    routingField: 'venue.placeArs',
    formSchema,
    uiHints: {
      steps: [
        {
          id: 'organiser',
          title: 'Wer veranstaltet?',
          description: 'Die Person, die wir bei Fragen zur Veranstaltung erreichen.',
          fields: [...applicantFieldPaths({ withDateOfBirth: false }), 'organiser.kind', 'organiser.organisationName'],
        },
        {
          id: 'contact-address',
          title: 'Ihre Anschrift',
          fields: ['contactAddress.street', 'contactAddress.houseNumber', 'contactAddress.postcode', 'contactAddress.city'],
        },
        {
          id: 'event',
          title: 'Die Veranstaltung',
          fields: [
            'event.name', 'event.kind', 'event.description', 'event.startDate', 'event.endDate', 'event.dailyStart',
            'event.dailyEnd', 'event.expectedAttendance',
          ],
        },
        {
          id: 'venue',
          title: 'Veranstaltungsort',
          fields: ['venue.name', 'venue.street', 'venue.houseNumber', 'venue.postcode', 'venue.placeArs', 'venue.setting'],
        },
        {
          id: 'alcohol',
          title: 'Ausschank von Alkohol',
          description: 'Wer bei einer Veranstaltung Alkohol verkauft, braucht eine verantwortliche Person vor Ort.',
          fields: [
            'alcohol.sale', 'alcohol.servingFrom', 'alcohol.servingUntil', 'alcohol.responsiblePerson.givenName',
            'alcohol.responsiblePerson.familyName', 'alcohol.responsiblePerson.phone',
          ],
        },
        { id: 'declaration', title: 'Bestätigung', fields: ['declaration'] },
      ],
      fields: [
        ...applicantFields({ withDateOfBirth: false }),
        {
          path: 'organiser.kind',
          label: 'Sie veranstalten als',
          widget: 'radio',
          options: [
            { value: 'private', label: 'Privatperson' },
            { value: 'association', label: 'Verein oder Initiative' },
            { value: 'company', label: 'Firma' },
          ],
        },
        { path: 'organiser.organisationName', label: 'Name des Vereins oder der Firma', widget: 'text', autocomplete: 'organization' },
        ...postalAddressFields('contactAddress'),
        { path: 'event.name', label: 'Name der Veranstaltung', help: 'Zum Beispiel „Sommerfest Kleingartenanlage Am See“.', widget: 'text' },
        {
          path: 'event.kind',
          label: 'Art der Veranstaltung',
          widget: 'select',
          options: [
            { value: 'street_party', label: 'Straßen- oder Stadtteilfest' },
            { value: 'concert', label: 'Konzert oder Musikveranstaltung' },
            { value: 'sports', label: 'Sportveranstaltung' },
            { value: 'market', label: 'Markt oder Flohmarkt' },
            { value: 'other', label: 'Andere Veranstaltung' },
          ],
        },
        { path: 'event.description', label: 'Was ist geplant?', help: 'Zum Beispiel Bühne, Zelte, Musik oder Stände.', widget: 'textarea' },
        { path: 'event.startDate', label: 'Erster Veranstaltungstag', widget: 'date' },
        { path: 'event.endDate', label: 'Letzter Veranstaltungstag', help: 'Bei einer eintägigen Veranstaltung derselbe Tag wie der erste.', widget: 'date' },
        { path: 'event.dailyStart', label: 'Beginn (Uhrzeit)', help: TIME_HELP, widget: 'text' },
        { path: 'event.dailyEnd', label: 'Ende (Uhrzeit)', help: TIME_HELP, widget: 'text' },
        {
          path: 'event.expectedAttendance',
          label: 'Erwartete Zahl der Gäste',
          help: 'Die größte Zahl von Menschen, die gleichzeitig da sein werden. Eine Schätzung genügt.',
          widget: 'number',
        },
        { path: 'venue.name', label: 'Name des Ortes', help: 'Zum Beispiel „Marktplatz“ oder „Festwiese“.', widget: 'text' },
        ...placeAddressFields('venue', venuePlaceHelp).map((field) =>
          field.path === 'venue.houseNumber' ? { ...field, help: 'Nur, falls der Ort eine Hausnummer hat.' } : field,
        ),
        {
          path: 'venue.setting',
          label: 'Findet die Veranstaltung draußen oder drinnen statt?',
          widget: 'radio',
          options: [{ value: 'outdoor', label: 'Im Freien' }, { value: 'indoor', label: 'In einem Gebäude' }],
        },
        { path: 'alcohol.sale', label: 'Wird Alkohol verkauft oder ausgeschenkt?', widget: 'radio', options: YES_NO_OPTIONS },
        { path: 'alcohol.servingFrom', label: 'Ausschank ab (Uhrzeit)', help: TIME_HELP, widget: 'text' },
        { path: 'alcohol.servingUntil', label: 'Ausschank bis (Uhrzeit)', help: TIME_HELP, widget: 'text' },
        { path: 'alcohol.responsiblePerson.givenName', label: 'Vorname der verantwortlichen Person', widget: 'text' },
        { path: 'alcohol.responsiblePerson.familyName', label: 'Familienname der verantwortlichen Person', widget: 'text' },
        {
          path: 'alcohol.responsiblePerson.phone',
          label: 'Telefonnummer der verantwortlichen Person',
          help: 'Unter dieser Nummer muss die Person während der Veranstaltung erreichbar sein.',
          widget: 'phone',
        },
        DECLARATION_FIELD,
      ],
    },
    documents: [
      {
        id: 'site-plan',
        label: 'Lageplan',
        help: 'Eine Skizze mit Bühne, Ständen, Rettungswegen und Toiletten hilft uns bei der Prüfung.',
        required: false,
        acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
        maxBytes: 10 * 1024 * 1024,
      },
    ],
    statusTexts: {
      submitted: 'Ihre Anzeige der Veranstaltung ist bei uns eingegangen.',
      accepted: 'Ihre Anzeige ist beim zuständigen Ordnungsamt angekommen.',
      in_progress: 'Wir prüfen Ihre Veranstaltung und stimmen uns bei Bedarf mit Polizei, Feuerwehr und Straßenverkehrsbehörde ab.',
      action_required: 'Wir haben eine Frage zu Ihrer Veranstaltung. Bitte lesen Sie unsere Nachricht auf der Statusseite und antworten Sie dort.',
      approved: 'Wir haben Ihre Anzeige geprüft. Es gibt keine Einwände. Beachten Sie bitte die Auflagen in unserem Schreiben.',
      rejected: 'Die Veranstaltung kann so nicht stattfinden. Die Gründe stehen in unserem Bescheid.',
      withdrawn: 'Ihre Anzeige wurde zurückgezogen. Wir bearbeiten sie nicht weiter.',
    },
    translations: {
      en: { name: 'Notification of an event', description: 'Planning a festival, concert, market or sports event? Notify the public order office in good time.' },
      uk: { name: 'Повідомлення про захід', description: 'Плануєте свято, концерт, ярмарок чи спортивний захід? Завчасно повідомте про це відомство громадського порядку.' },
      ar: { name: 'الإبلاغ عن فعالية', description: 'هل تخطط لمهرجان أو حفلة موسيقية أو سوق أو فعالية رياضية؟ أبلغ مكتب النظام العام في وقت مبكر.' },
      tr: { name: 'Etkinlik bildirimi', description: 'Bir şenlik, konser, pazar veya spor etkinliği mi planlıyorsunuz? Zabıta dairesine zamanında bildirin.' },
      'de-x-ls': { name: 'Ein Fest anmelden', description: 'Sie wollen ein Fest machen? Oder ein Konzert? Dann sagen Sie es vorher dem Ordnungs-Amt.' },
    },
    demoValues: true,
  };
}
