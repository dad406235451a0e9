import { describe, expect, it } from 'vitest';
import { createCitizenStore } from '../../../src-renderer/citizen/store.ts';
import { buildSubmitRequest } from '../../../src-renderer/citizen/wizard/submission.ts';
import { eventService } from './fixtures.ts';

const FILE = {
  localId: 'file-1', documentId: 'site-plan', fileName: 'plan.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0=', size: 5,
};

describe('citizen store', () => {
  it('reset clears the draft, the outcome and the settings', () => {
    const store = createCitizenStore();
    const state = store.getState();
    state.setLocale('ar');
    state.setTextScale(150);
    state.setHighContrast(true);
    state.startService('urn:de:fim:leika:leistung:99000000000002', 1);
    state.setTextInput('applicant.givenName', 'Kim', 'Kim');
    state.addAttachment(FILE);
    state.setPrivacyConfirmed(true);
    state.ensureIdempotencyKey();
    state.finishSubmission({ kind: 'queued', localReference: 'KIOSK-1', queuedAt: '2026-07-01T08:15:00Z' });

    store.getState().reset();

    const after = store.getState();
    expect(after.locale).toBe('de');
    expect(after.textScale).toBe(100);
    expect(after.highContrast).toBe(false);
    expect(after.screen).toBe('picker');
    expect(after.serviceId).toBeNull();
    expect(after.formData).toEqual({});
    expect(after.rawInputs).toEqual({});
    expect(after.attachments).toEqual([]);
    expect(after.privacyConfirmed).toBe(false);
    expect(after.idempotencyKey).toBeNull();
    expect(after.outcome).toBeNull();
  });

  it('keeps the idempotency key for a retry of the same draft', () => {
    const store = createCitizenStore();
    const first = store.getState().ensureIdempotencyKey();
    const retry = store.getState().ensureIdempotencyKey();

    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
  });

  it('starts a new idempotency key after the answers change', () => {
    const store = createCitizenStore();
    const first = store.getState().ensureIdempotencyKey();

    store.getState().setValue('alcohol.sale', 'no');
    const afterEdit = store.getState().ensureIdempotencyKey();
    expect(afterEdit).not.toBe(first);

    store.getState().addAttachment(FILE);
    expect(store.getState().ensureIdempotencyKey()).not.toBe(afterEdit);
  });

  it('stores nested values by dotted path and removes them with undefined', () => {
    const store = createCitizenStore();
    store.getState().setTextInput('event.startDate', '24.03.2026', '2026-03-24');
    expect(store.getState().formData).toEqual({ event: { startDate: '2026-03-24' } });

    store.getState().setTextInput('event.startDate', '31.02.2026', undefined);
    expect(store.getState().formData).toEqual({ event: {} });
    expect(store.getState().rawInputs['event.startDate']).toBe('31.02.2026');
  });
});

describe('submit request', () => {
  it('drops the values of fields hidden by a later answer', () => {
    const formData = {
      alcohol: { sale: 'no', servingFrom: '18:00', responsiblePerson: { givenName: 'Ina', familyName: 'Beispiel', phone: '0385 1234567' } },
      event: { name: 'Sommerfest' },
    };

    const request = buildSubmitRequest(eventService(), 'online', { formData, attachments: [FILE], locale: 'uk' });

    expect(request.formData).toEqual({ alcohol: { sale: 'no' }, event: { name: 'Sommerfest' } });
    expect(request.channel).toBe('online');
    expect(request.serviceVersion).toBe(eventService().version);
    expect(request.locale).toBe('uk');
    expect(request.attachments).toEqual([{ documentId: 'site-plan', fileName: 'plan.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0=' }]);
  });
});
