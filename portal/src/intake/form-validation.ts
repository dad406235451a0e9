// Server-side validation of form data against the JSON Schema of a service version. The citizen
// app checks the same rules while the citizen types, but this is the check that counts. Messages are
// German and name the field by its label from the UI hints.
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import localizeDe from 'ajv-i18n/localize/de/index.js';
import type { FieldError, Service, UiField } from '../../../src-shared/index.ts';
import { berlinDate } from '../../../src-shared/dates.ts';
import { findFieldSchema, isObjectSchema, requiredFieldPaths, visibleFieldPaths } from '../../../src-shared/forms/conditions.ts';
import type { JsonSchema } from '../../../src-shared/forms/conditions.ts';
import {
  FORMAT_MESSAGES_DE, formatGermanDate, isValidArs, isValidEmail, isValidIban, isValidIsoDate, isValidPastDate, isValidPhone,
  isValidPostcode, isValidVehicleRegistration, normaliseIban, normaliseVehicleRegistration,
} from '../../../src-shared/forms/formats.ts';
import type { FormatName } from '../../../src-shared/forms/formats.ts';
import { isPlainObject } from '../../../src-shared/forms/paths.ts';

export type FormValidationResult = { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldError[] };

export interface FormValidator {
  validate(service: Service, data: unknown): FormValidationResult;
}

/**
 * Creates a validator that compiles each (service id, version) once and keeps it. A published
 * service version never changes, so the cache needs no invalidation.
 */
export function createFormValidator(): FormValidator {
  const ajv = createAjv();
  const compiled = new Map<string, ValidateFunction>();

  function compiledFor(service: Service): ValidateFunction {
    const key = `${service.id}@${service.version}`;
    let validateFunction = compiled.get(key);
    if (validateFunction === undefined) {
      validateFunction = ajv.compile(service.formSchema);
      compiled.set(key, validateFunction);
    }
    return validateFunction;
  }

  return {
    validate(service, data) {
      if (!isPlainObject(data)) {
        return { ok: false, errors: [{ path: '', message: 'Die Formularangaben fehlen. Bitte füllen Sie das Formular aus.' }] };
      }

      const schema = service.formSchema as JsonSchema;
      const normalised = normaliseFormats(schema, normaliseValues(data));
      const validateFunction = compiledFor(service);
      if (validateFunction(normalised)) return { ok: true, data: normalised };

      const errors = validateFunction.errors ?? [];
      localizeDe(errors);
      return { ok: false, errors: toFieldErrors(errors, service, normalised) };
    },
  };
}

// NOTE: only fields with the format `past-date` are compared with today (dates of birth). An event
// date in the past still passes, because a schema cannot name the current day otherwise.
function createAjv(): Ajv2020 {
  // $data lets a form compare two of its own fields, e.g. an event's end date with its start date.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, $data: true });
  addFormats(ajv);

  // The shared functions replace the ajv-formats versions of date and email, so that the browser
  // and the portal accept exactly the same values. Date keeps a compare function for formatMinimum.
  ajv.addFormat('date', { type: 'string', validate: isValidIsoDate, compare: compareIsoDates });
  ajv.addFormat('past-date', { type: 'string', validate: (input: string) => isValidPastDate(input, berlinDate(new Date())), compare: compareIsoDates });
  ajv.addFormat('email', { type: 'string', validate: isValidEmail });
  ajv.addFormat('de-postcode', { type: 'string', validate: isValidPostcode });
  ajv.addFormat('iban', { type: 'string', validate: isValidIban });
  ajv.addFormat('de-phone', { type: 'string', validate: isValidPhone });
  ajv.addFormat('de-vehicle-registration', { type: 'string', validate: isValidVehicleRegistration });
  ajv.addFormat('ars', { type: 'string', validate: isValidArs });
  return ajv;
}

function compareIsoDates(left: string, right: string): number | undefined {
  if (!isValidIsoDate(left) || !isValidIsoDate(right)) return undefined;
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Normalisation before validation

/**
 * Trims strings and puts them in Unicode NFC, and drops blank strings and the objects that become
 * empty, so that `required` fails for a field holding only spaces.
 */
function normaliseValues(data: Record<string, unknown>): Record<string, unknown> {
  return normaliseObject(data) ?? {};
}

function normaliseObject(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const normalised = normaliseValue(value);
    if (normalised === undefined) continue;
    // defineProperty keeps a key such as "__proto__" as data, so the schema rejects it instead of it
    // changing the prototype of the result.
    Object.defineProperty(result, key, { value: normalised, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function normaliseValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.normalize('NFC').trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (Array.isArray(value)) return value.map(normaliseValue).filter((item) => item !== undefined);
  if (isPlainObject(value)) return normaliseObject(value);
  return value;
}

/** Writes IBANs and plates in their canonical form, so that a clerk sees one spelling. */
function normaliseFormats(schema: JsonSchema, data: Record<string, unknown>): Record<string, unknown> {
  return mapLeaves(data, '', (path, value) => {
    if (typeof value !== 'string') return value;
    const format = findFieldSchema(schema, path)?.format;
    if (format === 'iban') return normaliseIban(value);
    if (format === 'de-vehicle-registration') return normaliseVehicleRegistration(value);
    return value;
  });
}

function mapLeaves(data: Record<string, unknown>, prefix: string, map: (path: string, value: unknown) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const mapped = isPlainObject(value) ? mapLeaves(value, path, map) : map(path, value);
    Object.defineProperty(result, key, { value: mapped, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// German messages

interface FieldContext {
  path: string;
  label: string;
  field: UiField | undefined;
}

/** Turns ajv errors into one German message per field, in the order ajv reports them. */
function toFieldErrors(errors: ErrorObject[], service: Service, data: Record<string, unknown>): FieldError[] {
  const schema = service.formSchema as JsonSchema;
  const fields = new Map(service.uiHints.fields.map((field) => [field.path, field]));
  const context = (path: string): FieldContext => {
    const field = fields.get(path);
    // Inside „…“ the closing full stop of a sentence-like label (checkboxes) would double up.
    return { path, label: (field?.label ?? path).replace(/\.$/, ''), field };
  };

  let visiblePaths: Set<string> | undefined;
  const visible = (): Set<string> => (visiblePaths ??= visibleFieldPaths(schema, data));

  const result: FieldError[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    result.push({ path, message });
  };

  for (const error of errors) {
    // `if` reports that a `then` or `else` failed, and the failing field has its own error already.
    if (error.keyword === 'if' || error.keyword === 'allOf') continue;
    const path = pointerToPath(error.instancePath);

    if (error.keyword === 'required') {
      const missing = joinPath(path, String(error.params.missingProperty));
      const missingSchema = findFieldSchema(schema, missing);
      if (missingSchema !== undefined && isObjectSchema(missingSchema)) {
        // A whole missing group (e.g. the applicant) is reported field by field. The group is
        // required by its parent, so requiredFieldPaths lists its fields even though it is absent.
        for (const leaf of requiredFieldPaths(schema, data)) {
          if (leaf.startsWith(`${missing}.`)) add(leaf, requiredMessage(context(leaf)));
        }
        continue;
      }
      add(missing, requiredMessage(context(missing)));
      continue;
    }

    if (error.keyword === 'unevaluatedProperties' || error.keyword === 'additionalProperties') {
      const extra = joinPath(path, String(error.params.unevaluatedProperty ?? error.params.additionalProperty));
      // A `then` that fails for one field drops the annotations of all its fields, so ajv also calls
      // the valid siblings unevaluated. Fields whose condition is met are allowed, and the failing
      // field has its own error.
      if (isVisible(visible(), extra)) continue;
      add(extra, `Das Feld „${context(extra).label}“ gehört nicht zu diesem Formular. Bitte entfernen Sie die Angabe.`);
      continue;
    }

    add(path, messageFor(error, context(path)));
  }

  return sortByFormOrder(result, service);
}

/** True when the field, or a field inside it when it is a group, is visible. */
function isVisible(visible: Set<string>, path: string): boolean {
  if (visible.has(path)) return true;
  for (const candidate of visible) if (candidate.startsWith(`${path}.`)) return true;
  return false;
}

/** Orders errors as the fields appear in the steps, so that the first error is the first field to fix. */
function sortByFormOrder(errors: FieldError[], service: Service): FieldError[] {
  const order = new Map(service.uiHints.steps.flatMap((step) => step.fields).map((path, index) => [path, index]));
  const position = (error: FieldError): number => order.get(error.path) ?? Number.MAX_SAFE_INTEGER;
  return [...errors].sort((left, right) => position(left) - position(right));
}

function requiredMessage({ label, field }: FieldContext): string {
  switch (field?.widget) {
    case 'checkbox':
      return `Bitte setzen Sie das Häkchen bei „${label}“.`;
    case 'select':
    case 'radio':
      return `Bitte wählen Sie bei „${label}“ eine Möglichkeit aus.`;
    case 'place':
      return `Bitte wählen Sie „${label}“ aus der Liste aus.`;
    default:
      return `Bitte füllen Sie das Feld „${label}“ aus.`;
  }
}

function messageFor(error: ErrorObject, context: FieldContext): string {
  const { label, field } = context;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'format': {
      const format = String(params.format);
      const known = format in FORMAT_MESSAGES_DE ? FORMAT_MESSAGES_DE[format as FormatName] : 'Die Angabe hat nicht das erwartete Format.';
      return `${label}: ${known}`;
    }
    case 'type':
      return `${label}: ${typeMessage(String(params.type))}`;
    case 'const':
    case 'enum':
      if (field?.widget === 'checkbox') return requiredMessage(context);
      return `Bitte wählen Sie bei „${label}“ eine der angebotenen Möglichkeiten aus.`;
    case 'minLength':
      return `„${label}“ muss mindestens ${String(params.limit)} Zeichen lang sein.`;
    case 'maxLength':
      return `„${label}“ darf höchstens ${String(params.limit)} Zeichen lang sein.`;
    case 'minimum':
      return `„${label}“ muss mindestens ${formatNumber(params.limit)} sein.`;
    case 'maximum':
      return `„${label}“ darf höchstens ${formatNumber(params.limit)} sein.`;
    case 'pattern':
      return `„${label}“ hat nicht das erwartete Format.${field?.help ? ` ${field.help}` : ''}`;
    case 'formatMinimum':
    case 'formatExclusiveMinimum':
      return `„${label}“ darf nicht vor dem ${formatLimit(params.limit)} liegen.`;
    case 'formatMaximum':
    case 'formatExclusiveMaximum':
      return `„${label}“ darf nicht nach dem ${formatLimit(params.limit)} liegen.`;
    default:
      return `„${label}“ ${error.message ?? 'ist ungültig'}.`;
  }
}

function typeMessage(type: string): string {
  switch (type) {
    case 'integer':
      return 'Bitte geben Sie eine ganze Zahl an.';
    case 'number':
      return 'Bitte geben Sie eine Zahl an.';
    case 'boolean':
      return 'Bitte wählen Sie Ja oder Nein.';
    case 'string':
      return 'Bitte geben Sie einen Text an.';
    default:
      return 'Die Angabe hat nicht die erwartete Form.';
  }
}

function formatNumber(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString('de-DE') : String(value);
}

function formatLimit(value: unknown): string {
  return typeof value === 'string' && isValidIsoDate(value) ? formatGermanDate(value) : String(value);
}

/** Converts an ajv instance path ("/applicant/givenName") into a dotted form path. */
function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function joinPath(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}
