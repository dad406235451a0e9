import { describe, expect, it } from 'vitest';
import {
  findFieldSchema, listUnsupportedSchemaParts, pruneHiddenValues, requiredFieldPaths, visibleFieldPaths,
} from '../../../src-shared/forms/conditions.ts';
import type { JsonSchema } from '../../../src-shared/forms/conditions.ts';

/** A small form with a yes/no condition, an enum condition and a condition inside a branch. */
const schema: JsonSchema = {
  type: 'object',
  properties: {
    applicant: {
      type: 'object',
      properties: { givenName: { type: 'string' }, familyName: { type: 'string' }, email: { type: 'string' } },
      required: ['givenName', 'familyName'],
      unevaluatedProperties: false,
    },
    alcohol: {
      type: 'object',
      properties: { sale: { type: 'string', enum: ['yes', 'no'] } },
      required: ['sale'],
      allOf: [{
        if: { properties: { sale: { const: 'yes' } }, required: ['sale'] },
        then: {
          properties: {
            servingUntil: { type: 'string' },
            responsiblePerson: {
              type: 'object',
              properties: { familyName: { type: 'string' }, phone: { type: 'string' } },
              required: ['familyName'],
              unevaluatedProperties: false,
            },
            licence: { type: 'string', enum: ['none', 'permanent'] },
          },
          required: ['servingUntil', 'responsiblePerson', 'licence'],
          allOf: [{
            if: { properties: { licence: { const: 'permanent' } }, required: ['licence'] },
            then: { properties: { licenceNumber: { type: 'string' } }, required: ['licenceNumber'] },
          }],
        },
        else: { properties: { reason: { type: 'string' } } },
      }],
      unevaluatedProperties: false,
    },
    organiser: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['private', 'association', 'company'] } },
      required: ['kind'],
      allOf: [{
        if: { properties: { kind: { enum: ['association', 'company'] } }, required: ['kind'] },
        then: { properties: { organisationName: { type: 'string' } }, required: ['organisationName'] },
      }],
      unevaluatedProperties: false,
    },
    contact: {
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
      required: ['street', 'city'],
      unevaluatedProperties: false,
    },
  },
  required: ['applicant', 'alcohol', 'organiser'],
  unevaluatedProperties: false,
};

describe('visibleFieldPaths', () => {
  it('shows the else branch while the condition field is empty', () => {
    const visible = visibleFieldPaths(schema, {});
    expect(visible.has('applicant.givenName')).toBe(true);
    expect(visible.has('alcohol.sale')).toBe(true);
    expect(visible.has('alcohol.reason')).toBe(true);
    expect(visible.has('alcohol.servingUntil')).toBe(false);
    expect(visible.has('organiser.organisationName')).toBe(false);
    expect(visible.has('applicant')).toBe(false);
  });

  it('shows conditional fields when the const matches', () => {
    const visible = visibleFieldPaths(schema, { alcohol: { sale: 'yes' } });
    expect(visible.has('alcohol.servingUntil')).toBe(true);
    expect(visible.has('alcohol.responsiblePerson.familyName')).toBe(true);
    expect(visible.has('alcohol.reason')).toBe(false);
    expect(visible.has('alcohol.licenceNumber')).toBe(false);
  });

  it('follows conditions nested in a branch', () => {
    const visible = visibleFieldPaths(schema, { alcohol: { sale: 'yes', licence: 'permanent' } });
    expect(visible.has('alcohol.licenceNumber')).toBe(true);
  });

  it('matches enum conditions', () => {
    expect(visibleFieldPaths(schema, { organiser: { kind: 'company' } }).has('organiser.organisationName')).toBe(true);
    expect(visibleFieldPaths(schema, { organiser: { kind: 'association' } }).has('organiser.organisationName')).toBe(true);
    expect(visibleFieldPaths(schema, { organiser: { kind: 'private' } }).has('organiser.organisationName')).toBe(false);
  });

  it('treats a whitespace-only condition value as empty', () => {
    expect(visibleFieldPaths(schema, { alcohol: { sale: '   ' } }).has('alcohol.servingUntil')).toBe(false);
    expect(visibleFieldPaths(schema, { alcohol: { sale: ' yes ' } }).has('alcohol.servingUntil')).toBe(true);
  });
});

describe('requiredFieldPaths', () => {
  it('lists required leaves of required objects', () => {
    const required = requiredFieldPaths(schema, {});
    expect(required.has('applicant.givenName')).toBe(true);
    expect(required.has('applicant.familyName')).toBe(true);
    expect(required.has('applicant.email')).toBe(false);
    expect(required.has('alcohol.sale')).toBe(true);
  });

  it('adds required fields of an active branch', () => {
    const required = requiredFieldPaths(schema, { alcohol: { sale: 'yes' } });
    expect(required.has('alcohol.servingUntil')).toBe(true);
    expect(required.has('alcohol.responsiblePerson.familyName')).toBe(true);
    expect(required.has('alcohol.responsiblePerson.phone')).toBe(false);
  });

  it('requires fields of an optional object only once it has a value', () => {
    expect(requiredFieldPaths(schema, {}).has('contact.street')).toBe(false);
    expect(requiredFieldPaths(schema, { contact: { city: 'Schwerin' } }).has('contact.street')).toBe(true);
  });
});

describe('pruneHiddenValues', () => {
  it('drops values of hidden conditional fields', () => {
    const data = { alcohol: { sale: 'no', servingUntil: '22:00', responsiblePerson: { familyName: 'Weiß' }, reason: 'keiner' } };
    expect(pruneHiddenValues(schema, data)).toEqual({ alcohol: { sale: 'no', reason: 'keiner' } });
  });

  it('keeps values of visible conditional fields', () => {
    const data = { alcohol: { sale: 'yes', servingUntil: '22:00' } };
    expect(pruneHiddenValues(schema, data)).toEqual(data);
  });

  it('drops fields the schema does not know and empty objects', () => {
    const data = { applicant: { givenName: 'Ümit', nickname: 'Ümi' }, unknown: 1, contact: {} };
    expect(pruneHiddenValues(schema, data)).toEqual({ applicant: { givenName: 'Ümit' } });
  });

  it('repeats until dependent conditions settle', () => {
    const data = { alcohol: { sale: 'no', licence: 'permanent', licenceNumber: 'K-17' } };
    expect(pruneHiddenValues(schema, data)).toEqual({ alcohol: { sale: 'no' } });
  });

  it('does not change its input', () => {
    const data = { alcohol: { sale: 'no', servingUntil: '22:00' } };
    pruneHiddenValues(schema, data);
    expect(data.alcohol.servingUntil).toBe('22:00');
  });
});

describe('findFieldSchema', () => {
  it('finds fields in base properties and in branches', () => {
    expect(findFieldSchema(schema, 'applicant.givenName')).toEqual({ type: 'string' });
    expect(findFieldSchema(schema, 'alcohol.responsiblePerson.phone')).toEqual({ type: 'string' });
    expect(findFieldSchema(schema, 'alcohol.licenceNumber')).toEqual({ type: 'string' });
    expect(findFieldSchema(schema, 'alcohol.nothing')).toBeUndefined();
  });
});

describe('listUnsupportedSchemaParts', () => {
  it('accepts the supported subset', () => {
    expect(listUnsupportedSchemaParts(schema)).toEqual([]);
  });

  it('reports a missing unevaluatedProperties', () => {
    const broken = { ...schema, unevaluatedProperties: undefined };
    expect(listUnsupportedSchemaParts(broken)).toContain('#: object schema without unevaluatedProperties: false');
  });

  it('reports keywords outside the subset', () => {
    const broken: JsonSchema = {
      type: 'object',
      properties: { a: { type: 'string' }, list: { type: 'array', items: { type: 'string' } } },
      oneOf: [],
      allOf: [{ if: { properties: { a: { minLength: 2 } }, required: ['a'] }, then: { properties: { a: { type: 'string' } } } }],
      unevaluatedProperties: false,
    };
    const problems = listUnsupportedSchemaParts(broken);
    expect(problems).toContain('#: unsupported keyword oneOf on an object');
    expect(problems).toContain('#/properties/list: unsupported keyword items');
    expect(problems).toContain('#/allOf/0/if/properties/a: expected only const or enum');
    expect(problems).toContain('#/allOf/0/then: field a is declared again in a branch');
  });
});
