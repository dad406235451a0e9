// Turns what a citizen typed into the value the form stores, per widget, with the issue to show
// when the input is not valid. Formats come from the shared form code so that the browser and the
// portal accept exactly the same values.
import type { UiWidget } from '../../../src-shared/index.ts';
import type { JsonSchema } from '../../../src-shared/forms/conditions.ts';
import {
  isValidEmail,
  isValidIban,
  isValidPhone,
  isValidPostcode,
  isValidVehicleRegistration,
  normaliseIban,
  normaliseVehicleRegistration,
  parseGermanDate,
} from '../../../src-shared/forms/formats.ts';
import { berlinDate } from '../../../src-shared/dates.ts';
import type { MessageKey, MessageParams } from '../i18n/messages.ts';

export interface FieldIssue {
  key: MessageKey;
  params?: MessageParams;
}

export type ParsedInput = { ok: true; value: unknown } | { ok: false; issue: FieldIssue };

/** Widgets the citizen types into; the others offer fixed choices. */
export const TEXT_WIDGETS: ReadonlySet<UiWidget> = new Set([
  'text', 'textarea', 'date', 'postcode', 'iban', 'email', 'phone', 'vehicle_registration', 'number',
]);

/** Input kind for a `format` keyword, so a plain text widget still checks a formatted field. */
const WIDGET_FOR_FORMAT: Record<string, UiWidget> = {
  date: 'date',
  'past-date': 'date',
  email: 'email',
  iban: 'iban',
  'de-postcode': 'postcode',
  'de-phone': 'phone',
  'de-vehicle-registration': 'vehicle_registration',
};

export function effectiveWidget(widget: UiWidget, fieldSchema: JsonSchema | undefined): UiWidget {
  if (widget !== 'text' || typeof fieldSchema?.format !== 'string') return widget;
  return WIDGET_FOR_FORMAT[fieldSchema.format] ?? widget;
}

/**
 * Parses non-blank text input for a widget. The value is what the form stores: ISO date,
 * normalised IBAN and registration number, number for numeric fields, trimmed text otherwise.
 */
export function parseTextInput(widget: UiWidget, fieldSchema: JsonSchema | undefined, raw: string): ParsedInput {
  const input = widget === 'textarea' ? raw.trim() : raw.trim().replace(/\s+/g, ' ');

  switch (widget) {
    case 'date': {
      const parsed = parseGermanDate(input);
      if (parsed.ok && fieldSchema?.format === 'past-date' && parsed.iso > berlinDate(new Date())) {
        return { ok: false, issue: { key: 'errors.date.future' } };
      }
      if (parsed.ok) return { ok: true, value: parsed.iso };
      return { ok: false, issue: { key: parsed.reason === 'invalid_date' ? 'errors.date.invalid' : 'errors.date.format' } };
    }
    case 'postcode':
      return isValidPostcode(input) ? { ok: true, value: input } : { ok: false, issue: { key: 'errors.postcode' } };
    case 'iban': {
      const iban = normaliseIban(input);
      return isValidIban(iban) ? { ok: true, value: iban } : { ok: false, issue: { key: 'errors.iban' } };
    }
    case 'email':
      return isValidEmail(input) ? { ok: true, value: input } : { ok: false, issue: { key: 'errors.email' } };
    case 'phone':
      return isValidPhone(input) ? { ok: true, value: input } : { ok: false, issue: { key: 'errors.phone' } };
    case 'vehicle_registration': {
      const registration = normaliseVehicleRegistration(input);
      return isValidVehicleRegistration(registration)
        ? { ok: true, value: registration }
        : { ok: false, issue: { key: 'errors.vehicleRegistration' } };
    }
    case 'number':
      return parseNumber(input, fieldSchema?.type === 'integer');
    default:
      return { ok: true, value: input };
  }
}

/** Accepts a German decimal comma as well as a point; no thousands separators. */
function parseNumber(input: string, integer: boolean): ParsedInput {
  const normalised = input.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return { ok: false, issue: { key: 'errors.number' } };

  const value = Number(normalised);
  if (integer && !Number.isInteger(value)) return { ok: false, issue: { key: 'errors.integer' } };
  return { ok: true, value };
}

/** Turns an option value from the UI hints (always a string) into the type the schema expects. */
export function coerceChoiceValue(fieldSchema: JsonSchema | undefined, optionValue: string): unknown {
  if (fieldSchema?.type === 'boolean') return optionValue === 'true';
  if (fieldSchema?.type === 'integer' || fieldSchema?.type === 'number') return Number(optionValue);
  return optionValue;
}

/** Turns the text shown for a stored value back into an input string, e.g. when a step is revisited. */
export function textForStoredValue(widget: UiWidget, value: unknown, formatDate: (iso: string) => string): string {
  if (value === undefined || value === null) return '';
  if (widget === 'date' && typeof value === 'string') return formatDate(value);
  if (widget === 'number' && typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}
