// Merges the policy layers into the effective policy. Precedence, highest first: HKLM, HKCU, the
// machine policy file, command-line flags, user settings, schema defaults.
import type { Logger } from '../logging/logger.ts';
import { machinePolicyFile, readJsonPolicyLayer, readRegistryPolicyLayer, type PolicyLayer } from './layers.ts';
import { PolicyError, SOURCE_COMMAND_LINE, SOURCE_DEFAULT, type PolicySource } from './policy-error.ts';
import type { RegistryReader } from './registry.ts';
import { POLICY_KEYS, policyKeySchema, type PolicyKey, type PolicyValues } from './schema.ts';
import { checkPolicyValue } from './validate.ts';

export interface PolicyEntry {
  value: unknown;
  source: PolicySource;
  /** True when a registry policy or the machine policy file set the value: read-only in the UI. */
  managed: boolean;
}

export interface EffectivePolicy {
  values: PolicyValues;
  entries: Record<PolicyKey, PolicyEntry>;
}

export type PolicyResult = { ok: true; policy: EffectivePolicy } | { ok: false; error: PolicyError };

export interface PolicyEnvironment {
  platform: NodeJS.Platform;
  /** Required on Windows; other platforms have no registry layer. */
  registry?: RegistryReader;
  fileRoot?: string;
  env: Record<string, string | undefined>;
  userSettingsFile: string;
  argv: readonly string[];
  log: Logger;
}

/** Parses `--name=value` flags that belong to policy keys; other arguments are not ours. */
export function parsePolicyFlags(argv: readonly string[]): Map<PolicyKey, string> {
  const flags = new Map<PolicyKey, string>();
  for (const key of POLICY_KEYS) {
    const flag = policyKeySchema(key)['x-cli-flag'];
    if (!flag) continue;
    for (const argument of argv) {
      if (argument.startsWith(`${flag}=`)) flags.set(key, argument.slice(flag.length + 1));
    }
  }
  return flags;
}

async function readLayers(environment: PolicyEnvironment): Promise<{ policyLayers: PolicyLayer[]; userLayer: PolicyLayer | null }> {
  const policyLayers: PolicyLayer[] = [];

  if (environment.platform === 'win32') {
    if (!environment.registry) throw new Error('a RegistryReader is required on Windows');
    for (const hive of ['HKLM', 'HKCU'] as const) {
      const layer = await readRegistryPolicyLayer(environment.registry, hive, environment.env);
      if (layer) policyLayers.push(layer);
    }
  }

  const machineFile = machinePolicyFile({
    platform: environment.platform,
    ...(environment.fileRoot ? { fileRoot: environment.fileRoot } : {}),
    ...(environment.env.ProgramData ? { programData: environment.env.ProgramData } : {}),
  });
  const machineLayer = await readJsonPolicyLayer(machineFile, 'machine-file');
  if (machineLayer) policyLayers.push(machineLayer);

  const userLayer = await readJsonPolicyLayer(environment.userSettingsFile, 'user');
  return { policyLayers, userLayer };
}

function validateLayer(layer: PolicyLayer): void {
  for (const [key, value] of layer.values) {
    const detail = checkPolicyValue(key, value);
    if (detail) throw new PolicyError({ key, source: layer.location, reason: 'invalid', detail });
  }
}

/** Coerces a flag's text to the key's JSON type; validation then rejects what does not fit. */
function flagValue(key: PolicyKey, text: string): unknown {
  const type = policyKeySchema(key).type;
  if (type === 'integer' && /^-?\d+$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if (type === 'array') return text.split(',').map((item) => item.trim()).filter(Boolean);
  return text;
}

function mergeLayers(policyLayers: PolicyLayer[], userLayer: PolicyLayer | null, flags: Map<PolicyKey, string>, log: Logger): Record<PolicyKey, PolicyEntry> {
  const entries = {} as Record<PolicyKey, PolicyEntry>;

  for (const key of POLICY_KEYS) {
    const schema = policyKeySchema(key);
    const managedLayer = policyLayers.find((layer) => layer.values.has(key));
    const flag = flags.get(key);

    if (managedLayer) {
      entries[key] = { value: managedLayer.values.get(key), source: managedLayer.source, managed: true };
      if (flag !== undefined) log.warn('policy: command-line flag ignored because policy manages the key', { key, source: managedLayer.source });
      continue;
    }

    if (flag !== undefined) {
      const value = flagValue(key, flag);
      const detail = checkPolicyValue(key, value);
      if (detail) throw new PolicyError({ key, source: SOURCE_COMMAND_LINE, reason: 'invalid', detail });
      entries[key] = { value, source: SOURCE_COMMAND_LINE, managed: false };
      continue;
    }

    if (userLayer?.values.has(key)) {
      if (schema['x-scope'] === 'machine') {
        log.warn('policy: user setting ignored because only machine policy may set the key', { key, source: userLayer.location });
      } else {
        entries[key] = { value: userLayer.values.get(key), source: userLayer.source, managed: false };
        continue;
      }
    }

    entries[key] = { value: 'default' in schema ? structuredClone(schema.default) : undefined, source: SOURCE_DEFAULT, managed: false };
  }

  return entries;
}

function valuesOf(entries: Record<PolicyKey, PolicyEntry>): PolicyValues {
  const values: Record<string, unknown> = {};
  for (const key of POLICY_KEYS) {
    const value = entries[key].value;
    if (value !== undefined) values[key] = value;
  }
  return values as unknown as PolicyValues;
}

/**
 * Reads every layer, logs unknown keys (name and source only) and returns the effective policy,
 * or the PolicyError for the first invalid value. Without a portal URL the app cannot work in
 * either mode, so a missing portalUrl is an error too.
 */
/**
 * Rejects a kiosk policy without its device token file or admin PIN hash: such a terminal could
 * neither submit applications nor be left by staff, so it must not start.
 */
function requireKioskKeys(entries: Record<PolicyKey, PolicyEntry>): void {
  if (entries.mode.value !== 'kiosk') return;

  for (const key of ['kioskDeviceTokenFile', 'adminPinHash'] as const) {
    if (entries[key].value === undefined) {
      throw new PolicyError({ key, source: SOURCE_DEFAULT, reason: 'missing', detail: 'kiosk mode requires it in the machine policy' });
    }
  }
}

export async function loadPolicy(environment: PolicyEnvironment): Promise<PolicyResult> {
  try {
    const { policyLayers, userLayer } = await readLayers(environment);
    const allLayers = userLayer ? [...policyLayers, userLayer] : policyLayers;

    for (const layer of allLayers) {
      for (const name of layer.unknownNames) environment.log.warn('policy: unknown key ignored', { key: name, source: layer.location });
      validateLayer(layer);
    }

    const entries = mergeLayers(policyLayers, userLayer, parsePolicyFlags(environment.argv), environment.log);
    if (entries.portalUrl.value === undefined) {
      throw new PolicyError({ key: 'portalUrl', source: SOURCE_DEFAULT, reason: 'missing', detail: 'no policy layer, flag or user setting sets it' });
    }
    requireKioskKeys(entries);

    return { ok: true, policy: { values: valuesOf(entries), entries } };
  } catch (error) {
    if (error instanceof PolicyError) return { ok: false, error };
    throw error;
  }
}
