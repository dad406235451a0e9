import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src-shared/index.ts';
import {
  buildWizardSteps, DOCUMENTS_STEP_ID, nextStepId, previousStepId, resolveCurrentStepId, REVIEW_STEP_ID, stepOfField,
} from '../../../src-renderer/citizen/wizard/steps.ts';
import { eventService, parkingService } from './fixtures.ts';

function formStep(steps: ReturnType<typeof buildWizardSteps>, id: string) {
  const step = steps.find((candidate) => candidate.id === id);
  if (!step || step.kind !== 'form') throw new Error(`no form step ${id}`);
  return step;
}

describe('wizard step model', () => {
  it('hides conditional fields until their condition holds', () => {
    const service = eventService();

    const without = buildWizardSteps(service, {});
    expect(formStep(without, 'alcohol').fieldPaths).toEqual(['alcohol.sale']);

    const withAlcohol = buildWizardSteps(service, { alcohol: { sale: 'yes' } });
    expect(formStep(withAlcohol, 'alcohol').fieldPaths).toEqual([
      'alcohol.sale', 'alcohol.servingFrom', 'alcohol.servingUntil', 'alcohol.responsiblePerson.givenName',
      'alcohol.responsiblePerson.familyName', 'alcohol.responsiblePerson.phone',
    ]);

    const noAlcohol = buildWizardSteps(service, { alcohol: { sale: 'no' } });
    expect(formStep(noAlcohol, 'alcohol').fieldPaths).toEqual(['alcohol.sale']);
  });

  it('shows the organisation name only for associations and companies', () => {
    const service = eventService();
    expect(formStep(buildWizardSteps(service, { organiser: { kind: 'private' } }), 'organiser').fieldPaths).not.toContain('organiser.organisationName');
    expect(formStep(buildWizardSteps(service, { organiser: { kind: 'company' } }), 'organiser').fieldPaths).toContain('organiser.organisationName');
  });

  it('ends with documents and review when the service asks for documents', () => {
    const steps = buildWizardSteps(parkingService(), {});
    expect(steps.at(-2)?.id).toBe(DOCUMENTS_STEP_ID);
    expect(steps.at(-1)?.id).toBe(REVIEW_STEP_ID);
  });

  it('ends with review only when the service asks for no documents', () => {
    const service: Service = { ...parkingService(), documents: [] };
    const steps = buildWizardSteps(service, {});
    expect(steps.some((step) => step.kind === 'documents')).toBe(false);
    expect(steps.at(-1)?.kind).toBe('review');
  });

  it('leaves out a step whose fields are all hidden', () => {
    const base = eventService();
    const service: Service = {
      ...base,
      uiHints: {
        ...base.uiHints,
        steps: [
          ...base.uiHints.steps.filter((step) => step.id !== 'alcohol'),
          { id: 'serving', title: 'Ausschank', fields: ['alcohol.servingFrom', 'alcohol.servingUntil'] },
          { id: 'sale', title: 'Verkauf', fields: ['alcohol.sale'] },
        ],
      },
    };

    expect(buildWizardSteps(service, {}).some((step) => step.id === 'serving')).toBe(false);
    expect(buildWizardSteps(service, { alcohol: { sale: 'yes' } }).some((step) => step.id === 'serving')).toBe(true);
  });

  it('puts visible fields that no step lists into the last form step', () => {
    const base = eventService();
    const service: Service = {
      ...base,
      uiHints: {
        ...base.uiHints,
        steps: base.uiHints.steps.map((step) => (step.id === 'declaration' ? { ...step, fields: [] } : step)),
      },
    };

    const steps = buildWizardSteps(service, {});
    const lastForm = steps.filter((step) => step.kind === 'form').at(-1);
    expect(lastForm?.kind).toBe('form');
    expect(lastForm?.kind === 'form' ? lastForm.fieldPaths : []).toContain('declaration');
  });

  it('moves on to the next remaining step when the current one disappears', () => {
    const base = eventService();
    const service: Service = {
      ...base,
      uiHints: {
        ...base.uiHints,
        steps: [
          ...base.uiHints.steps.filter((step) => step.id !== 'alcohol' && step.id !== 'declaration'),
          { id: 'sale', title: 'Verkauf', fields: ['alcohol.sale'] },
          { id: 'serving', title: 'Ausschank', fields: ['alcohol.servingFrom', 'alcohol.servingUntil'] },
          { id: 'declaration', title: 'Bestätigung', fields: ['declaration'] },
        ],
      },
    };

    const steps = buildWizardSteps(service, { alcohol: { sale: 'no' } });
    expect(resolveCurrentStepId(service, steps, 'serving')).toBe('declaration');
    expect(resolveCurrentStepId(service, steps, 'sale')).toBe('sale');
    expect(resolveCurrentStepId(service, steps, null)).toBe(steps[0]?.id);
    expect(resolveCurrentStepId(service, steps, 'no-such-step')).toBe(steps[0]?.id);
  });

  it('navigates forwards and backwards', () => {
    const steps = buildWizardSteps(parkingService(), {});
    const first = steps[0]?.id ?? '';
    const second = steps[1]?.id ?? '';

    expect(nextStepId(steps, first)).toBe(second);
    expect(previousStepId(steps, second)).toBe(first);
    expect(previousStepId(steps, first)).toBeNull();
    expect(nextStepId(steps, REVIEW_STEP_ID)).toBeNull();
  });

  it('finds the step of a field', () => {
    const steps = buildWizardSteps(eventService(), { alcohol: { sale: 'yes' } });
    expect(stepOfField(steps, 'alcohol.servingFrom')).toBe('alcohol');
    expect(stepOfField(steps, 'event.name')).toBe('event');
    expect(stepOfField(buildWizardSteps(eventService(), {}), 'alcohol.servingFrom')).toBeNull();
  });
});
