import { describe, expect, it } from 'vitest';
import { labelFormData, leafPaths } from '../../../src-renderer/clerk/logic/form-fields.ts';
import { parkingPermit, registrationCertificate } from '../../support/submissions.ts';

const formData = {
  applicant: { givenName: 'Jürgen', familyName: 'Mühlenbeck', dateOfBirth: '1980-12-24' },
  consent: true,
  legacyField: 'aus Version 1',
};

describe('labelFormData', () => {
  it('labels fields from the UI hints of the service version', () => {
    const sections = labelFormData(formData, parkingPermit());
    const fields = sections.flatMap((section) => section.fields);
    expect(fields.find((field) => field.path === 'applicant.familyName')).toMatchObject({ label: 'Familienname', value: 'Mühlenbeck' });
  });

  it('formats dates German and booleans as Ja/Nein', () => {
    const fields = labelFormData(formData, registrationCertificate()).flatMap((section) => section.fields);
    expect(fields.find((field) => field.path === 'applicant.dateOfBirth')).toMatchObject({ label: 'Geburtsdatum', value: '24.12.1980' });
    expect(fields.find((field) => field.path === 'consent')?.value).toBe('Ja');
  });

  it('keeps fields the hints do not know under their path', () => {
    const sections = labelFormData(formData, parkingPermit());
    const rest = sections.at(-1)!;
    expect(rest.title).toBe('Weitere Angaben');
    expect(rest.fields).toContainEqual({ path: 'legacyField', label: 'legacyField', value: 'aus Version 1' });
    // The parking permit form has no date of birth; the date still reads German.
    expect(rest.fields).toContainEqual({ path: 'applicant.dateOfBirth', label: 'applicant.dateOfBirth', value: '24.12.1980' });
  });

  it('falls back to paths for every field without a service', () => {
    const [section] = labelFormData(formData, null);
    expect(section!.title).toBe('Angaben (ohne Formularbeschriftung)');
    expect(section!.fields.map((field) => field.label)).toEqual(['applicant.givenName', 'applicant.familyName', 'applicant.dateOfBirth', 'consent', 'legacyField']);
  });

  it('shows option labels instead of stored values', () => {
    const service = parkingPermit();
    const withOptions = service.uiHints.fields.find((field) => field.options && field.options.length > 0);
    expect(withOptions).toBeDefined();
    const option = withOptions!.options![0]!;
    const data: Record<string, unknown> = {};
    const segments = withOptions!.path.split('.');
    let cursor = data;
    for (const segment of segments.slice(0, -1)) cursor = (cursor[segment] = {}) as Record<string, unknown>;
    cursor[segments.at(-1)!] = option.value;
    const fields = labelFormData(data, service).flatMap((section) => section.fields);
    expect(fields.find((field) => field.path === withOptions!.path)?.value).toBe(option.label);
  });
});

describe('leafPaths', () => {
  it('lists nested leaves depth first', () => {
    expect(leafPaths({ a: { b: 1, c: { d: 'x' } }, e: [1, 2] })).toEqual(['a.b', 'a.c.d', 'e']);
  });
});
