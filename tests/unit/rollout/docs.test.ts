import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ROLLOUT_DOCS, withPolicyTable } from '../../../scripts/generate-admx.ts';
import { POLICY_KEYS, policyKeySchema } from '../../../src-main/policy/schema.ts';

describe.each(['de', 'en'] as const)('rollout document (%s)', (language) => {
  it('has the policy table generated from the schema', async () => {
    const document = await readFile(ROLLOUT_DOCS[language], 'utf8');

    expect(document, 'run node scripts/generate-admx.ts').toBe(withPolicyTable(document, language));
  });

  it('documents every policy key', async () => {
    const document = await readFile(ROLLOUT_DOCS[language], 'utf8');

    for (const key of POLICY_KEYS) expect(document, key).toContain(`| \`${key}\` |`);
  });

  it.each(['/S /allusers', '/D=', 'msiexec /i', '/qn', '1603', '3010', 'apt install', 'PolicyDefinitions', 'stagingPercentage', 'CSC_LINK', 'azureSignOptions', 'extraCaCertificates', 'logs', 'ANTRAGSDESK_SKIP_FUSES', '78'])('mentions %s', async (term) => {
    expect(await readFile(ROLLOUT_DOCS[language], 'utf8')).toContain(term);
  });
});

describe('German rollout document', () => {
  it('uses the German labels of the ADMX', async () => {
    const document = await readFile(ROLLOUT_DOCS.de, 'utf8');

    for (const key of POLICY_KEYS) expect(document, key).toContain(policyKeySchema(key)['x-description-de'].replace(/\|/g, '\\|'));
  });
});
