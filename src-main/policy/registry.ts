// Registry access for the policy layers. Policy code uses only the RegistryReader interface, so
// tests inject values and only the Windows build needs reg-query.ts.
import { policyKeySchema, type PolicyKey } from './schema.ts';

export type RegistryHive = 'HKLM' | 'HKCU';

export interface RegistryValue {
  /** Registry type as `reg query` prints it, e.g. REG_SZ, REG_DWORD, REG_MULTI_SZ. */
  type: string;
  data: string | number | string[];
}

export interface RegistryKey {
  values: Record<string, RegistryValue>;
  subkeys: Record<string, RegistryKey>;
}

export interface RegistryReader {
  /** Reads a key with all its values and subkeys; null when the key does not exist. */
  readKey(hive: RegistryHive, path: string): Promise<RegistryKey | null>;
}

const HIVE_NAMES: Record<RegistryHive, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };

export function registrySourceName(hive: RegistryHive, path: string): string {
  return `${hive}\\${path}`;
}

export function hiveLongName(hive: RegistryHive): string {
  return HIVE_NAMES[hive];
}

/** Finds a value or subkey by name the way Windows does: case-insensitively. */
function findInsensitive<T>(record: Record<string, T>, name: string): T | undefined {
  const wanted = name.toLowerCase();
  for (const [candidate, value] of Object.entries(record)) {
    if (candidate.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** Expands %NAME% references of a REG_EXPAND_SZ value; unknown names stay as written. */
function expandEnvironment(text: string, env: Record<string, string | undefined>): string {
  return text.replace(/%([^%]+)%/g, (whole, name: string) => findInsensitive(env, name) ?? whole);
}

/**
 * Converts a registry value to the JSON type the schema expects. A value of the wrong registry
 * type passes through unchanged so that validation rejects it with the schema's message.
 */
export function registryValueToPolicy(key: PolicyKey, value: RegistryValue, env: Record<string, string | undefined>): unknown {
  const schema = policyKeySchema(key);

  if (schema.type === 'boolean' && value.type === 'REG_DWORD' && (value.data === 0 || value.data === 1)) {
    return value.data === 1;
  }
  if (schema.type === 'string' && value.type === 'REG_EXPAND_SZ' && typeof value.data === 'string') {
    return expandEnvironment(value.data, env);
  }

  // REG_SZ for strings, REG_DWORD for integers and REG_MULTI_SZ for lists need no conversion.
  return value.data;
}

/** Collects a list policy the way ADMX <list> writes it: a subkey with values named 1, 2, 3 … */
export function registryListToPolicy(list: RegistryKey, env: Record<string, string | undefined>): unknown[] {
  return Object.entries(list.values)
    .filter(([name]) => /^\d+$/.test(name))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, value]) => (value.type === 'REG_EXPAND_SZ' && typeof value.data === 'string' ? expandEnvironment(value.data, env) : value.data));
}

export interface RegistryLayerEntries {
  values: Map<PolicyKey, unknown>;
  unknownNames: string[];
}

/** Maps the values and list subkeys of the policy key to policy keys; other names are unknown. */
export function readRegistryLayer(key: RegistryKey, knownKeys: readonly PolicyKey[], env: Record<string, string | undefined>): RegistryLayerEntries {
  const values = new Map<PolicyKey, unknown>();
  const byLowerName = new Map(knownKeys.map((known) => [known.toLowerCase(), known]));
  const unknownNames: string[] = [];

  for (const [name, value] of Object.entries(key.values)) {
    // The unnamed default value of a key carries no policy.
    if (name === '' || name === '(Default)') continue;
    const policyKey = byLowerName.get(name.toLowerCase());
    if (!policyKey) {
      unknownNames.push(name);
      continue;
    }
    values.set(policyKey, registryValueToPolicy(policyKey, value, env));
  }

  for (const [name, subkey] of Object.entries(key.subkeys)) {
    const policyKey = byLowerName.get(name.toLowerCase());
    if (!policyKey || policyKeySchema(policyKey).type !== 'array') {
      unknownNames.push(name);
      continue;
    }
    // A REG_MULTI_SZ value of the same name wins over the list subkey; both forms are accepted.
    if (!values.has(policyKey)) values.set(policyKey, registryListToPolicy(subkey, env));
  }

  return { values, unknownNames };
}
