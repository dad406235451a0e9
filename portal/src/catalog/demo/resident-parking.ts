// Bewohnerparkausweis: a permit to park in the resident parking zone of one's own address. A
// district-level service, so the Landkreis' road traffic authority decides for its towns and the
// city of Schwerin for its own addresses.
//
// Demo values: the LeiKa id, the fee and the processing deadline.
// Version 2 adds the vehicle class, because the permit is issued per class of vehicle.
import type { JsonSchema } from '../../../../src-shared/forms/conditions.ts';
import type { Service, UiField } from '../../../../src-shared/index.ts';
import {
  applicantFieldPaths, applicantFields, applicantSchema, DECLARATION_FIELD, DECLARATION_SCHEMA, objectSchema,
  placeAddressFields, placeAddressProperties, text,
} from './form-parts.ts';

export const RESIDENT_PARKING_ID = 'urn:de:fim:leika:leistung:99000000000001';

function vehicleSchema(version: 1 | 2): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    registration: { type: 'string', format: 'de-vehicle-registration' },
  };
  if (version === 2) properties.vehicleClass = { type: 'string', enum: ['car', 'motorcycle'] };
  properties.holder = { type: 'string', enum: ['self', 'company'] };

  const required = version === 2 ? ['registration', 'vehicleClass', 'holder'] : ['registration', 'holder'];
  return objectSchema(properties, required, [
    {
      if: { properties: { holder: { const: 'company' } }, required: ['holder'] },
      then: { properties: { companyName: text(200) }, required: ['companyName'] },
    },
  ]);
}

function formSchema(version: 1 | 2): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...objectSchema(
      {
        applicant: applicantSchema({ withDateOfBirth: false }),
        address: objectSchema(
          {
            ...placeAddressProperties(),
            residenceType: { type: 'string', enum: ['main', 'secondary'] },
            zone: text(20),
          },
          ['street', 'houseNumber', 'postcode', 'placeArs', 'residenceType'],
        ),
        vehicle: vehicleSchema(version),
        declaration: DECLARATION_SCHEMA,
      },
      ['applicant', 'address', 'vehicle', 'declaration'],
    ),
  };
}

function fields(version: 1 | 2): UiField[] {
  const vehicleClass: UiField[] = version === 2
    ? [{
      path: 'vehicle.vehicleClass',
      label: 'Fahrzeugart',
      widget: 'radio',
      options: [{ value: 'car', label: 'Pkw' }, { value: 'motorcycle', label: 'Motorrad' }],
    }]
    : [];

  return [
    ...applicantFields({ withDateOfBirth: false }),
    ...placeAddressFields('address', 'Der Ort, in dem Sie wohnen. Er entscheidet, welche Behörde Ihren Antrag bearbeitet.'),
    {
      path: 'address.residenceType',
      label: 'Wohnsitz unter dieser Anschrift',
      help: 'So, wie Sie bei der Meldebehörde gemeldet sind.',
      widget: 'radio',
      options: [{ value: 'main', label: 'Hauptwohnsitz' }, { value: 'secondary', label: 'Nebenwohnsitz' }],
    },
    {
      path: 'address.zone',
      label: 'Bewohnerparkzone',
      help: 'Die Zone steht auf dem Schild am Straßenrand, zum Beispiel „Zone A“.',
      widget: 'text',
    },
    {
      path: 'vehicle.registration',
      label: 'Kennzeichen',
      help: 'So, wie es auf dem Nummernschild steht, zum Beispiel SN-AB 123.',
      widget: 'vehicle_registration',
    },
    ...vehicleClass,
    {
      path: 'vehicle.holder',
      label: 'Auf wen ist das Fahrzeug zugelassen?',
      widget: 'radio',
      options: [
        { value: 'self', label: 'Auf mich' },
        { value: 'company', label: 'Auf meinen Arbeitgeber (Firmenwagen, den ich auch privat nutze)' },
      ],
    },
    {
      path: 'vehicle.companyName',
      label: 'Name des Arbeitgebers',
      help: 'Bitte laden Sie auch die Bestätigung Ihres Arbeitgebers hoch, dass Sie den Wagen privat nutzen dürfen.',
      widget: 'text',
      autocomplete: 'organization',
    },
    DECLARATION_FIELD,
  ];
}

function steps(version: 1 | 2): Service['uiHints']['steps'] {
  return [
    {
      id: 'applicant',
      title: 'Angaben zu Ihrer Person',
      description: 'Den Bewohnerparkausweis bekommt die Person, die in der Parkzone wohnt.',
      fields: applicantFieldPaths({ withDateOfBirth: false }),
    },
    {
      id: 'address',
      title: 'Ihre Anschrift in der Parkzone',
      fields: ['address.street', 'address.houseNumber', 'address.postcode', 'address.placeArs', 'address.residenceType', 'address.zone'],
    },
    {
      id: 'vehicle',
      title: 'Ihr Fahrzeug',
      description: 'Ein Bewohnerparkausweis gilt für genau ein Fahrzeug.',
      fields: [
        'vehicle.registration',
        ...(version === 2 ? ['vehicle.vehicleClass'] : []),
        'vehicle.holder',
        'vehicle.companyName',
      ],
    },
    { id: 'declaration', title: 'Bestätigung', fields: ['declaration'] },
  ];
}

export function residentParkingService(version: 1 | 2): Service {
  return {
    id: RESIDENT_PARKING_ID,
    version,
    name: 'Bewohnerparkausweis',
    description: 'Mit dem Bewohnerparkausweis dürfen Sie in der Bewohnerparkzone parken, in der Sie wohnen.',
    level: 'district',
    feeCents: 3070,
    feeNote: 'Die Gebühr gilt für ein Jahr. Sie bezahlen sie, wenn Sie den Bescheid erhalten.',
    deadlineDays: 14,
    routingField: 'address.placeArs',
    formSchema: formSchema(version),
    uiHints: { steps: steps(version), fields: fields(version) },
    documents: [
      {
        id: 'vehicle-registration-certificate',
        label: 'Fahrzeugschein (Zulassungsbescheinigung Teil I)',
        help: 'Ein Foto oder Scan der Vorderseite genügt. Name und Anschrift müssen lesbar sein.',
        required: true,
        acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
        maxBytes: 10 * 1024 * 1024,
      },
      {
        id: 'employer-confirmation',
        label: 'Bestätigung des Arbeitgebers (nur bei Firmenwagen)',
        help: 'Eine formlose Bestätigung, dass Sie den Firmenwagen auch privat nutzen dürfen.',
        required: false,
        acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
        maxBytes: 10 * 1024 * 1024,
      },
    ],
    statusTexts: {
      submitted: 'Ihr Antrag auf einen Bewohnerparkausweis ist bei uns eingegangen.',
      accepted: 'Ihr Antrag ist bei der zuständigen Straßenverkehrsbehörde angekommen.',
      in_progress: 'Wir prüfen, ob Ihre Anschrift in einer Bewohnerparkzone liegt und ob das Fahrzeug auf Sie oder Ihren Arbeitgeber zugelassen ist.',
      action_required: 'Wir brauchen noch etwas von Ihnen. Bitte lesen Sie unsere Nachricht auf der Statusseite und antworten Sie dort.',
      approved: 'Ihr Bewohnerparkausweis ist bewilligt. Sie bekommen ihn mit der Post. Legen Sie ihn gut lesbar hinter die Windschutzscheibe.',
      rejected: 'Wir können Ihnen leider keinen Bewohnerparkausweis ausstellen. Die Gründe stehen im Bescheid.',
      withdrawn: 'Ihr Antrag wurde zurückgezogen. Wir bearbeiten ihn nicht weiter.',
    },
    translations: {
      en: { name: 'Resident parking permit', description: 'The resident parking permit lets you park in the resident parking zone where you live.' },
      uk: { name: 'Дозвіл на паркування для мешканців', description: 'Цей дозвіл дає змогу паркуватися в зоні паркування для мешканців, де ви живете.' },
      ar: { name: 'تصريح وقوف السيارات للسكان', description: 'يسمح لك هذا التصريح بركن سيارتك في منطقة وقوف السكان التي تسكن فيها.' },
      tr: { name: 'Sakin park izni', description: 'Bu izinle oturduğunuz bölgedeki sakinlere ayrılmış park alanına park edebilirsiniz.' },
      'de-x-ls': { name: 'Park-Ausweis für Anwohner', description: 'Mit diesem Ausweis dürfen Sie in Ihrer Straße parken. Dort, wo Sie wohnen.' },
    },
    demoValues: true,
  };
}
