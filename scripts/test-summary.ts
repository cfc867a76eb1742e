// Prints the closing line CI reads: "N passed, N failed" (from vitest's JSON report and the exit
// status of the test command). Test files that failed to load count as failures; a run that
// failed before the tests or outside any test counts one failure. Logic in conformance-lib.ts.
import { existsSync, readFileSync } from 'node:fs';
import { brokenFiles, summaryLine, type VitestReport } from './conformance-lib.ts';

const [file = 'reports/vitest.json', status = '0'] = process.argv.slice(2);
let report: VitestReport | null = null;
if (existsSync(file)) {
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
  } catch {
    console.log(`${file} is not valid JSON: the test run did not finish writing it`);
  }
}
if (report) {
  for (const b of brokenFiles(report)) console.log(`failed to load or run: ${b.file}`);
  if (report.numPendingTests) console.log(`${report.numPendingTests} skipped`);
}
console.log(summaryLine(report, Number(status)));
