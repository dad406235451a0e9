import { describe, expect, it } from 'vitest';
import { getAtPath } from '../../../src-shared/forms/paths.ts';
import { DEMO_PLACES, DEMO_SERVICES } from '../../../portal/src/catalog/demo-data.ts';
import { createSyntheticSubmissions } from '../../../portal/src/demo/synthetic.ts';
import { createFormValidator } from '../../../portal/src/intake/form-validation.ts';

const generate = (count: number, seed?: number) =>
  [...createSyntheticSubmissions({ count, ...(seed === undefined ? {} : { seed }), services: DEMO_SERVICES, places: DEMO_PLACES })];

describe('createSyntheticSubmissions', () => {
  it('is deterministic for a seed', () => {
    expect(generate(50, 42)).toEqual(generate(50, 42));
    expect(generate(5)).toEqual(generate(5, 1));
    expect(generate(50, 43)).not.toEqual(generate(50, 42));
  });

  it('yields the requested number of online submissions without attachments', () => {
    const submissions = generate(25, 3);
    expect(submissions).toHaveLength(25);
    for (const submission of submissions) {
      expect(submission.channel).toBe('online');
      expect(submission.attachments).toEqual([]);
    }
  });

  it('takes every service and version in turn', () => {
    const keys = generate(DEMO_SERVICES.length * 2, 5).map((submission) => `${submission.serviceId}@${submission.serviceVersion}`);
    const expected = DEMO_SERVICES.map((service) => `${service.id}@${service.version}`);
    expect(keys).toEqual([...expected, ...expected]);
  });

  it('produces form data the validator accepts', () => {
    const validator = createFormValidator();
    for (const submission of generate(1000, 11)) {
      const service = DEMO_SERVICES.find((candidate) => candidate.id === submission.serviceId && candidate.version === submission.serviceVersion)!;
      const result = validator.validate(service, submission.formData);
      expect(result.ok ? [] : result.errors, `${service.name} ${JSON.stringify(submission.formData)}`).toEqual([]);
    }
  });

  it('routes to demo places with a matching postcode', () => {
    for (const submission of generate(200, 8)) {
      const service = DEMO_SERVICES.find((candidate) => candidate.id === submission.serviceId)!;
      const placeArs = getAtPath(submission.formData, service.routingField);
      const place = DEMO_PLACES.find((candidate) => candidate.ars === placeArs);
      expect(place, String(placeArs)).toBeDefined();
      const postcodePath = service.routingField.replace(/placeArs$/, 'postcode');
      expect(place?.postcodes).toContain(getAtPath(submission.formData, postcodePath));
    }
  });

  it('uses German names with umlauts and ß', () => {
    const names = generate(300, 2).map((submission) => `${String(getAtPath(submission.formData, 'applicant.givenName'))} ${String(getAtPath(submission.formData, 'applicant.familyName'))}`);
    expect(names.some((name) => /[äöü]/i.test(name))).toBe(true);
    expect(names.some((name) => name.includes('ß'))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(100);
  });

  it('fills both branches of a condition over many submissions', () => {
    const event = DEMO_SERVICES.find((service) => service.name === 'Anzeige einer Veranstaltung')!;
    const sales = [...createSyntheticSubmissions({ count: 60, seed: 9, services: [event], places: DEMO_PLACES })]
      .map((submission) => getAtPath(submission.formData, 'alcohol.sale'));
    expect(new Set(sales)).toEqual(new Set(['yes', 'no']));
  });

  it('rejects empty service or place lists', () => {
    expect(() => [...createSyntheticSubmissions({ count: 1, services: [], places: DEMO_PLACES })]).toThrow(RangeError);
    expect(() => [...createSyntheticSubmissions({ count: 1, services: DEMO_SERVICES, places: [] })]).toThrow(RangeError);
  });
});
