// `npm run conformance`: runs the test suite (or reads an existing vitest JSON report with
// --from FILE) and prints, for every requirement id of the catalogue, its tests and their result.
// Writes reports/conformance.json: {"ACC-01": {"tests": n, "passed": n, "failed": n, "titles": […]}, …}.
// Only bracketed tags count (`[CON-13] …`, `[CON-13, IMP-05] …`). Exits 1 when a test failed, a
// test file failed to load, a title names an id the catalogue lacks, the run wrote no report, or
// the catalogue cannot be found (--requirements FILE, $ASSENT_REQUIREMENTS, or ../shared/).
// The logic is in conformance-lib.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCatalogue, formatConformance, parseCatalogue, tally, type VitestReport } from './conformance-lib.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const fail = (message: string): never => {
  console.error(`conformance: ${message}`);
  process.exit(1);
};

// The catalogue first: without it every id that has no test would silently vanish from the report.
const explicitCatalogue = option('--requirements') ?? process.env.ASSENT_REQUIREMENTS;
const catalogueFile = findCatalogue(root, explicitCatalogue);
if (!catalogueFile) {
  fail(
    explicitCatalogue
      ? `the requirements catalogue ${explicitCatalogue} does not exist`
      : 'the requirements catalogue (shared/REQUIREMENTS.md beside the repository or a parent folder) ' +
          'was not found; pass --requirements FILE or set ASSENT_REQUIREMENTS',
  );
}
const catalogue = parseCatalogue(readFileSync(catalogueFile!, 'utf8'));
if (catalogue.length === 0) fail(`${catalogueFile} lists no requirement ids`);

let reportFile: string;
let runStatus = 0;
const from = option('--from');
if (from !== undefined) {
  reportFile = resolve(from);
  if (!existsSync(reportFile)) fail(`the report ${from} does not exist`);
} else {
  reportFile = join(root, 'reports', 'vitest.json');
  mkdirSync(join(root, 'reports'), { recursive: true });
  // A report left by an earlier run must never stand in for this one.
  rmSync(reportFile, { force: true });
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], {
    cwd: root,
    stdio: 'inherit',
  });
  runStatus = run.status ?? 1;
  if (!existsSync(reportFile)) fail(`the test run wrote no report (exit ${run.status ?? run.signal})`);
}

let report: VitestReport;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
  if (!Array.isArray(report.testResults)) throw new Error('no testResults');
} catch (err) {
  fail(`${reportFile} is not a vitest JSON report (${(err as Error).message})`);
}
const result = tally(report!, catalogue);

mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'conformance.json'), JSON.stringify(result.ids, null, 2));
for (const line of formatConformance(result, args.includes('--verbose'))) console.log(line);
if (!result.ok || runStatus !== 0) {
  if (result.ok) console.error(`conformance: the test run exited ${runStatus}`);
  process.exit(1);
}
