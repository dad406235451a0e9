// The support bundle IT attaches to a ticket: a .tar.gz with the log files, the app version and
// the effective policy. Secrets in the policy (adminPinHash and any token) are replaced here.
// Log files need no second pass because the logger redacts every line before writing it.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { EffectivePolicy } from '../policy/resolve.ts';
import { POLICY_KEYS, policyKeySchema } from '../policy/schema.ts';
import { isRedactedKey } from '../logging/redact.ts';
import { createTar, type TarEntry } from './tar.ts';

const gzipAsync = promisify(gzip);

export const SECRET_PLACEHOLDER = '[removed]';

export interface AppInfo {
  appVersion: string;
  electronVersion?: string;
  platform: NodeJS.Platform;
  arch: string;
  installKind: string;
  mode?: string;
}

export interface SupportBundleInput {
  outputFile: string;
  logFiles: readonly string[];
  app: AppInfo;
  /** Null when the policy could not be loaded, so policy.json contains policyError instead. */
  policy: EffectivePolicy | null;
  policyError?: string;
  now?: Date;
}

/** Converts the policy to {key: {value, source, managed}} with secret values replaced. */
export function policyForSupport(policy: EffectivePolicy): Record<string, { value: unknown; source: string; managed: boolean }> {
  const result: Record<string, { value: unknown; source: string; managed: boolean }> = {};
  for (const key of POLICY_KEYS) {
    const entry = policy.entries[key];
    const secret = policyKeySchema(key)['x-secret'] === true || isRedactedKey(key);
    const value = secret && entry.value !== undefined ? SECRET_PLACEHOLDER : entry.value;
    result[key] = { value, source: entry.source, managed: entry.managed };
  }
  return result;
}

/** Default file name, e.g. antragsdesk-support-2026-03-05T09-30-00Z.tar.gz. */
export function supportBundleName(now: Date): string {
  return `antragsdesk-support-${now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}.tar.gz`;
}

export async function createSupportBundle(input: SupportBundleInput): Promise<{ file: string; entries: string[] }> {
  const now = input.now ?? new Date();
  const entries: TarEntry[] = [];
  const missingLogs: string[] = [];

  for (const logFile of input.logFiles) {
    try {
      entries.push({ name: `logs/${basename(logFile)}`, content: await readFile(logFile), mtime: now });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missingLogs.push(basename(logFile));
    }
  }

  const policy = input.policy ? policyForSupport(input.policy) : { error: input.policyError ?? 'policy not loaded' };
  entries.push({ name: 'policy.json', content: Buffer.from(`${JSON.stringify(policy, null, 2)}\n`), mtime: now });

  const manifest = {
    createdAt: now.toISOString(),
    ...input.app,
    files: entries.map((entry) => entry.name),
    missingLogs,
  };
  entries.unshift({ name: 'manifest.json', content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), mtime: now });

  await mkdir(dirname(input.outputFile), { recursive: true });
  await writeFile(input.outputFile, await gzipAsync(createTar(entries)));
  return { file: input.outputFile, entries: entries.map((entry) => entry.name) };
}
