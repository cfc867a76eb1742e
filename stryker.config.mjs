// Mutation testing of the rule modules (`npm run mutation`, scripts/mutation.ts): StrykerJS with
// its vitest runner. Not part of `npm test` (minutes per module). Run one module at a time:
// `npm run mutation -- tokens` (the wrapper sets STRYKER_MODULE and TEST_DATABASE_URL), or
// `STRYKER_MODULE=tokens npx stryker run`. Reports: reports/mutation/<module>.{json,html}.
import { MUTATION_MODULES } from './scripts/mutation-modules.ts';

const name = process.env.STRYKER_MODULE ?? 'all';
const modules = name === 'all' ? Object.values(MUTATION_MODULES) : [MUTATION_MODULES[name]];
if (modules.some((m) => !m)) {
  throw new Error(`STRYKER_MODULE=${name}: not one of ${Object.keys(MUTATION_MODULES).join(', ')}, all`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // The project's vitest configuration restricted to the module's tests (see that file for why).
  vitest: { configFile: 'scripts/vitest.mutation.config.ts', related: false, pool: 'forks' },
  coverageAnalysis: 'perTest',
  mutate: [...modules.flatMap((m) => m.mutate), '!**/*.test.ts', '!**/*.testkit.ts'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // The sandbox is a copy of the repository in .stryker-tmp/ (git-ignored); these stay out of it.
  ignorePatterns: ['/.tools', '/data', '/reports', '/web/dist', '/bench/out', '/coverage', '/dist', '*.log'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  concurrency: 2,
  timeoutMS: 60_000,
  thresholds: { high: 90, low: 85, break: null },
};
