import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The dependency rules live in eslint.config.mjs. This runs ESLint's Node API with that very config (in a child
 * process: the config is an ES module, which jest's CommonJS runtime cannot load) on in-memory sources placed at
 * real paths, and shows that each rule refuses a violation and lets the allowed import through.
 */
const root = path.resolve(__dirname, '../../..');

interface Case {
  name: string;
  filePath: string;
  code: string;
}

const script = `
import { ESLint } from 'eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = {};
for (const c of cases) {
  const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
  out[c.name] = result.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}
console.log(JSON.stringify(out));
`;

function restrictedImports(cases: Case[]): Record<string, string[]> {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

test('lint refuses imports against the layering and allows the ones along it', () => {
  const found = restrictedImports([
    {
      name: 'triggerImportsAdapter',
      filePath: 'functions/src/functions/health.ts',
      code: "import { systemClock } from '../adapters/systemClock';\nexport const c = systemClock;\n",
    },
    {
      name: 'adapterImportsUseCase',
      filePath: 'functions/src/adapters/systemClock.ts',
      code: "import { renderLetter } from '../letters/renderLetter';\nexport const r = renderLetter;\n",
    },
    {
      name: 'adapterImportsPort',
      filePath: 'functions/src/adapters/systemClock.ts',
      code: "import type { Clock } from '../app/ports/clock';\nexport const c: Clock = { now: () => new Date() };\n",
    },
    {
      name: 'useCaseImportsComposition',
      filePath: 'functions/src/letters/deliverSoon.ts',
      code: "import type { Services } from '../composition';\nexport type S = Services;\n",
    },
    {
      name: 'domainImportsAzure',
      filePath: 'domain/src/localDate.ts',
      code: "import { TableClient } from '@azure/data-tables';\nexport const t = TableClient;\n",
    },
    {
      name: 'shippedImportsDev',
      filePath: 'functions/src/composition.ts',
      code: "import { createSettableClock } from '../../dev/devClock';\nexport const d = createSettableClock;\n",
    },
    {
      name: 'addinImportsFunctions',
      filePath: 'addin/src/api/problem.ts',
      code: "import { AppError } from '../../../functions/src/common/errors';\nexport const e = AppError;\n",
    },
    {
      name: 'componentCallsOffice',
      filePath: 'addin/src/taskpane/NoMessage.tsx',
      code: "import { readOpenMessage } from '../office/mailbox';\nexport const r = readOpenMessage;\n",
    },
  ]);
  expect(found['triggerImportsAdapter']).toHaveLength(1);
  expect(found['adapterImportsUseCase']).toHaveLength(1);
  expect(found['adapterImportsPort']).toEqual([]);
  expect(found['useCaseImportsComposition']).toHaveLength(1);
  expect(found['domainImportsAzure']).toHaveLength(1);
  expect(found['shippedImportsDev']).toHaveLength(1);
  expect(found['addinImportsFunctions']).toHaveLength(1);
  expect(found['componentCallsOffice']).toHaveLength(1);
}, 120_000);
