// Prints the closing line CI reads: "N passed, N failed" (from vitest's JSON report).
import { existsSync, readFileSync } from 'node:fs';

const [file = 'reports/vitest.json', status = '0'] = process.argv.slice(2);
if (!existsSync(file)) {
  // The run stopped before tests (type check or lint failed): nothing passed.
  console.log(`0 passed, ${status === '0' ? 0 : 1} failed`);
} else {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
}
