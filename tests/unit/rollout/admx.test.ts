import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, renderPolicyTemplates } from '../../../scripts/generate-admx.ts';
import { POLICY_KEYS, policyKeySchema } from '../../../src-main/policy/schema.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['policy', 'string', 'presentation', 'item'].includes(name) });

async function checkedIn(relative: string): Promise<string> {
  return readFile(join(OUTPUT_DIR, relative), 'utf8');
}

interface AdmxPolicy {
  '@name': string;
  '@class': string;
  '@key': string;
  '@valueName'?: string;
  '@presentation'?: string;
  elements?: Record<string, { '@id': string; '@valueName'?: string; '@key'?: string }>;
}

describe('ADMX templates', () => {
  it('checked-in files equal generated output', async () => {
    for (const [relative, content] of renderPolicyTemplates()) {
      expect(await checkedIn(relative), `${relative} is stale; run node scripts/generate-admx.ts`).toBe(content);
    }
  });

  it('are well-formed XML', async () => {
    for (const relative of renderPolicyTemplates().keys()) {
      expect(XMLValidator.validate(await checkedIn(relative)), relative).toBe(true);
    }
  });

  it('contain a policy for every schema key', async () => {
    const admx = parser.parse(await checkedIn('antragsdesk.admx'));
    const policies: AdmxPolicy[] = admx.policyDefinitions.policies.policy;
    const names = policies.map((policy) => policy['@name']);

    expect(names.sort()).toEqual([...POLICY_KEYS].sort());
    for (const policy of policies) {
      expect(policy['@key']).toBe('Software\\Policies\\Antragsdesk');
    }
  });

  it('write booleans as value and lists as subkey', async () => {
    const admx = parser.parse(await checkedIn('antragsdesk.admx'));
    const policies = new Map((admx.policyDefinitions.policies.policy as AdmxPolicy[]).map((policy) => [policy['@name'], policy]));

    expect(policies.get('updatesEnabled')?.['@valueName']).toBe('updatesEnabled');
    expect(policies.get('languages')?.elements?.list?.['@key']).toBe('Software\\Policies\\Antragsdesk\\languages');
    expect(policies.get('idleTimeoutSeconds')?.elements?.decimal?.['@valueName']).toBe('idleTimeoutSeconds');
    expect(policies.get('adminPinHash')?.['@class']).toBe('Machine');
    expect(policies.get('mode')?.['@class']).toBe('Both');
  });

  it.each(['de-DE', 'en-US'])('%s ADML defines every referenced string and presentation', async (language) => {
    const admx = await checkedIn('antragsdesk.admx');
    const adml = parser.parse(await checkedIn(join(language, 'antragsdesk.adml')));
    const strings = new Set((adml.policyDefinitionResources.resources.stringTable.string as { '@id': string }[]).map((entry) => entry['@id']));
    const presentations = new Set((adml.policyDefinitionResources.resources.presentationTable.presentation as { '@id': string }[]).map((entry) => entry['@id']));

    for (const [, id] of admx.matchAll(/\$\(string\.([^)]+)\)/g)) expect(strings.has(id ?? ''), `string ${id}`).toBe(true);
    for (const [, id] of admx.matchAll(/\$\(presentation\.([^)]+)\)/g)) expect(presentations.has(id ?? ''), `presentation ${id}`).toBe(true);
  });

  it('German ADML uses the German labels', async () => {
    const adml = await checkedIn(join('de-DE', 'antragsdesk.adml'));

    for (const key of POLICY_KEYS) {
      expect(adml).toContain(`<string id="${key}">${policyKeySchema(key)['x-label-de']}</string>`);
    }
  });
});
