// Conditional form fields over the JSON Schema 2020-12 subset that every service form uses:
// object schemas with `properties` and `required`, nested objects, and
// `allOf: [{ if, then, else }]` where `if` is `{ properties: { f: { const } | { enum } }, required: [f] }`
// and `then`/`else` add `properties` and `required` to the same object. Every object schema carries
// `unevaluatedProperties: false`, so ajv on the portal rejects exactly the values that
// `pruneHiddenValues` drops here. The browser cannot run ajv under the kiosk's CSP, hence this code.
import { isPlainObject } from './paths.ts';

export type JsonSchema = Record<string, unknown>;

/** Keywords a field schema may use; anything else would be checked by ajv but not by the browser. */
const FIELD_KEYWORDS = new Set([
  'type', 'title', 'description', 'default', 'examples', 'const', 'enum', 'format', 'pattern',
  'minLength', 'maxLength', 'minimum', 'maximum', 'formatMinimum', 'formatMaximum',
]);
const OBJECT_KEYWORDS = new Set(['type', 'title', 'description', 'properties', 'required', 'allOf', 'unevaluatedProperties', '$schema', '$id']);
const BRANCH_KEYWORDS = new Set(['properties', 'required', 'allOf']);

interface ObjectShape {
  properties: Map<string, JsonSchema>;
  required: Set<string>;
}

/** True for values the form treats as not filled in: absent, or a string of only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === 'object' || isPlainObject(schema.properties);
}

/** Dotted leaf paths the schema allows for the current data, after hidden values are dropped. */
export function visibleFieldPaths(schema: JsonSchema, data: Record<string, unknown>): Set<string> {
  const visible = new Set<string>();
  collectFields(schema, pruneHiddenValues(schema, data), '', true, visible, new Set());
  return visible;
}

/**
 * Dotted leaf paths that must be filled in for the current data. Fields inside an optional nested
 * object count only once that object contains a value, as in JSON Schema.
 */
export function requiredFieldPaths(schema: JsonSchema, data: Record<string, unknown>): Set<string> {
  const required = new Set<string>();
  collectFields(schema, pruneHiddenValues(schema, data), '', true, new Set(), required);
  return required;
}

/**
 * Returns a copy of `data` without the values of fields that are hidden for this data or unknown to
 * the schema, and without nested objects left empty. Dropping a value can switch another condition,
 * so it repeats until nothing changes.
 */
export function pruneHiddenValues(schema: JsonSchema, data: Record<string, unknown>): Record<string, unknown> {
  let current = data;
  for (;;) {
    const pruned = pruneObject(schema, current);
    if (JSON.stringify(pruned) === JSON.stringify(current)) return pruned;
    current = pruned;
  }
}

/**
 * Finds the schema of the field at a dotted path in any branch, whether or not its condition is met
 * now. Returns undefined for a path the form does not have.
 */
export function findFieldSchema(schema: JsonSchema, path: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const segment of path.split('.')) {
    if (current === undefined) return undefined;
    current = allBranchProperties(current).get(segment);
  }
  return current;
}

/**
 * Lists the places where a form schema leaves the supported subset, as English messages with the
 * schema location. An empty list means the browser and the portal agree on the form.
 */
export function listUnsupportedSchemaParts(schema: JsonSchema): string[] {
  const problems: string[] = [];
  checkObjectSchema(schema, '#', problems);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Walking the schema together with the data

function collectFields(
  schema: JsonSchema,
  data: unknown,
  prefix: string,
  objectActive: boolean,
  visible: Set<string>,
  required: Set<string>,
): void {
  const values = isPlainObject(data) ? data : {};
  const shape = activeShape(schema, values);

  for (const [name, fieldSchema] of shape.properties) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    const isRequired = objectActive && shape.required.has(name);

    if (isObjectSchema(fieldSchema)) {
      const child = values[name];
      const childActive = isRequired || (isPlainObject(child) && Object.keys(child).length > 0);
      collectFields(fieldSchema, child, path, childActive, visible, required);
      continue;
    }

    visible.add(path);
    if (isRequired) required.add(path);
  }
}

function pruneObject(schema: JsonSchema, data: Record<string, unknown>): Record<string, unknown> {
  const shape = activeShape(schema, data);
  const pruned: Record<string, unknown> = {};

  for (const [name, fieldSchema] of shape.properties) {
    if (!Object.hasOwn(data, name)) continue;
    const value = data[name];

    if (isObjectSchema(fieldSchema) && isPlainObject(value)) {
      const child = pruneObject(fieldSchema, value);
      if (Object.keys(child).length > 0) pruned[name] = child;
      continue;
    }

    pruned[name] = value;
  }

  return pruned;
}

/** Properties and required names of an object schema plus those of the branches that apply to `data`. */
function activeShape(schema: JsonSchema, data: Record<string, unknown>): ObjectShape {
  const shape: ObjectShape = { properties: new Map(), required: new Set() };
  addActiveFragment(shape, schema, data);
  return shape;
}

function addActiveFragment(shape: ObjectShape, fragment: JsonSchema, data: Record<string, unknown>): void {
  // The subset check forbids a branch to redeclare a field, so plain assignment loses nothing.
  for (const [name, fieldSchema] of Object.entries(propertiesOf(fragment))) shape.properties.set(name, fieldSchema);
  for (const name of requiredOf(fragment)) shape.required.add(name);

  for (const rule of allOfOf(fragment)) {
    if (!isPlainObject(rule.if)) continue;
    const branch = conditionHolds(rule.if, data) ? rule.then : rule.else;
    if (isPlainObject(branch)) addActiveFragment(shape, branch, data);
  }
}

/** Collects every property the object can have, from its own `properties` and from all branches. */
function allBranchProperties(schema: JsonSchema): Map<string, JsonSchema> {
  const properties = new Map<string, JsonSchema>(Object.entries(propertiesOf(schema)));
  for (const rule of allOfOf(schema)) {
    for (const branch of [rule.then, rule.else]) {
      if (!isPlainObject(branch)) continue;
      for (const [name, fieldSchema] of allBranchProperties(branch)) {
        if (!properties.has(name)) properties.set(name, fieldSchema);
      }
    }
  }
  return properties;
}

/**
 * Evaluates an `if` schema the way JSON Schema does: a listed property that is absent passes its own
 * constraint, and only `required` makes absence fail. Blank strings count as absent because the
 * portal drops them before validating.
 */
function conditionHolds(condition: Record<string, unknown>, data: Record<string, unknown>): boolean {
  for (const name of requiredOf(condition)) {
    if (isBlank(data[name])) return false;
  }

  for (const [name, constraint] of Object.entries(propertiesOf(condition))) {
    const raw = data[name];
    if (isBlank(raw)) continue;
    const value = typeof raw === 'string' ? raw.trim() : raw;

    if (Object.hasOwn(constraint, 'const')) {
      if (!jsonEquals(value, constraint.const)) return false;
    } else if (Array.isArray(constraint.enum)) {
      if (!constraint.enum.some((option) => jsonEquals(value, option))) return false;
    } else {
      throw new Error(`Unsupported condition on field ${name}: expected const or enum`);
    }
  }

  return true;
}

function jsonEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  return JSON.stringify(left) === JSON.stringify(right);
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = schema.properties;
  if (!isPlainObject(properties)) return {};
  const result: Record<string, JsonSchema> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (isPlainObject(value)) result[name] = value;
  }
  return result;
}

function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
}

function allOfOf(schema: JsonSchema): Record<string, unknown>[] {
  return Array.isArray(schema.allOf) ? schema.allOf.filter(isPlainObject) : [];
}

// ---------------------------------------------------------------------------------------------
// Subset check

function checkObjectSchema(schema: JsonSchema, location: string, problems: string[]): void {
  if (schema.type !== 'object') problems.push(`${location}: object schema without type "object"`);
  if (schema.unevaluatedProperties !== false) problems.push(`${location}: object schema without unevaluatedProperties: false`);
  for (const keyword of Object.keys(schema)) {
    if (!OBJECT_KEYWORDS.has(keyword)) problems.push(`${location}: unsupported keyword ${keyword} on an object`);
  }
  checkFragment(schema, location, problems, new Set(allBranchProperties(schema).keys()), new Set());
}

/**
 * Checks `properties`, `required` and `allOf` of an object schema or of one of its branches.
 * `declared` contains every field of the enclosing object, `inherited` the fields declared outside
 * this branch, which a branch must not declare again.
 */
function checkFragment(fragment: JsonSchema, location: string, problems: string[], declared: Set<string>, inherited: Set<string>): void {
  for (const name of requiredOf(fragment)) {
    if (!declared.has(name)) problems.push(`${location}: required ${name} is not a field of this object`);
  }
  for (const name of Object.keys(propertiesOf(fragment))) {
    if (inherited.has(name)) problems.push(`${location}: field ${name} is declared again in a branch`);
  }

  for (const [name, fieldSchema] of Object.entries(propertiesOf(fragment))) {
    const fieldLocation = `${location}/properties/${name}`;
    if (isObjectSchema(fieldSchema)) {
      checkObjectSchema(fieldSchema, fieldLocation, problems);
      continue;
    }
    for (const keyword of Object.keys(fieldSchema)) {
      if (!FIELD_KEYWORDS.has(keyword)) problems.push(`${fieldLocation}: unsupported keyword ${keyword}`);
    }
  }

  const visibleHere = new Set([...inherited, ...Object.keys(propertiesOf(fragment))]);
  allOfOf(fragment).forEach((rule, index) => checkRule(rule, `${location}/allOf/${index}`, problems, declared, visibleHere));
}

function checkRule(rule: Record<string, unknown>, location: string, problems: string[], declared: Set<string>, inherited: Set<string>): void {
  for (const keyword of Object.keys(rule)) {
    if (!['if', 'then', 'else'].includes(keyword)) problems.push(`${location}: unsupported keyword ${keyword} in allOf`);
  }

  const condition = rule.if;
  if (!isPlainObject(condition)) {
    problems.push(`${location}: allOf entry without if`);
    return;
  }
  const conditionFields = Object.entries(propertiesOf(condition));
  const required = requiredOf(condition);
  if (conditionFields.length !== 1 || required.length !== 1 || conditionFields[0]?.[0] !== required[0]) {
    problems.push(`${location}/if: expected exactly one field in properties that is also required`);
  }
  for (const [name, constraint] of conditionFields) {
    if (!inherited.has(name)) problems.push(`${location}/if: condition field ${name} is not declared outside this rule`);
    const keys = Object.keys(constraint);
    const valid = keys.length === 1 && (keys[0] === 'const' || (keys[0] === 'enum' && Array.isArray(constraint.enum)));
    if (!valid) problems.push(`${location}/if/properties/${name}: expected only const or enum`);
  }

  for (const branchName of ['then', 'else'] as const) {
    const branch = rule[branchName];
    if (branch === undefined) continue;
    if (!isPlainObject(branch)) {
      problems.push(`${location}/${branchName}: expected an object`);
      continue;
    }
    for (const keyword of Object.keys(branch)) {
      if (!BRANCH_KEYWORDS.has(keyword)) problems.push(`${location}/${branchName}: unsupported keyword ${keyword}`);
    }
    checkFragment(branch, `${location}/${branchName}`, problems, declared, inherited);
  }
}
