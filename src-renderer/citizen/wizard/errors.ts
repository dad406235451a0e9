// Places error messages where the citizen can act on them: at a form field, at the documents step,
// or in a general list. Server FieldErrors from a 422 and the app's own checks end up in the same
// shape, so the wizard shows both the same way.
import type { FieldError } from '../../../src-shared/index.ts';
import { DOCUMENTS_STEP_ID, REVIEW_STEP_ID, type WizardStep } from './steps.ts';

export interface FormErrors {
  /** Message per field path. */
  byField: Record<string, string>;
  /** Messages about documents, shown on the documents step. */
  documents: string[];
  /** Messages that belong to no field; shown in the summary only. */
  general: string[];
  /** True for messages from the portal, which are German whatever language the citizen chose. */
  fromServer?: boolean;
}

export const NO_ERRORS: FormErrors = { byField: {}, documents: [], general: [] };

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors.byField).length > 0 || errors.documents.length > 0 || errors.general.length > 0;
}

/**
 * Turns a FieldError path into a dotted form path. The portal sends dotted paths; a JSON Pointer
 * (`/applicant/name`) or a `formData.` prefix from a body-level error is accepted as well.
 */
export function normaliseErrorPath(path: string): string {
  let dotted = path.startsWith('/') ? path.slice(1).split('/').join('.') : path;
  if (dotted.startsWith('formData.')) dotted = dotted.slice('formData.'.length);
  return dotted;
}

function isDocumentPath(path: string): boolean {
  return /^(attachments|documents)(\.|$)/.test(path);
}

/**
 * Finds the field an error path belongs to: the field itself, the field that contains a deeper
 * path (a single widget for a nested value), or the first field inside an object the error names.
 */
export function targetFieldOf(path: string, fieldPathsInOrder: string[]): string | null {
  if (fieldPathsInOrder.includes(path)) return path;

  const containing = fieldPathsInOrder
    .filter((field) => path.startsWith(`${field}.`))
    .sort((left, right) => right.length - left.length)[0];
  if (containing) return containing;

  return fieldPathsInOrder.find((field) => field.startsWith(`${path}.`)) ?? null;
}

/** Maps server FieldErrors onto the fields of the current wizard steps. */
export function mapFieldErrors(errors: FieldError[], steps: WizardStep[]): FormErrors {
  const fieldPaths = steps.flatMap((step) => (step.kind === 'form' ? step.fieldPaths : []));
  const mapped: FormErrors = { byField: {}, documents: [], general: [], fromServer: true };

  for (const error of errors) {
    const path = normaliseErrorPath(error.path);

    if (isDocumentPath(path)) {
      mapped.documents.push(error.message);
      continue;
    }

    const target = path === '' ? null : targetFieldOf(path, fieldPaths);
    if (target === null) {
      mapped.general.push(error.message);
    } else if (mapped.byField[target] === undefined) {
      mapped.byField[target] = error.message;
    } else {
      mapped.byField[target] = `${mapped.byField[target]} ${error.message}`;
    }
  }

  return mapped;
}

/**
 * Returns the first step, in wizard order, that shows one of the errors. General errors alone keep
 * the citizen on the review step, where the summary lists them.
 */
export function firstStepWithErrors(errors: FormErrors, steps: WizardStep[]): string | null {
  for (const step of steps) {
    if (step.kind === 'form' && step.fieldPaths.some((path) => errors.byField[path] !== undefined)) return step.id;
    if (step.kind === 'documents' && errors.documents.length > 0) return DOCUMENTS_STEP_ID;
  }
  return errors.general.length > 0 ? REVIEW_STEP_ID : null;
}

/** Returns the DOM id of a field's input, which the error summary links to. */
export function fieldDomId(path: string): string {
  return `field-${path.split('.').join('__').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
