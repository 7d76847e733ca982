// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/', 'dist/', '.toolchain/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    // The renderer is web code: it must never reach into Node or the core by accident.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The renderer runs sandboxed: no Node modules.' },
            {
              // The core's input parsers are pure (no Node) and give the picker the exact
              // rules main applies: those, the Result type they return, and the language
              // resolver (so main and the windows pick the same language) are allowed.
              // gitignore semantics: a file cannot be re-included under an excluded folder,
              // so core's children are excluded one level at a time, then input/ comes back.
              group: [
                '**/main/core/*',
                '**/main/core/*/**',
                '!**/main/core/input',
                '!**/main/core/input/**',
                '!**/main/core/result',
                '!**/main/core/result.ts',
                '!**/main/core/language',
                '!**/main/core/language.ts',
                '**/main/app/**',
                '**/main/cli/**',
              ],
              message:
                'The renderer talks to window.roomcall only; share types via main/shared (main/core/input, main/core/result and main/core/language are allowed).',
            },
          ],
        },
      ],
    },
  },
);
