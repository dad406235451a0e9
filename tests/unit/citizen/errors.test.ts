import { describe, expect, it } from 'vitest';
import {
  fieldDomId, firstStepWithErrors, hasErrors, mapFieldErrors, NO_ERRORS, normaliseErrorPath, targetFieldOf,
} from '../../../src-renderer/citizen/wizard/errors.ts';
import { buildWizardSteps, DOCUMENTS_STEP_ID, REVIEW_STEP_ID } from '../../../src-renderer/citizen/wizard/steps.ts';
import { eventService, parkingService } from './fixtures.ts';

describe('server field errors', () => {
  const steps = buildWizardSteps(eventService(), { alcohol: { sale: 'yes' } });

  it('attaches an error to the field with the same dotted path', () => {
    const mapped = mapFieldErrors([{ path: 'event.name', message: 'Bitte geben Sie den Namen der Veranstaltung an.' }], steps);
    expect(mapped.byField).toEqual({ 'event.name': 'Bitte geben Sie den Namen der Veranstaltung an.' });
    expect(mapped.general).toEqual([]);
    expect(mapped.fromServer).toBe(true);
  });

  it('accepts JSON Pointers and a formData prefix', () => {
    expect(normaliseErrorPath('/alcohol/servingFrom')).toBe('alcohol.servingFrom');
    expect(normaliseErrorPath('formData.event.startDate')).toBe('event.startDate');

    const mapped = mapFieldErrors([{ path: '/alcohol/servingFrom', message: 'Uhrzeit fehlt.' }], steps);
    expect(mapped.byField['alcohol.servingFrom']).toBe('Uhrzeit fehlt.');
  });

  it('attaches an error on an object to its first field', () => {
    const mapped = mapFieldErrors([{ path: 'alcohol.responsiblePerson', message: 'Angaben zur verantwortlichen Person fehlen.' }], steps);
    expect(mapped.byField['alcohol.responsiblePerson.givenName']).toBe('Angaben zur verantwortlichen Person fehlen.');
  });

  it('attaches an error below a field to that field', () => {
    expect(targetFieldOf('event.startDate.day', ['event.name', 'event.startDate'])).toBe('event.startDate');
  });

  it('joins two messages for the same field', () => {
    const mapped = mapFieldErrors([
      { path: 'event.name', message: 'Erste Meldung.' },
      { path: 'event.name', message: 'Zweite Meldung.' },
    ], steps);
    expect(mapped.byField['event.name']).toBe('Erste Meldung. Zweite Meldung.');
  });

  it('collects attachment errors for the documents step', () => {
    const parkingSteps = buildWizardSteps(parkingService(), {});
    const mapped = mapFieldErrors([
      { path: 'attachments.0', message: 'Die Datei ist kein PDF, JPEG oder PNG.' },
      { path: 'attachments', message: 'Der Fahrzeugschein fehlt.' },
    ], parkingSteps);

    expect(mapped.documents).toEqual(['Die Datei ist kein PDF, JPEG oder PNG.', 'Der Fahrzeugschein fehlt.']);
    expect(firstStepWithErrors(mapped, parkingSteps)).toBe(DOCUMENTS_STEP_ID);
  });

  it('keeps errors on unknown or hidden paths as general messages', () => {
    const withoutAlcohol = buildWizardSteps(eventService(), {});
    const mapped = mapFieldErrors([
      { path: 'unknownField', message: 'Dieses Feld gehört nicht zu diesem Formular.' },
      { path: 'alcohol.servingFrom', message: 'Dieses Feld gehört nicht zu diesem Formular.' },
      { path: '', message: 'Der Antrag ist unvollständig.' },
    ], withoutAlcohol);

    expect(mapped.byField).toEqual({});
    expect(mapped.general).toHaveLength(3);
    expect(firstStepWithErrors(mapped, withoutAlcohol)).toBe(REVIEW_STEP_ID);
  });

  it('opens the earliest step that has an error', () => {
    const mapped = mapFieldErrors([
      { path: 'alcohol.servingFrom', message: 'Uhrzeit fehlt.' },
      { path: 'event.startDate', message: 'Datum fehlt.' },
    ], steps);
    expect(firstStepWithErrors(mapped, steps)).toBe('event');
  });

  it('reports no step and no errors for an empty list', () => {
    const mapped = mapFieldErrors([], steps);
    expect(hasErrors(mapped)).toBe(false);
    expect(hasErrors(NO_ERRORS)).toBe(false);
    expect(firstStepWithErrors(mapped, steps)).toBeNull();
  });
});

describe('field DOM ids', () => {
  it('are valid ids and distinct for paths that differ only in separators', () => {
    expect(fieldDomId('applicant.givenName')).toBe('field-applicant__givenName');
    expect(fieldDomId('a.b')).not.toBe(fieldDomId('a-b'));
    expect(fieldDomId('weird path/ä')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
