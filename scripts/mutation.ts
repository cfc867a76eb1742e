// `npm run mutation [-- MODULE… | all] [-- STRYKER OPTIONS]`: mutation testing (StrykerJS, vitest
// runner) of the rule modules in scripts/mutation-modules.ts, one Stryker run per module, so each
// module gets its own report (reports/mutation/<module>.json and .html) and its score in
// reports/mutation/scores.json. Not part of `npm test`: a module takes minutes.
//   npm run mutation -- tokens               one module
//   npm run mutation                         every module, one after another
//   npm run mutation -- tokens --concurrency 1   options after the names go to `stryker run`
//   npm run mutation -- --mutate 'src/core/tokens/**/*.ts'   a glob of your own, every module's tests
// PostgreSQL for the repository tests: TEST_DATABASE_URL, else one throwaway cluster for the
// whole run (test/helpers/global-setup.ts), so the sandboxed test runs do not each start one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATION_MODULES } from './mutation-modules.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = join(root, 'reports', 'mutation');
const scoresFile = join(reportsDir, 'scores.json');

const args = process.argv.slice(2);
const names: string[] = [];
let i = 0;
for (; i < args.length && !args[i]!.startsWith('-'); i++) names.push(args[i]!);
const strykerArgs = args.slice(i);
// `--mutate GLOB` without a module name: one run over that glob with every module's tests.
const custom = names.length === 0 && strykerArgs.includes('--mutate');
const selected = custom ? ['all'] : names.length === 0 || names.includes('all') ? Object.keys(MUTATION_MODULES) : names;
const unknown = custom ? [] : selected.filter((n) => !(n in MUTATION_MODULES));
if (unknown.length > 0) {
  console.error(`mutation: unknown module ${unknown.join(', ')}; modules: ${Object.keys(MUTATION_MODULES).join(', ')}, all`);
  process.exit(2);
}

interface Score {
  score: number | null;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  errors: number;
  total: number;
  at: string;
}

/** Counts a Stryker JSON report (mutation-testing-report-schema): score = detected / valid mutants. */
function scoreOf(reportFile: string): Score {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    files: Record<string, { mutants: Array<{ status: string }> }>;
  };
  const count: Record<string, number> = {};
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) count[m.status] = (count[m.status] ?? 0) + 1;
  }
  const n = (s: string) => count[s] ?? 0;
  const detected = n('Killed') + n('Timeout');
  const valid = detected + n('Survived') + n('NoCoverage');
  return {
    score: valid === 0 ? null : Math.round((detected / valid) * 10_000) / 100,
    killed: n('Killed'),
    timeout: n('Timeout'),
    survived: n('Survived'),
    noCoverage: n('NoCoverage'),
    errors: n('RuntimeError') + n('CompileError'),
    total: Object.values(count).reduce((a, b) => a + b, 0),
    at: new Date().toISOString(),
  };
}

async function main(): Promise<number> {
  let stopCluster: (() => Promise<void>) | null = null;
  const env = { ...process.env };
  if (!env.TEST_DATABASE_URL) {
    const globalSetup = await import('../test/helpers/global-setup.ts');
    let url: string | null = null;
    await globalSetup.setup({ provide: (_key: string, value: string | null) => (url = value) } as never);
    if (url) {
      env.TEST_DATABASE_URL = url;
      stopCluster = async () => globalSetup.teardown();
    }
  }
  mkdirSync(reportsDir, { recursive: true });
  const scores: Record<string, Score> = existsSync(scoresFile) ? JSON.parse(readFileSync(scoresFile, 'utf8')) : {};
  let status = 0;
  try {
    for (const name of selected) {
      console.log(`\n=== mutation testing: ${name} (${MUTATION_MODULES[name]?.mutate.join(', ') ?? 'the --mutate glob'})`);
      const report = join(reportsDir, `${name}.json`);
      rmSync(report, { force: true }); // never read a report left by an earlier run
      const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...strykerArgs], {
        cwd: root,
        stdio: 'inherit',
        env: { ...env, STRYKER_MODULE: name },
      });
      if (run.status !== 0 || !existsSync(report)) {
        console.error(`mutation: Stryker failed on ${name} (exit ${run.status ?? run.signal})`);
        status = 1;
        continue;
      }
      scores[name] = scoreOf(report);
      writeFileSync(scoresFile, `${JSON.stringify(scores, null, 2)}\n`);
    }
  } finally {
    await stopCluster?.();
  }
  console.log('\nmodule        score   killed timeout survived no-cov  (reports/mutation/scores.json)');
  for (const name of selected) {
    const s = scores[name];
    if (!s) continue;
    console.log(
      `${name.padEnd(13)} ${String(s.score ?? '-').padStart(6)}% ${String(s.killed).padStart(6)} ${String(s.timeout).padStart(7)} ${String(s.survived).padStart(8)} ${String(s.noCoverage).padStart(6)}`,
    );
  }
  return status;
}

process.exit(await main());
