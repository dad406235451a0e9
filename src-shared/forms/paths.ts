// Dotted paths into form data, such as "applicant.address.postcode". Form data is plain JSON, so a
// path segment is always an object key, and these helpers do not address array items.

/** Keys that would reach Object.prototype instead of form data. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function splitPath(path: string): string[] {
  const segments = path.split('.');
  for (const segment of segments) {
    if (segment === '') throw new RangeError(`Invalid form path ${JSON.stringify(path)}: empty segment`);
    if (FORBIDDEN_SEGMENTS.has(segment)) {
      throw new RangeError(`Invalid form path ${JSON.stringify(path)}: segment ${segment} is not allowed`);
    }
  }
  return segments;
}

/** Returns the value at a dotted path, or undefined when any step on the way is missing or not an object. */
export function getAtPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of splitPath(path)) {
    if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * Returns a copy of `data` with `value` at the dotted path. Objects along the path are copied, not
 * changed. A missing step, or a step that is not an object, is replaced by a new object.
 * Setting `undefined` removes the key.
 */
export function setAtPath(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const segments = splitPath(path);
  return setSegments(data, segments, value);
}

function setSegments(data: Record<string, unknown>, segments: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = segments;
  if (head === undefined) return data;
  const copy: Record<string, unknown> = { ...data };

  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }

  const child = copy[head];
  copy[head] = setSegments(isPlainObject(child) ? child : {}, rest, value);
  return copy;
}
