import { describe, expect, it } from 'vitest';
import { getAtPath, setAtPath } from '../../../src-shared/forms/paths.ts';

describe('getAtPath', () => {
  const data = { applicant: { address: { postcode: '19053' }, givenName: 'Jürgen' }, declaration: true };

  it('reads nested values', () => {
    expect(getAtPath(data, 'applicant.address.postcode')).toBe('19053');
    expect(getAtPath(data, 'declaration')).toBe(true);
  });

  it('returns undefined for missing steps', () => {
    expect(getAtPath(data, 'applicant.phone')).toBeUndefined();
    expect(getAtPath(data, 'applicant.givenName.length')).toBeUndefined();
    expect(getAtPath(null, 'applicant')).toBeUndefined();
  });

  it('does not read inherited properties', () => {
    expect(getAtPath({}, 'toString')).toBeUndefined();
    expect(() => getAtPath(data, '__proto__.polluted')).toThrow(RangeError);
  });

  it('rejects empty segments', () => {
    expect(() => getAtPath(data, 'applicant..postcode')).toThrow(RangeError);
  });
});

describe('setAtPath', () => {
  it('returns a new object and leaves the input unchanged', () => {
    const data = { applicant: { givenName: 'Käthe' }, other: { kept: 1 } };
    const result = setAtPath(data, 'applicant.familyName', 'Weiß');

    expect(result).toEqual({ applicant: { givenName: 'Käthe', familyName: 'Weiß' }, other: { kept: 1 } });
    expect(data).toEqual({ applicant: { givenName: 'Käthe' }, other: { kept: 1 } });
    expect(result.other).toBe(data.other);
  });

  it('creates missing objects and replaces non-objects on the way', () => {
    expect(setAtPath({}, 'a.b.c', 1)).toEqual({ a: { b: { c: 1 } } });
    expect(setAtPath({ a: 'text' }, 'a.b', 2)).toEqual({ a: { b: 2 } });
  });

  it('removes a key when the value is undefined', () => {
    expect(setAtPath({ a: { b: 1, c: 2 } }, 'a.b', undefined)).toEqual({ a: { c: 2 } });
  });

  it('refuses prototype keys', () => {
    expect(() => setAtPath({}, '__proto__.polluted', true)).toThrow(RangeError);
    expect(() => setAtPath({}, 'a.constructor.prototype', true)).toThrow(RangeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
