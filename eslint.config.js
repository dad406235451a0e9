// Lint configuration. Besides the usual TypeScript rules it enforces the layer boundaries:
// src-main, src-preload, src-renderer and portal may import each other's code only through
// src-shared, and only the Electron shell and the preload scripts may import `electron`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layers = ['src-main', 'src-preload', 'src-renderer', 'portal'];

/** Builds the no-restricted-imports rule for one layer: every other layer is off limits. */
function boundaryRule(layer) {
  const foreign = layers.filter((other) => other !== layer);
  const patterns = foreign.map((other) => ({
    group: [`**/${other}/**`, `**/${other}`],
    message: `${layer} must not import from ${other}; move the shared part into src-shared.`,
  }));

  // The Electron module exists only inside the desktop shell. Everything else in src-main is
  // plain Node so that it runs under Vitest without the Electron binary.
  const electronAllowed = layer === 'src-preload';
  const paths = electronAllowed
    ? []
    : [{ name: 'electron', message: 'Only src-main/shell and src-preload may import electron.' }];

  return ['error', { patterns, paths }];
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layers.map((layer) => ({
    files: [`${layer}/**/*.{ts,tsx,js}`],
    rules: { 'no-restricted-imports': boundaryRule(layer) },
  })),
  {
    // src-shared is the contract: it may import nothing from the layers that use it.
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: layers.map((layer) => ({ group: [`**/${layer}/**`, `**/${layer}`], message: 'src-shared must not depend on a layer.' })),
        paths: [{ name: 'electron', message: 'src-shared runs everywhere; it must not import electron.' }],
      }],
    },
  },
  {
    // The thin Electron shell is the one place in src-main that talks to Electron itself.
    files: ['src-main/shell/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: layers.filter((l) => l !== 'src-main').map((l) => ({ group: [`**/${l}/**`], message: 'import through src-shared' })) }] },
  },
);
