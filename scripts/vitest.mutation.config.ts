// The vitest configuration Stryker runs (stryker.config.mjs): the project's, restricted to the
// test files of the module under mutation (STRYKER_MODULE, scripts/mutation-modules.ts).
// The restriction lives here, not in Stryker's `testFiles` option: with `testFiles` Stryker
// activates even static mutants (module-level constants) at run time, after the module was
// loaded, so they could never be killed.
import { fileURLToPath } from 'node:url';
import base from '../vitest.config.ts';
import { MUTATION_MODULES } from './mutation-modules.ts';

const name = process.env.STRYKER_MODULE ?? 'all';
const modules = name === 'all' ? Object.values(MUTATION_MODULES) : [MUTATION_MODULES[name]];
if (modules.some((m) => !m)) throw new Error(`STRYKER_MODULE=${name} is not a module of scripts/mutation-modules.ts`);

export default {
  ...base,
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { ...base.test, include: modules.flatMap((m) => m!.tests) },
};
