// Accuracy of the content screen on the labelled set (issue 9, "Figures"), per language: recall on
// violations and the false-hold rate on legitimate look-alikes, against the aims.
//   node bench/content-accuracy.ts [validation-2]
import { cpus, loadavg } from 'node:os';
import { figureLines, measureAccuracy } from '../test/fixtures/content/accuracy.ts';
import { loadLabelledMessages, VALIDATION_2_DIR } from '../test/fixtures/content/load.ts';

const messages = process.argv[2] === 'validation-2' ? loadLabelledMessages(VALIDATION_2_DIR) : loadLabelledMessages();
const report = measureAccuracy(messages);
console.log(
  `${new Date().toISOString()} ${cpus()[0]?.model ?? '?'} x${cpus().length}, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`${messages.length} labelled messages, policy ${report.policyRevision}`);
for (const line of figureLines(report)) console.log(line);
console.log(`misses (${report.misses.length}):`);
for (const m of report.misses) console.log(`  ${m.id}: expected ${m.expected}, got ${m.got} [${m.findings.join(', ')}]`);
