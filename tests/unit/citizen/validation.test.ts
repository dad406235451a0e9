import { describe, expect, it } from 'vitest';
import { effectiveWidget, parseTextInput } from '../../../src-renderer/citizen/wizard/field-input.ts';
import { validateFields } from '../../../src-renderer/citizen/wizard/validation.ts';
import { dogTaxService, eventService } from './fixtures.ts';

describe('widget input', () => {
  it('rejects a future date where the field needs a past one', () => {
    const pastDate = { type: 'string', format: 'past-date' };
    expect(parseTextInput('date', pastDate, '01.01.2999')).toEqual({ ok: false, issue: { key: 'errors.date.future' } });
    expect(parseTextInput('date', pastDate, '24.12.1980')).toEqual({ ok: true, value: '1980-12-24' });
    expect(parseTextInput('date', undefined, '01.01.2999')).toEqual({ ok: true, value: '2999-01-01' });
    expect(effectiveWidget('text', pastDate)).toBe('date');
  });

  it('stores a German date as ISO without a time-zone shift', () => {
    expect(parseTextInput('date', undefined, '24.03.2026')).toEqual({ ok: true, value: '2026-03-24' });
    expect(parseTextInput('date', undefined, ' 01.01.2000 ')).toEqual({ ok: true, value: '2000-01-01' });
  });

  it('rejects 31 February instead of rolling it over', () => {
    expect(parseTextInput('date', undefined, '31.02.2026')).toEqual({ ok: false, issue: { key: 'errors.date.invalid' } });
    expect(parseTextInput('date', undefined, '2026-03-24')).toEqual({ ok: false, issue: { key: 'errors.date.format' } });
  });

  it('accepts an IBAN with spaces and lower case and stores it normalised', () => {
    expect(parseTextInput('iban', undefined, 'de89 3704 0044 0532 0130 00')).toEqual({ ok: true, value: 'DE89370400440532013000' });
  });

  it('rejects an IBAN with a wrong checksum', () => {
    expect(parseTextInput('iban', undefined, 'DE89 3704 0044 0532 0130 01')).toEqual({ ok: false, issue: { key: 'errors.iban' } });
  });

  it('keeps a postcode as a five-digit string', () => {
    expect(parseTextInput('postcode', undefined, '01067')).toEqual({ ok: true, value: '01067' });
    expect(parseTextInput('postcode', undefined, '1906')).toEqual({ ok: false, issue: { key: 'errors.postcode' } });
    expect(parseTextInput('postcode', undefined, '19O53')).toEqual({ ok: false, issue: { key: 'errors.postcode' } });
  });

  it('normalises a vehicle registration number', () => {
    expect(parseTextInput('vehicle_registration', undefined, 'sn ab 123')).toEqual({ ok: true, value: 'SN-AB 123' });
    expect(parseTextInput('vehicle_registration', undefined, 'SNAB0')).toEqual({ ok: false, issue: { key: 'errors.vehicleRegistration' } });
  });

  it('checks e-mail and phone', () => {
    expect(parseTextInput('email', undefined, 'kim.beispiel@example.org')).toEqual({ ok: true, value: 'kim.beispiel@example.org' });
    expect(parseTextInput('email', undefined, 'kim.beispiel@')).toEqual({ ok: false, issue: { key: 'errors.email' } });
    expect(parseTextInput('phone', undefined, '0385 1234567')).toEqual({ ok: true, value: '0385 1234567' });
    expect(parseTextInput('phone', undefined, 'call me')).toEqual({ ok: false, issue: { key: 'errors.phone' } });
  });

  it('parses decimal comma and integers', () => {
    expect(parseTextInput('number', { type: 'number' }, '1,5')).toEqual({ ok: true, value: 1.5 });
    expect(parseTextInput('number', { type: 'integer' }, '1,5')).toEqual({ ok: false, issue: { key: 'errors.integer' } });
    expect(parseTextInput('number', { type: 'integer' }, 'viele')).toEqual({ ok: false, issue: { key: 'errors.number' } });
  });
});

describe('step validation', () => {
  it('treats whitespace-only input in a required field as missing', () => {
    const service = eventService();
    const issues = validateFields(service, ['applicant.givenName', 'applicant.familyName'], {
      formData: {},
      rawInputs: { 'applicant.givenName': '   ', 'applicant.familyName': '\t' },
    });

    expect(issues.get('applicant.givenName')).toEqual({ key: 'errors.required' });
    expect(issues.get('applicant.familyName')).toEqual({ key: 'errors.required' });
  });

  it('accepts an optional field left empty', () => {
    const issues = validateFields(eventService(), ['event.description'], { formData: {}, rawInputs: { 'event.description': ' ' } });
    expect(issues.size).toBe(0);
  });

  it('asks for a choice on a required radio field', () => {
    const issues = validateFields(eventService(), ['alcohol.sale'], { formData: {}, rawInputs: {} });
    expect(issues.get('alcohol.sale')).toEqual({ key: 'errors.requiredChoice' });
  });

  it('requires the conditional fields once their condition holds', () => {
    const service = eventService();
    const paths = ['alcohol.sale', 'alcohol.servingFrom', 'alcohol.responsiblePerson.phone'];

    const issues = validateFields(service, paths, { formData: { alcohol: { sale: 'yes' } }, rawInputs: {} });
    expect(issues.has('alcohol.sale')).toBe(false);
    expect(issues.get('alcohol.servingFrom')).toEqual({ key: 'errors.required' });
    expect(issues.get('alcohol.responsiblePerson.phone')).toEqual({ key: 'errors.required' });
  });

  it('requires the declaration checkbox to be ticked', () => {
    const service = eventService();
    expect(validateFields(service, ['declaration'], { formData: {}, rawInputs: {} }).get('declaration')).toEqual({ key: 'errors.requiredConfirm' });
    expect(validateFields(service, ['declaration'], { formData: { declaration: false }, rawInputs: {} }).get('declaration')).toEqual({ key: 'errors.requiredConfirm' });
    expect(validateFields(service, ['declaration'], { formData: { declaration: true }, rawInputs: {} }).size).toBe(0);
  });

  it('reports an invalid date typed into a required date field', () => {
    const issues = validateFields(eventService(), ['event.startDate'], { formData: {}, rawInputs: { 'event.startDate': '31.02.2026' } });
    expect(issues.get('event.startDate')).toEqual({ key: 'errors.date.invalid' });
  });

  it('rejects an end date before the start date', () => {
    const formData = { event: { startDate: '2026-07-10', endDate: '2026-07-09' } };
    const rawInputs = { 'event.startDate': '10.07.2026', 'event.endDate': '09.07.2026' };

    const issues = validateFields(eventService(), ['event.startDate', 'event.endDate'], { formData, rawInputs });
    expect(issues.has('event.startDate')).toBe(false);
    expect(issues.get('event.endDate')).toEqual({ key: 'errors.dateMin', params: { date: '10.07.2026' } });
  });

  it('applies the schema limits of a number field', () => {
    const service = eventService();
    const tooMany = validateFields(service, ['event.expectedAttendance'], { formData: {}, rawInputs: { 'event.expectedAttendance': '100001' } });
    expect(tooMany.get('event.expectedAttendance')).toEqual({ key: 'errors.numberMax', params: { max: 100000 } });

    const none = validateFields(service, ['event.expectedAttendance'], { formData: {}, rawInputs: { 'event.expectedAttendance': '0' } });
    expect(none.get('event.expectedAttendance')).toEqual({ key: 'errors.numberMin', params: { min: 1 } });
  });

  it('applies maxLength to text', () => {
    const issues = validateFields(eventService(), ['event.name'], { formData: {}, rawInputs: { 'event.name': 'x'.repeat(201) } });
    expect(issues.get('event.name')).toEqual({ key: 'errors.tooLong', params: { max: 200 } });
  });

  it('checks the IBAN of the SEPA mandate', () => {
    const service = dogTaxService();
    const formData = { payment: { method: 'sepa' } };

    const bad = validateFields(service, ['payment.iban'], { formData, rawInputs: { 'payment.iban': 'DE00 1234' } });
    expect(bad.get('payment.iban')).toEqual({ key: 'errors.iban' });

    const good = validateFields(service, ['payment.iban'], { formData, rawInputs: { 'payment.iban': 'de89 3704 0044 0532 0130 00' } });
    expect(good.size).toBe(0);
  });
});
