/**
 * One jest run for every layer. Each project is a layer of docs/architecture.md:
 * the pure domain, the Functions app's use cases and adapters, the task pane's components,
 * and the cross-part tests (API through HTTP against Azurite, the pane in Chromium).
 */
const tsJest = [
  'ts-jest',
  {
    // `isolatedModules` in tsconfig.jest.json makes ts-jest transpile only: type checking is
    // `npm run typecheck`'s job, and tests stay fast.
    tsconfig: '<rootDir>/tsconfig.jest.json',
  },
];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/domain/test/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'functions',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/functions/test/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'addin',
      testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/addin/test/setup.ts'],
      testMatch: ['<rootDir>/addin/test/**/*.test.ts?(x)'],
    },
    {
      ...common,
      displayName: 'ship',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/manifest/test/**/*.test.ts', '<rootDir>/infra/test/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
  ],
};
