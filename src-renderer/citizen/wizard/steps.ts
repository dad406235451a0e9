// The wizard's step model: the service's UI steps with only the fields visible for the current
// answers, then the documents step (when the service asks for documents) and the review step.
import type { Service, UiField } from '../../../src-shared/index.ts';
import { visibleFieldPaths } from '../../../src-shared/forms/conditions.ts';

export const DOCUMENTS_STEP_ID = '@documents';
export const REVIEW_STEP_ID = '@review';

export type WizardStep =
  | { kind: 'form'; id: string; title: string; description?: string; fieldPaths: string[] }
  | { kind: 'documents'; id: typeof DOCUMENTS_STEP_ID }
  | { kind: 'review'; id: typeof REVIEW_STEP_ID };

/** Builds the steps for the current answers. Form steps whose fields are all hidden are left out. */
export function buildWizardSteps(service: Service, formData: Record<string, unknown>): WizardStep[] {
  const visible = visibleFieldPaths(service.formSchema, formData);
  const placed = new Set<string>();
  const steps: WizardStep[] = [];

  for (const uiStep of service.uiHints.steps) {
    const fieldPaths = uiStep.fields.filter((path) => visible.has(path) && !placed.has(path));
    fieldPaths.forEach((path) => placed.add(path));
    if (fieldPaths.length === 0) continue;

    steps.push({ kind: 'form', id: uiStep.id, title: uiStep.title, description: uiStep.description, fieldPaths });
  }

  // A visible field that no UI step lists would never be asked, and the portal would then reject
  // the application for it; it goes into the last form step instead.
  const unplaced = [...visible].filter((path) => !placed.has(path));
  if (unplaced.length > 0) {
    const lastForm = steps.findLast((step) => step.kind === 'form');
    if (lastForm && lastForm.kind === 'form') lastForm.fieldPaths.push(...unplaced);
    else steps.push({ kind: 'form', id: '@other', title: service.name, fieldPaths: unplaced });
  }

  if (service.documents.length > 0) steps.push({ kind: 'documents', id: DOCUMENTS_STEP_ID });
  steps.push({ kind: 'review', id: REVIEW_STEP_ID });
  return steps;
}

/**
 * Returns the id of the step to show for `currentId`. When that step has just disappeared because
 * an answer hid all its fields, the next remaining step in the service's order takes its place.
 */
export function resolveCurrentStepId(service: Service, steps: WizardStep[], currentId: string | null): string {
  const first = steps[0]?.id ?? REVIEW_STEP_ID;
  if (currentId === null) return first;
  if (steps.some((step) => step.id === currentId)) return currentId;

  const order = service.uiHints.steps.map((step) => step.id);
  const position = order.indexOf(currentId);
  if (position === -1) return first;

  for (const laterId of order.slice(position + 1)) {
    if (steps.some((step) => step.id === laterId)) return laterId;
  }
  return steps.find((step) => step.kind !== 'form')?.id ?? first;
}

export function nextStepId(steps: WizardStep[], currentId: string): string | null {
  const index = steps.findIndex((step) => step.id === currentId);
  return index === -1 ? null : (steps[index + 1]?.id ?? null);
}

export function previousStepId(steps: WizardStep[], currentId: string): string | null {
  const index = steps.findIndex((step) => step.id === currentId);
  return index <= 0 ? null : (steps[index - 1]?.id ?? null);
}

/** Finds the step that shows a field, or null when the field is hidden now. */
export function stepOfField(steps: WizardStep[], path: string): string | null {
  const step = steps.find((candidate) => candidate.kind === 'form' && candidate.fieldPaths.includes(path));
  return step?.id ?? null;
}

export function uiFieldMap(service: Service): Map<string, UiField> {
  return new Map(service.uiHints.fields.map((field) => [field.path, field]));
}
