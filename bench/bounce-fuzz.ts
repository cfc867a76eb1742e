// Fuzzing the bounce classifier (issue 10, "Bad input": at least 100,000 mutated corpus messages,
// 0 crashes, 0 hangs). Each case is a corpus message (bounces maildir/bsd, dos, not; the ARF set)
// under one to three mutations: byte flips, truncation, header duplication, deep MIME nesting,
// huge lines, boundary damage, line-ending changes, spliced parts. A crash is an exception
// escaping classifyBounce or the inbound processor's other readers of the same bytes (the
// messages a report carries, forwarded.ts, and their trace keys, trace-keys.ts, each of which
// must never throw either); a hang is one message taking more than HANG_MS for all of them. Seeded, so a failing
// case is reproducible by its number. Prints the counts as one JSON line; exit 1 on any failure.
// Usage: node bench/bounce-fuzz.ts [cases] [seed] [only]
//   only: replay the mutations up to that case number and classify just that one (writes it to
//   /tmp/bounce-fuzz-case-<n>.eml for a look).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyBounce } from '../src/core/bounces/classify.ts';
import { reportedMessages } from '../src/core/enforcement/forwarded.ts';
import { traceKeys, traceKeysFromText } from '../src/core/enforcement/trace-keys.ts';
import { ARF, BOUNCES, corpusPresent } from '../test/corpus/bounce-corpus.ts';

const CASES = Number(process.argv[2] ?? 100_000);
const SEED = Number(process.argv[3] ?? 20261203);
const ONLY = process.argv[4] === undefined ? -1 : Number(process.argv[4]);
const HANG_MS = 1000;
const MAX_CASE_BYTES = 11 * 1024 * 1024;

if (!corpusPresent()) {
  console.error(`bounce corpus absent at ${BOUNCES}`);
  process.exit(2);
}
const corpus: Buffer[] = [];
for (const d of ['maildir/bsd', 'maildir/dos', 'maildir/not'])
  for (const f of readdirSync(join(BOUNCES, d))) corpus.push(readFileSync(join(BOUNCES, d, f)));
for (const f of readdirSync(ARF).filter((f) => f.endsWith('.eml'))) corpus.push(readFileSync(join(ARF, f)));

// xorshift32: fast, seeded, good enough to pick mutations.
let state = SEED >>> 0 || 1;
const rand = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;

type Mutation = (b: Buffer) => Buffer;
const MUTATIONS: Record<string, Mutation> = {
  flip: (b) => {
    const c = Buffer.from(b);
    for (let i = 0, n = 1 + int(32); i < n && c.length; i++) c[int(c.length)] = int(256);
    return c;
  },
  truncate: (b) => b.subarray(0, int(b.length + 1)),
  duplicateHeaders: (b) => {
    const s = b.toString('latin1');
    const end = s.search(/\r?\n\r?\n/);
    const head = (end < 0 ? s : s.slice(0, end)).slice(0, 16 * 1024);
    return Buffer.from(head + ('\n' + head).repeat(1 + int(200)) + s.slice(head.length), 'latin1');
  },
  deepNesting: (b) => {
    const depth = 50 + int(1000);
    let open = '';
    let close = '';
    for (let i = 0; i < depth; i++) {
      open += `Content-Type: multipart/${pick(['mixed', 'report', 'alternative'])}; boundary="z${i}"\n\n--z${i}\n`;
      close = `\n--z${i}--\n` + close;
    }
    return Buffer.concat([Buffer.from('From: MAILER-DAEMON@fuzz.example\n' + open), b, Buffer.from(close)]);
  },
  hugeLine: (b) => {
    const at = int(b.length + 1);
    const fill = pick(['a', ' ', '=', '<', '5.', '@', ';', '"', '\t', 'x@y.', '550 ']);
    return Buffer.concat([
      b.subarray(0, at),
      Buffer.from(fill.repeat(Math.ceil((10_000 + int(1_000_000)) / fill.length))),
      b.subarray(at),
    ]);
  },
  boundaryDamage: (b) => {
    const s = b.toString('latin1');
    return Buffer.from(
      s.replace(/boundary="?([^";\s]{1,200})"?/gi, () => `boundary="${pick(['', '-', '--', '"', 'x'.repeat(5000)])}"`),
      'latin1',
    );
  },
  lineEndings: (b) => {
    const s = b.toString('latin1');
    return Buffer.from(
      pick([s.replace(/\r?\n/g, '\r'), s.replace(/\r?\n/g, '\r\n'), s.replace(/\r?\n/g, '\n\n'), s.replace(/\n/g, '')]),
      'latin1',
    );
  },
  splice: (b) => {
    const other = pick(corpus);
    const at = int(b.length + 1);
    return Buffer.concat([b.subarray(0, at), other.subarray(int(other.length + 1)), b.subarray(at)]);
  },
  manyRecipients: (b) => {
    const block = Array.from(
      { length: 200 + int(5000) },
      (_, i) => `Final-Recipient: rfc822; r${i}@fuzz.example\nAction: failed\nStatus: 5.1.1\n`,
    ).join('\n');
    return Buffer.concat([b, Buffer.from(`\nContent-Type: message/delivery-status\n\n${block}`)]);
  },
};
const names = Object.keys(MUTATIONS);

let crashes = 0;
let hangs = 0;
let slowest = 0;
let results = 0;
let traced = 0;
const failures: string[] = [];
const perMutation: Record<string, { n: number; ms: number }> = {};
const started = performance.now();
for (let i = 0; i < CASES; i++) {
  let msg = pick(corpus);
  const applied: string[] = [];
  for (let k = 0, n = 1 + int(3); k < n; k++) {
    const name = pick(names);
    applied.push(name);
    msg = (MUTATIONS[name] as Mutation)(msg);
    // Keep compounding mutations bounded; a few cases still cross the 10 MB limit on purpose.
    if (msg.length > MAX_CASE_BYTES) msg = msg.subarray(0, MAX_CASE_BYTES);
  }
  if (ONLY >= 0 && i !== ONLY) continue;
  if (ONLY >= 0) writeFileSync(`/tmp/bounce-fuzz-case-${i}.eml`, msg);
  const t = performance.now();
  try {
    results += classifyBounce(msg).length;
    for (const m of reportedMessages(msg)) {
      const keys = m.source === 'inline-forward' ? traceKeysFromText(m.headers) : traceKeys(m.headers);
      traced += keys.verpLocalParts.length + keys.messageIds.length + keys.unsubscribeTokens.length + keys.feedbackIds.length;
    }
    traced += traceKeysFromText(msg.subarray(0, 256 * 1024).toString('utf8')).messageIds.length;
  } catch (err) {
    crashes++;
    if (failures.length < 20)
      failures.push(`case ${i} [${applied.join('+')}]: ${err instanceof Error ? err.stack : String(err)}`);
  }
  const ms = performance.now() - t;
  for (const a of applied) {
    const pm = (perMutation[a] ??= { n: 0, ms: 0 });
    pm.n++;
    pm.ms += ms;
  }
  if (ms > slowest) slowest = ms;
  if (ms > HANG_MS) {
    hangs++;
    if (failures.length < 20) failures.push(`case ${i} [${applied.join('+')}]: ${Math.round(ms)} ms`);
  }
}
for (const f of failures) console.error(f);
if (process.env.FUZZ_PROFILE)
  for (const [k, v] of Object.entries(perMutation)) console.error(k, v.n, (v.ms / v.n).toFixed(2), 'ms/case');
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    bench: 'bounce-fuzz',
    cases: CASES,
    seed: SEED,
    corpus: corpus.length,
    crashes,
    hangs,
    hangMs: HANG_MS,
    slowestMs: Math.round(slowest),
    results,
    traceKeys: traced,
    seconds: Math.round(seconds),
  }),
);
process.exit(crashes || hangs ? 1 : 0);
