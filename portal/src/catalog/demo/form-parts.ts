// Building blocks that several demo forms share: the applicant, a home address with its place, the
// declaration, yes/no choices and the German status texts every service starts from.
import type { JsonSchema } from '../../../../src-shared/forms/conditions.ts';
import type { UiField } from '../../../../src-shared/index.ts';

export const YES_NO_OPTIONS = [
  { value: 'yes', label: 'Ja' },
  { value: 'no', label: 'Nein' },
];

/** A yes/no question stored as "yes" or "no", so that radio buttons need no type conversion. */
export const YES_NO_SCHEMA: JsonSchema = { type: 'string', enum: ['yes', 'no'] };

/** Local time as HH:MM, 24-hour clock. */
export const TIME_OF_DAY_SCHEMA: JsonSchema = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' };

/** "12", "12a", "12 a", "12-14" or "3/1". */
const HOUSE_NUMBER_PATTERN = '^[1-9]\\d{0,3} ?[a-zA-Z]?( ?[-/] ?[1-9]\\d{0,3} ?[a-zA-Z]?)?$';
const HOUSE_NUMBER_HELP = 'Zum Beispiel 12, 12a oder 12-14.';

export function objectSchema(properties: Record<string, JsonSchema>, required: string[], allOf?: JsonSchema[]): JsonSchema {
  return {
    type: 'object',
    properties,
    required,
    ...(allOf ? { allOf } : {}),
    unevaluatedProperties: false,
  };
}

export function text(maxLength: number): JsonSchema {
  return { type: 'string', maxLength };
}

// ---------------------------------------------------------------------------------------------
// Applicant

export function applicantSchema(options: { withDateOfBirth: boolean }): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    givenName: text(100),
    familyName: text(100),
  };
  if (options.withDateOfBirth) properties.dateOfBirth = { type: 'string', format: 'past-date' };
  properties.email = { type: 'string', format: 'email', maxLength: 254 };
  properties.phone = { type: 'string', format: 'de-phone', maxLength: 30 };

  const required = options.withDateOfBirth ? ['givenName', 'familyName', 'dateOfBirth'] : ['givenName', 'familyName'];
  return objectSchema(properties, required);
}

export function applicantFields(options: { withDateOfBirth: boolean }): UiField[] {
  const fields: UiField[] = [
    { path: 'applicant.givenName', label: 'Vorname', help: 'Alle Vornamen, wie sie im Ausweis stehen.', widget: 'text', autocomplete: 'given-name' },
    { path: 'applicant.familyName', label: 'Familienname', widget: 'text', autocomplete: 'family-name' },
  ];
  if (options.withDateOfBirth) {
    fields.push({ path: 'applicant.dateOfBirth', label: 'Geburtsdatum', help: 'Zum Beispiel 24.12.1980.', widget: 'date', autocomplete: 'bday' });
  }
  fields.push(
    {
      path: 'applicant.email',
      label: 'E-Mail-Adresse',
      help: 'Dann schreiben wir Ihnen, wenn sich an Ihrem Antrag etwas ändert.',
      widget: 'email',
      autocomplete: 'email',
    },
    { path: 'applicant.phone', label: 'Telefonnummer', help: 'Für kurze Rückfragen.', widget: 'phone', autocomplete: 'tel' },
  );
  return fields;
}

export function applicantFieldPaths(options: { withDateOfBirth: boolean }): string[] {
  return applicantFields(options).map((field) => field.path);
}

// ---------------------------------------------------------------------------------------------
// Address with a place from the catalog

/** Street, house number, postcode and the place (its ARS) of an address in the demo region. */
export function placeAddressProperties(): Record<string, JsonSchema> {
  return {
    street: text(100),
    houseNumber: { type: 'string', maxLength: 12, pattern: HOUSE_NUMBER_PATTERN },
    postcode: { type: 'string', format: 'de-postcode' },
    placeArs: { type: 'string', format: 'ars' },
  };
}

export function placeAddressFields(prefix: string, placeHelp: string): UiField[] {
  return [
    { path: `${prefix}.street`, label: 'Straße', widget: 'text', autocomplete: 'address-line1' },
    { path: `${prefix}.houseNumber`, label: 'Hausnummer', help: HOUSE_NUMBER_HELP, widget: 'text' },
    { path: `${prefix}.postcode`, label: 'Postleitzahl', widget: 'postcode', autocomplete: 'postal-code' },
    { path: `${prefix}.placeArs`, label: 'Stadt oder Gemeinde', help: placeHelp, widget: 'place' },
  ];
}

/** Postal address anywhere in Germany, with the town as free text. */
export function postalAddressSchema(): JsonSchema {
  return objectSchema(
    {
      street: text(100),
      houseNumber: { type: 'string', maxLength: 12, pattern: HOUSE_NUMBER_PATTERN },
      postcode: { type: 'string', format: 'de-postcode' },
      city: text(100),
    },
    ['street', 'houseNumber', 'postcode', 'city'],
  );
}

export function postalAddressFields(prefix: string): UiField[] {
  return [
    { path: `${prefix}.street`, label: 'Straße', widget: 'text', autocomplete: 'address-line1' },
    { path: `${prefix}.houseNumber`, label: 'Hausnummer', help: HOUSE_NUMBER_HELP, widget: 'text' },
    { path: `${prefix}.postcode`, label: 'Postleitzahl', widget: 'postcode', autocomplete: 'postal-code' },
    { path: `${prefix}.city`, label: 'Ort', widget: 'text', autocomplete: 'address-level2' },
  ];
}

// ---------------------------------------------------------------------------------------------
// Declaration

export const DECLARATION_SCHEMA: JsonSchema = { type: 'boolean', const: true };

export const DECLARATION_FIELD: UiField = {
  path: 'declaration',
  label: 'Ich versichere, dass meine Angaben vollständig und richtig sind.',
  help: 'Falsche Angaben können dazu führen, dass die Behörde ihre Entscheidung zurücknimmt.',
  widget: 'checkbox',
};
