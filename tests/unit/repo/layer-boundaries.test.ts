// The lint rule that keeps the layers apart: an import across src-main, src-preload, src-renderer
// and portal fails, an import into src-shared passes.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layer boundaries', () => {
  it.each([
    ['src-renderer/x.ts', "import { startPortal } from '../portal/src/portal.ts';\nexport { startPortal };\n", 'src-renderer must not import from portal'],
    ['src-renderer/x.ts', "import { x } from '../src-main/policy/index.ts';\nexport { x };\n", 'src-renderer must not import from src-main'],
    ['portal/src/x.ts', "import { x } from '../../src-main/policy/index.ts';\nexport { x };\n", 'portal must not import from src-main'],
    ['src-main/clerk/x.ts', "import { x } from '../../src-renderer/citizen/index.ts';\nexport { x };\n", 'src-main must not import from src-renderer'],
    ['src-preload/x.ts', "import { x } from '../src-main/policy/index.ts';\nexport { x };\n", 'src-preload must not import from src-main'],
    ['src-shared/x.ts', "import { x } from '../portal/src/portal.ts';\nexport { x };\n", 'src-shared must not depend on a layer'],
  ])('%s: rejects a foreign import', async (file, source, expected) => {
    const errors = await importErrors(file, source);
    expect(errors.join('\n')).toContain(expected);
  });

  it('allows imports into src-shared from every layer', async () => {
    for (const file of ['src-renderer/x.ts', 'src-main/x.ts', 'src-preload/x.ts', 'portal/src/x.ts']) {
      const depth = file.split('/').length - 1;
      const source = `import { STATUS_LABELS_DE } from '${'../'.repeat(depth)}src-shared/status.ts';\nexport { STATUS_LABELS_DE };\n`;
      expect(await importErrors(file, source), file).toEqual([]);
    }
  });

  it('allows electron only in the shell and the preloads', async () => {
    const source = "import { app } from 'electron';\nexport { app };\n";
    expect(await importErrors('src-main/shell/x.ts', source)).toEqual([]);
    expect(await importErrors('src-preload/x.ts', source)).toEqual([]);
    expect((await importErrors('src-main/clerk/x.ts', source)).join()).toContain('Only src-main/shell and src-preload may import electron');
    expect((await importErrors('src-renderer/x.ts', source)).length).toBe(1);
  });
});
