// Reading the policy layers: registry (Windows), the machine policy file and the user settings.
import { readFile } from 'node:fs/promises';
import { join, win32 } from 'node:path';
import { PolicyError, SOURCE_USER_LABEL } from './policy-error.ts';
import { readRegistryLayer, registrySourceName, type RegistryHive, type RegistryReader } from './registry.ts';
import { POLICY_KEYS, POLICY_REGISTRY_PATH, isPolicyKey, type PolicyKey } from './schema.ts';

export type LayerKind = 'registry' | 'machine-file' | 'user';

export interface PolicyLayer {
  kind: LayerKind;
  /** Registry path, file path or 'user': what the settings screen shows as the source. */
  source: string;
  /** Registry path or file path, for errors and logs. */
  location: string;
  values: Map<PolicyKey, unknown>;
  unknownNames: string[];
}

export interface MachinePathOptions {
  platform: NodeJS.Platform;
  /** Folder used as the file-system root, for tests. Unset means the real root. */
  fileRoot?: string;
  /** %ProgramData% on Windows. */
  programData?: string;
}

/** Path of the machine policy file: %ProgramData%\Antragsdesk\policy.json or /etc/antragsdesk/policy.json. */
export function machinePolicyFile(options: MachinePathOptions): string {
  const root = options.fileRoot;

  if (options.platform === 'win32') {
    if (root) return join(root, 'ProgramData', 'Antragsdesk', 'policy.json');
    return win32.join(options.programData ?? 'C:\\ProgramData', 'Antragsdesk', 'policy.json');
  }
  if (options.platform === 'darwin') return join(root ?? '/', 'Library', 'Application Support', 'Antragsdesk', 'policy.json');
  return join(root ?? '/', 'etc', 'antragsdesk', 'policy.json');
}

export async function readRegistryPolicyLayer(reader: RegistryReader, hive: RegistryHive, env: Record<string, string | undefined>): Promise<PolicyLayer | null> {
  const source = registrySourceName(hive, POLICY_REGISTRY_PATH);
  let key;
  try {
    key = await reader.readKey(hive, POLICY_REGISTRY_PATH);
  } catch (error) {
    throw new PolicyError({ key: null, source, reason: 'unreadable', detail: (error as Error).message, expected: 'a readable registry key', expectedDe: 'ein lesbarer Registry-Schlüssel' });
  }
  if (!key) return null;

  const { values, unknownNames } = readRegistryLayer(key, POLICY_KEYS, env);
  return { kind: 'registry', source, location: source, values, unknownNames };
}

/** Reads a JSON layer file; a missing file is no layer, anything but a JSON object is an error. */
export async function readJsonPolicyLayer(path: string, kind: 'machine-file' | 'user'): Promise<PolicyLayer | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new PolicyError({ key: null, source: path, reason: 'unreadable', detail: (error as Error).message });
  }

  let document: unknown;
  try {
    // A UTF-8 BOM is common in files saved by Windows tools such as Notepad or PowerShell 5.
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PolicyError({ key: null, source: path, reason: 'unreadable', detail: `invalid JSON (${(error as Error).message})` });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new PolicyError({ key: null, source: path, reason: 'unreadable', detail: 'the top level is not a JSON object' });
  }

  const values = new Map<PolicyKey, unknown>();
  const unknownNames: string[] = [];
  for (const [name, value] of Object.entries(document)) {
    if (name === '$schema') continue;
    if (isPolicyKey(name)) values.set(name, value);
    else unknownNames.push(name);
  }

  return { kind, source: kind === 'user' ? SOURCE_USER_LABEL : path, location: path, values, unknownNames };
}
