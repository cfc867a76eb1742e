// Bounce classification speed (issue 10, "Figures"; not asserted in tests): the 629-message
// sisimai corpus (../shared/corpora/bounces/maildir/bsd) classified ROUNDS times in a row,
// messages/s per round and the median (aim ≥ 2,000/s). Prints the machine, date and load
// (`uptime`), then one JSON line per measurement.
// Usage: node bench/bounce-classify.ts [rounds]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { classifyBounce } from '../src/core/bounces/classify.ts';
import { BOUNCES, corpusPresent } from '../test/corpus/bounce-corpus.ts';

const ROUNDS = Number(process.argv[2] ?? 5);
if (!corpusPresent()) {
  console.error(`bounce corpus absent at ${BOUNCES}`);
  process.exit(2);
}
const dir = join(BOUNCES, 'maildir', 'bsd');
const messages = readdirSync(dir)
  .sort()
  .map((f) => readFileSync(join(dir, f)));
const bytes = messages.reduce((n, m) => n + m.length, 0);

const uptime = (): string => execFileSync('uptime', { encoding: 'utf8' }).trim();
console.log(`# ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, node ${process.version}, ${new Date().toISOString()}`);
console.log(`# before: ${uptime()}`);

// One warm-up round: the JIT, and the rule tables' first use.
for (const m of messages) classifyBounce(m);

const rates: number[] = [];
let results = 0;
for (let r = 0; r < ROUNDS; r++) {
  const t = performance.now();
  results = 0;
  for (const m of messages) results += classifyBounce(m).length;
  const s = (performance.now() - t) / 1000;
  rates.push(messages.length / s);
  console.log(
    JSON.stringify({
      round: r + 1,
      messages: messages.length,
      results,
      seconds: Math.round(s * 1000) / 1000,
      perSecond: Math.round(messages.length / s),
    }),
  );
}
const sorted = [...rates].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
console.log(
  JSON.stringify({
    bench: 'bounce-classify',
    messages: messages.length,
    megabytes: Math.round(bytes / 1e4) / 100,
    rounds: ROUNDS,
    medianPerSecond: Math.round(median),
  }),
);
console.log(`# after: ${uptime()}`);
