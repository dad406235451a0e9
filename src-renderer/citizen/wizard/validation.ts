// Checks the fields of one wizard step before the citizen may go on: required fields (blank or
// whitespace-only input counts as missing), formats and the schema's own limits.
import { formatDateDe, type Service, type UiField } from '../../../src-shared/index.ts';
import { findFieldSchema, isBlank, requiredFieldPaths, type JsonSchema } from '../../../src-shared/forms/conditions.ts';
import { getAtPath } from '../../../src-shared/forms/paths.ts';
import { effectiveWidget, parseTextInput, TEXT_WIDGETS, type FieldIssue } from './field-input.ts';

export interface FieldAnswers {
  /** Typed values as they will be submitted. */
  formData: Record<string, unknown>;
  /** Text exactly as typed, per path of a text widget. */
  rawInputs: Record<string, string>;
}

/** Returns the issue per field path, in the order of `fieldPaths`; an empty map means the step is valid. */
export function validateFields(service: Service, fieldPaths: string[], answers: FieldAnswers): Map<string, FieldIssue> {
  const required = requiredFieldPaths(service.formSchema, answers.formData);
  const uiFields = new Map(service.uiHints.fields.map((field) => [field.path, field]));
  const issues = new Map<string, FieldIssue>();

  for (const path of fieldPaths) {
    const fieldSchema = findFieldSchema(service.formSchema, path);
    const issue = validateField(uiFields.get(path), fieldSchema, path, required.has(path), answers);
    if (issue) issues.set(path, issue);
  }

  return issues;
}

function validateField(
  uiField: UiField | undefined,
  fieldSchema: JsonSchema | undefined,
  path: string,
  required: boolean,
  answers: FieldAnswers,
): FieldIssue | null {
  const widget = effectiveWidget(uiField?.widget ?? 'text', fieldSchema);

  if (TEXT_WIDGETS.has(widget)) {
    const raw = answers.rawInputs[path] ?? textOfValue(getAtPath(answers.formData, path));
    if (isBlank(raw)) return required ? { key: 'errors.required' } : null;

    const parsed = parseTextInput(widget, fieldSchema, raw);
    if (!parsed.ok) return parsed.issue;
    return checkSchemaLimits(fieldSchema, parsed.value, path, answers.formData);
  }

  const value = getAtPath(answers.formData, path);

  if (widget === 'checkbox') {
    // A consent checkbox carries `const: true`: only a tick satisfies it.
    if (fieldSchema?.const === true && value !== true) return { key: 'errors.requiredConfirm' };
    return null;
  }

  if (isBlank(value)) return required ? { key: 'errors.requiredChoice' } : null;
  return checkSchemaLimits(fieldSchema, value, path, answers.formData);
}

function displayDate(isoDate: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? formatDateDe(isoDate) : isoDate;
}

function textOfValue(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Resolves a date limit: a literal date, or ajv's `{ $data: "1/<field>" }`, a relative JSON
 * Pointer to a sibling field (the end date of an event must not be before its start date).
 */
function resolveDateLimit(limit: unknown, path: string, formData: Record<string, unknown>): string | undefined {
  if (typeof limit === 'string') return limit;
  if (limit === null || typeof limit !== 'object') return undefined;

  const pointer = (limit as { $data?: unknown }).$data;
  const sibling = typeof pointer === 'string' ? /^1\/([^/]+)$/.exec(pointer)?.[1] : undefined;
  if (sibling === undefined) return undefined;

  const parentPath = path.split('.').slice(0, -1);
  const value = getAtPath(formData, [...parentPath, sibling].join('.'));
  return typeof value === 'string' ? value : undefined;
}

/** Checks the keywords of the supported schema subset that limit a value beyond its format. */
function checkSchemaLimits(fieldSchema: JsonSchema | undefined, value: unknown, path: string, formData: Record<string, unknown>): FieldIssue | null {
  if (!fieldSchema) return null;

  if (Array.isArray(fieldSchema.enum) && !fieldSchema.enum.includes(value)) return { key: 'errors.invalidChoice' };

  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof fieldSchema.minLength === 'number' && length < fieldSchema.minLength) {
      return { key: 'errors.tooShort', params: { min: fieldSchema.minLength } };
    }
    if (typeof fieldSchema.maxLength === 'number' && length > fieldSchema.maxLength) {
      return { key: 'errors.tooLong', params: { max: fieldSchema.maxLength } };
    }
    if (typeof fieldSchema.pattern === 'string' && !new RegExp(fieldSchema.pattern, 'u').test(value)) {
      return { key: 'errors.pattern' };
    }
    const minimum = resolveDateLimit(fieldSchema.formatMinimum, path, formData);
    if (minimum !== undefined && value < minimum) return { key: 'errors.dateMin', params: { date: displayDate(minimum) } };

    const maximum = resolveDateLimit(fieldSchema.formatMaximum, path, formData);
    if (maximum !== undefined && value > maximum) return { key: 'errors.dateMax', params: { date: displayDate(maximum) } };
  }

  if (typeof value === 'number') {
    if (typeof fieldSchema.minimum === 'number' && value < fieldSchema.minimum) {
      return { key: 'errors.numberMin', params: { min: fieldSchema.minimum } };
    }
    if (typeof fieldSchema.maximum === 'number' && value > fieldSchema.maximum) {
      return { key: 'errors.numberMax', params: { max: fieldSchema.maximum } };
    }
  }

  return null;
}
