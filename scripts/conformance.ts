// `npm run conformance`: runs the test suite (or reads an existing vitest JSON report with
// --from FILE) and prints, for every requirement id, its tests and their result. Writes
// reports/conformance.json: {"ACC-01": {"tests": n, "passed": n, "failed": n, "titles": […]}, …}.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ID_PATTERN = /\b([A-Z][A-Z0-9]{1,4}-\d{2})\b/g;

interface AssertionResult {
  fullName: string;
  title: string;
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';
}
interface Report {
  testResults: Array<{ name: string; assertionResults: AssertionResult[] }>;
}

function knownIds(): string[] {
  // The catalogue lives beside the repository in ../shared/REQUIREMENTS.md.
  const file = join(root, '..', 'shared', 'REQUIREMENTS.md');
  if (!existsSync(file)) return [];
  const ids = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^- ([A-Z][A-Z0-9]{1,4}-\d{2}) /.exec(line);
    if (m?.[1]) ids.add(m[1]);
  }
  return [...ids];
}

const args = process.argv.slice(2);
const fromIdx = args.indexOf('--from');
let reportFile = join(root, 'reports', 'vitest.json');
if (fromIdx >= 0 && args[fromIdx + 1]) {
  reportFile = args[fromIdx + 1]!;
} else {
  mkdirSync(join(root, 'reports'), { recursive: true });
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(reportFile)) {
    console.error(`conformance: the test run produced no report (exit ${run.status})`);
    process.exit(1);
  }
}

const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
const result: Record<string, { tests: number; passed: number; failed: number; titles: string[] }> = {};
for (const id of knownIds()) result[id] = { tests: 0, passed: 0, failed: 0, titles: [] };
for (const file of report.testResults) {
  for (const t of file.assertionResults) {
    const ids = new Set([...t.fullName.matchAll(ID_PATTERN)].map((m) => m[1]!));
    for (const id of ids) {
      const r = (result[id] ??= { tests: 0, passed: 0, failed: 0, titles: [] });
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo' || t.status === 'disabled') continue;
      r.tests++;
      if (t.status === 'passed') r.passed++;
      else r.failed++;
      r.titles.push(`${t.status === 'passed' ? 'ok  ' : 'FAIL'} ${t.fullName}`);
    }
  }
}

const ids = Object.keys(result).sort();
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(
  join(root, 'reports', 'conformance.json'),
  JSON.stringify(Object.fromEntries(ids.map((id) => [id, result[id]])), null, 2),
);
let covered = 0;
for (const id of ids) {
  const r = result[id]!;
  const mark = r.tests === 0 ? 'NONE' : r.failed > 0 ? 'FAIL' : 'PASS';
  if (r.tests > 0 && r.failed === 0) covered++;
  console.log(`${id.padEnd(8)} ${mark.padEnd(5)} ${r.passed}/${r.tests} passed`);
  if (args.includes('--verbose')) for (const title of r.titles) console.log(`           ${title}`);
}
console.log(
  `\n${covered} of ${ids.length} requirement ids have passing tests and no failures; written to reports/conformance.json`,
);
