// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';

/**
 * The layers, as folders that may not import others. Checked on the resolved path of each
 * relative import, so `../../app/x` from main/core/store/ is caught as main/app/x. The design:
 * main/shared (the IPC contract, the data model, the shared rules) is the ground floor; the
 * core stands on it; the app, the CLI and the preview stand on the core; tests stand on all.
 */
const FRONT_ENDS = ['main/app/', 'main/cli/', 'main/preview/', 'main/preload/'];
const LAYERS = [
  {
    from: 'main/shared/',
    forbid: ['main/core/', ...FRONT_ENDS],
    why: 'main/shared is the ground floor: the core and the renderer import it, it imports neither.',
  },
  {
    from: 'main/core/',
    forbid: [...FRONT_ENDS, 'main/relay/'],
    why: 'the core serves the app, the CLI and the preview alike: it never imports one of them.',
  },
  {
    from: 'main/cli/',
    forbid: ['main/app/', 'main/preview/', 'main/preload/'],
    why: 'the CLI runs without Electron: share what it needs through the core.',
  },
  {
    from: 'main/',
    forbid: ['test/'],
    why: 'product code never depends on the tests or the simulator (inject what a test needs).',
  },
  {
    from: 'renderer/',
    forbid: ['test/'],
    why: 'product code never depends on the tests or the simulator (inject what a test needs).',
  },
];

const posix = (file) => file.split(path.sep).join('/');

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers (LAYERS)' },
    schema: [],
  },
  create(context) {
    const file = posix(path.relative(import.meta.dirname, context.filename));
    const zones = LAYERS.filter((zone) => file.startsWith(zone.from));
    if (zones.length === 0) return {};
    /** @param {any} node */
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const absolute = path.resolve(path.dirname(context.filename), spec);
      const target = posix(path.relative(import.meta.dirname, absolute));
      for (const zone of zones) {
        const hit = zone.forbid.find((folder) => `${target}/`.startsWith(folder));
        if (hit !== undefined) {
          context.report({
            node: node.source,
            message: `${zone.from} may not import ${hit} (${target}): ${zone.why}`,
          });
        }
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

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
    files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { roomcall: { rules: { layers: layersRule } } },
    rules: { 'roomcall/layers': 'error' },
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
              // main/shared (the contract, the data model, the shared rules) is the renderer's;
              // of the core, only the pure input parsers (the exact rules main applies, for
              // validation as you type) and the Result type they return. The compiler holds
              // the same line (renderer/tsconfig.json's file list).
              // gitignore semantics: a file cannot be re-included under an excluded folder,
              // so core's children are excluded one level at a time, then input/ comes back.
              group: [
                '**/main/core/*',
                '**/main/core/*/**',
                '!**/main/core/input',
                '!**/main/core/input/**',
                '!**/main/core/result',
                '!**/main/core/result.ts',
                '**/main/app/**',
                '**/main/cli/**',
                '**/main/preload/**',
                '**/main/preview/**',
              ],
              message:
                'The renderer talks to window.roomcall only; it imports main/shared, and of the core only main/core/input and main/core/result.',
            },
          ],
        },
      ],
    },
  },
);
