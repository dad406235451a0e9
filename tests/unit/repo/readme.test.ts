// The READMEs list the demo clerk accounts and the two commands; they must match the repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CLERKS, DEMO_PASSWORD } from '../../../portal/src/catalog/demo-data.ts';

const root = join(import.meta.dirname, '../../..');

describe.each(['README.md', 'README.de.md'])('%s', (file) => {
  const text = readFileSync(join(root, file), 'utf8');

  it('lists every demo clerk account', () => {
    for (const clerk of DEMO_CLERKS) expect(text, clerk.username).toContain(`\`${clerk.username}\``);
    expect(text).toContain(DEMO_PASSWORD);
  });

  it('names the two commands, which exist', () => {
    expect(text).toContain('bash scripts/start.sh');
    expect(text).toContain('bash scripts/test-all.sh');
    expect(existsSync(join(root, 'scripts/start.sh'))).toBe(true);
    expect(existsSync(join(root, 'scripts/test-all.sh'))).toBe(true);
  });
});
