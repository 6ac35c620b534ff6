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
/** One group of files and the imports refused in it (`ignores`: files of the group the rule skips). */
const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { [rule]: ['error', { patterns }] },
});
/** The rings below the use cases: adapters, ports and shared helpers. */
const belowUseCases = [noUseCases, noTriggers, noComposition, noDev];
export const boundaries = [
  restrict(
    ['domain/src/**'],
    [
      banned(
        '^(@azure/|@microsoft/|@fluentui/|react|jose|zlib|fs|http|https|net|node:)',
        'The domain is pure: no I/O, no Azure, no Office, no UI.',
      ),
      banned('(^|/)(functions|addin|dev)/', 'The domain imports nothing outside domain/.'),
    ],
  ),
  restrict(['functions/src/functions/**', 'functions/src/http/**'], [noAdapters, noDev]),
  restrict(
    ['functions/src/adapters/**'],
    [
      ...belowUseCases,
      banned('^\\.\\./app/(?!ports/)', 'Adapters import only ports, shared helpers and the domain.'),
    ],
  ),
  restrict(
    ['functions/src/app/ports/**'],
    [
      ...belowUseCases,
      noAdapters,
      banned('^\\.\\./[A-Za-z]', 'Ports import only other ports, shared helpers and the domain.'),
    ],
  ),
  restrict(
    [
      'functions/src/app/*.ts',
      'functions/src/letters/**',
      'functions/src/reports/**',
      'functions/src/watch/**',
    ],
    [noAdapters, noComposition, noTriggers, noDev],
  ),
  restrict(
    ['functions/src/common/**'],
    [...belowUseCases, noAdapters, banned('(^|/)app/', 'Shared helpers sit below the app.')],
  ),
  restrict(['functions/src/*.ts'], [noDev]),
  restrict(['addin/src/**'], [noFunctionsApp, noDev], ['addin/src/taskpane/**']),
  // index.tsx is the pane's composition root: it hands office.js behaviour to the components as props.
  restrict(
    ['addin/src/taskpane/**'],
    [
      noFunctionsApp,
      noDev,
      banned('(^|/)office/', 'Components get Office behaviour as props; only index.tsx imports office/.', {
        // The shapes office/ hands over (OpenMessage, …) may be named; its code may not be called.
        allowTypeImports: true,
      }),
    ],
    ['addin/src/taskpane/index.tsx'],
  ),
  restrict(['addin/src/taskpane/index.tsx'], [noFunctionsApp, noDev]),
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
