// ESLint with type-aware rules over every TypeScript source; Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * The layering of docs/architecture.md, enforced: triggers → use cases → ports ← adapters, the domain at the
 * bottom. Each group of files is disjoint (a later config object would replace, not add to, an earlier rule).
 */
const rule = '@typescript-eslint/no-restricted-imports';
const banned = (regex, message, extra = {}) => ({ regex, message, ...extra });
const noDev = banned('(^|/)dev/', 'Shipped code never imports the local stack (dev/).');
const noFunctionsApp = banned('(^|/)functions/', 'The add-in never imports the Functions app.');
const noAdapters = banned('(^|/)adapters/', 'Only composition.ts wires adapters; call a use case instead.');
const noComposition = banned(
  '(^|/)composition$',
  'Only triggers and the local host import the composition root.',
);
const noTriggers = banned('(^|/)(functions|http)/', 'Triggers call inward, never the other way round.');
const noUseCases = banned(
  '(^|/)(letters|reports|watch)/',
  'Adapters, ports and shared helpers do not depend on use cases; move the contract into app/ports/.',
);
export const boundaries = [
  {
    files: ['domain/src/**'],
    rules: {
      [rule]: [
        'error',
        {
          patterns: [
            banned(
              '^(@azure/|@microsoft/|@fluentui/|react|jose|zlib|fs|http|https|net|node:)',
              'The domain is pure: no I/O, no Azure, no Office, no UI.',
            ),
            banned('(^|/)(functions|addin|dev)/', 'The domain imports nothing outside domain/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['functions/src/functions/**', 'functions/src/http/**'],
    rules: { [rule]: ['error', { patterns: [noAdapters, noDev] }] },
  },
  {
    files: ['functions/src/adapters/**'],
    rules: {
      [rule]: [
        'error',
        {
          patterns: [
            noUseCases,
            noTriggers,
            noComposition,
            noDev,
            banned('^\\.\\./app/(?!ports/)', 'Adapters import only ports, shared helpers and the domain.'),
          ],
        },
      ],
    },
  },
  {
    files: ['functions/src/app/ports/**'],
    rules: {
      [rule]: [
        'error',
        {
          patterns: [
            noAdapters,
            noUseCases,
            noTriggers,
            noComposition,
            noDev,
            banned('^\\.\\./[A-Za-z]', 'Ports import only other ports, shared helpers and the domain.'),
          ],
        },
      ],
    },
  },
  {
    files: [
      'functions/src/app/*.ts',
      'functions/src/letters/**',
      'functions/src/reports/**',
      'functions/src/watch/**',
    ],
    rules: { [rule]: ['error', { patterns: [noAdapters, noComposition, noTriggers, noDev] }] },
  },
  {
    files: ['functions/src/shared/**'],
    rules: {
      [rule]: [
        'error',
        {
          patterns: [
            noAdapters,
            noUseCases,
            noTriggers,
            noComposition,
            noDev,
            banned('(^|/)app/', 'Shared helpers sit below the app.'),
          ],
        },
      ],
    },
  },
  {
    files: ['functions/src/*.ts'],
    rules: { [rule]: ['error', { patterns: [noDev] }] },
  },
  {
    files: ['addin/src/**'],
    ignores: ['addin/src/taskpane/**'],
    rules: { [rule]: ['error', { patterns: [noFunctionsApp, noDev] }] },
  },
  {
    files: ['addin/src/taskpane/**'],
    // index.tsx is the pane's composition root: it hands office.js behaviour to the components as props.
    ignores: ['addin/src/taskpane/index.tsx'],
    rules: {
      [rule]: [
        'error',
        {
          patterns: [
            noFunctionsApp,
            noDev,
            banned(
              '(^|/)office/',
              'Components get Office behaviour as props; only index.tsx imports office/.',
              {
                // The shapes office/ hands over (OpenMessage, …) may be named; its code may not be called.
                allowTypeImports: true,
              },
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['addin/src/taskpane/index.tsx'],
    rules: { [rule]: ['error', { patterns: [noFunctionsApp, noDev] }] },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'test-artifacts/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['**/test/**', 'bench/**', 'dev/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // In-memory fakes implement async ports synchronously.
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...boundaries,
  prettier,
);
