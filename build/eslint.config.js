// ESLint flat config. It lives in build/ because the repository root is fixed (DESIGN.md);
// `npm run lint` points at it. The import rules below are the boundaries of DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronBan = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron (DESIGN.md boundaries).',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/out/**', 'renderer/dist/**', 'electron/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
      ],
    },
  },
  {
    // Build scripts run in Node.
    files: ['build/**/*.mjs', 'build/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The engine, shared DTOs, application services, CLI, web host and simulators run in plain Node.
    files: [
      'electron/engine/**', 'electron/shared/**', 'electron/app/**', 'electron/cli/**',
      'electron/web-host/**', 'electron/simulators/**', 'electron/bench/**',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan], patterns: [{ group: ['electron/*'], message: electronBan.message }] }] },
  },
  {
    // shared/ is imported by the renderer too: no node built-ins there either.
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronBan],
        patterns: [{ group: ['node:*'], message: 'shared/ is also loaded by the renderer: no node: modules.' }],
      }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronBan],
        patterns: [{ group: ['node:*'], message: 'The renderer never imports node: modules (DESIGN.md).' }],
      }],
    },
  },
);
