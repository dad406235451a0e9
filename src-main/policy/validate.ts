// Validation of single policy values against POLICY_SCHEMA with ajv (JSON Schema 2020-12).
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { POLICY_ANNOTATIONS, POLICY_SCHEMA, POLICY_SCHEMA_ID, type PolicyKey } from './schema.ts';

// ajv-formats is CommonJS; under Node's ESM loader its function sits on `default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

let compiled: { ajv: Ajv2020; byKey: Map<PolicyKey, ValidateFunction> } | null = null;

function validators(): { ajv: Ajv2020; byKey: Map<PolicyKey, ValidateFunction> } {
  if (compiled) return compiled;

  const ajv = new Ajv2020({ allErrors: false, strict: true });
  addFormats(ajv);
  ajv.addVocabulary([...POLICY_ANNOTATIONS]);
  ajv.addSchema(POLICY_SCHEMA);
  compiled = { ajv, byKey: new Map() };
  return compiled;
}

/** Checks one value; returns null when valid, else the validator's message without the value. */
export function checkPolicyValue(key: PolicyKey, value: unknown): string | null {
  const { ajv, byKey } = validators();
  let validate = byKey.get(key);
  if (!validate) {
    validate = ajv.getSchema(`${POLICY_SCHEMA_ID}#/properties/${key}`);
    if (!validate) throw new Error(`policy schema has no property ${key}`);
    byKey.set(key, validate);
  }

  if (validate(value)) return null;

  const first = validate.errors?.[0];
  const where = first?.instancePath ? `item ${first.instancePath.slice(1)} ` : '';
  return `${where}${first?.message ?? 'is invalid'}`;
}

/** Validates a whole policy document, e.g. a policy.json an administrator is about to deploy. */
export function checkPolicyDocument(document: unknown): string[] {
  const validate = validators().ajv.getSchema(POLICY_SCHEMA_ID);
  if (!validate) throw new Error('policy schema is not registered');
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
