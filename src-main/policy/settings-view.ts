// The settings screen's view of the effective policy: every key with its value and German source,
// managed keys read-only, and writes of user settings (the lowest layer) into settings.json.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SettingEntry, SettingsView, SetUserSettingResult } from '../../src-shared/ipc/clerk.ts';
import type { Logger } from '../logging/logger.ts';
import { SOURCE_COMMAND_LINE, SOURCE_DEFAULT, SOURCE_USER_LABEL } from './policy-error.ts';
import type { EffectivePolicy } from './resolve.ts';
import { isPolicyKey, POLICY_KEYS, policyKeySchema, type PolicyKey, type PolicyKeySchema } from './schema.ts';
import { checkPolicyValue } from './validate.ts';

export interface SettingsProvider {
  view(): SettingsView;
  set(key: string, value: unknown): SetUserSettingResult;
}

export interface SettingsProviderOptions {
  policy: EffectivePolicy;
  /** The user settings file of the lowest policy layer, in the user data folder. */
  userSettingsFile: string;
  log: Logger;
}

export function createSettingsProvider(options: SettingsProviderOptions): SettingsProvider {
  const entries = structuredClone(options.policy.entries);

  const view = (): SettingsView => ({ entries: POLICY_KEYS.map((key) => settingEntry(key, entries[key])) });

  return {
    view,
    set: (key, value) => {
      if (!isPolicyKey(key)) return { ok: false, message: `Die Einstellung „${key}“ gibt es nicht.` };

      const current = settingEntry(key, entries[key]);
      if (!current.editable) {
        options.log.warn('settings: change of a key the user may not edit rejected', { key, source: entries[key].source });
        return { ok: false, message: `„${current.label}“ ist vorgegeben und kann hier nicht geändert werden.` };
      }

      const problem = checkPolicyValue(key, value);
      if (problem) return { ok: false, message: `Der Wert für „${current.label}“ ist ungültig (${problem}).` };

      writeUserSetting(options.userSettingsFile, key, value);
      entries[key] = { value, source: SOURCE_USER_LABEL, managed: false };
      options.log.info('settings: user setting stored', { key });
      return { ok: true, view: view() };
    },
  };
}

function settingEntry(key: PolicyKey, entry: EffectivePolicy['entries'][PolicyKey]): SettingEntry {
  const schema = policyKeySchema(key);
  const secret = schema['x-secret'] === true;
  const editable = !entry.managed && schema['x-scope'] !== 'machine' && entry.source !== SOURCE_COMMAND_LINE && !secret;

  return {
    key,
    label: schema['x-label-de'],
    description: schema['x-description-de'],
    displayValue: displayValue(entry.value, secret),
    value: secret ? null : (entry.value as SettingEntry['value']) ?? null,
    source: sourceLabel(entry.source),
    managed: entry.managed,
    editable,
    kind: settingKind(schema),
    ...(schema.enum ? { choices: [...schema.enum] } : {}),
  };
}

/** Chooses the edit control for a key: choices for enums, else by JSON type. */
function settingKind(schema: PolicyKeySchema): SettingEntry['kind'] {
  if (schema.enum) return 'choice';

  switch (schema.type) {
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'list';
    case 'string':
      return 'text';
  }
}

function displayValue(value: unknown, secret: boolean): string {
  if (value === undefined || value === null || value === '') return 'nicht gesetzt';
  if (secret) return 'gesetzt (nicht angezeigt)';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (Array.isArray(value)) return value.length === 0 ? 'keine' : value.join(', ');
  return String(value);
}

/** Describes a policy source in German for the settings screen. */
export function sourceLabel(source: string): string {
  if (source === SOURCE_DEFAULT) return 'Standardwert';
  if (source === SOURCE_USER_LABEL) return 'Benutzereinstellung';
  if (source === SOURCE_COMMAND_LINE) return 'Kommandozeile';
  if (/^HK(EY_[A-Z_]+|LM|CU)\\/.test(source)) return `Gruppenrichtlinie (${source})`;
  return `Richtliniendatei ${source}`;
}

function writeUserSetting(file: string, key: PolicyKey, value: unknown): void {
  const document: Record<string, unknown> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) : {};
  document[key] = value;

  // Write beside and rename, so a crash never leaves a half-written settings file that would stop
  // the next start.
  const staging = `${file}.tmp`;
  writeFileSync(staging, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
  renameSync(staging, file);
}
