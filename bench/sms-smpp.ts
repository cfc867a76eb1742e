// The SMPP provider (src/channels/sms/smpp/client.ts) submitting to an SMSC on loopback (issue 11
// figures: aim ≥ 1,000 submit_sm/s with a window of 10, flat memory). The SMSC is the smpp
// package's server (loopback-smsc.ts, counting only) in a child process — its own event loop and
// core — answering every submit_sm at once. The client side runs as the send engine would: a fixed
// number of senders, each awaiting its outcome before the next, so the provider's window (10) is
// what bounds the traffic. Every message is a distinct one-part GSM-7 text. Prints one JSON line
// per RSS sample (every 10,000 messages) and one per run: submit_sm/s, outcomes, RSS first/last/peak.
// Usage: node bench/sms-smpp.ts [messages=100000] [runs=1] [window=10]
import { fork } from 'node:child_process';
import { createSmppProvider } from '../src/channels/sms/smpp/client.ts';
import { parseSmppUrl } from '../src/channels/sms/smpp/config.ts';
import { startLoopbackSmsc } from '../src/channels/sms/smpp/loopback-smsc.ts';
import { silentLogger, systemClock } from '../src/core/ports.ts';
import { cpuSince, peakRssMb, rssMb } from './permission-fixtures.ts';

const SAMPLE_EVERY = 10_000;
/** Senders awaiting outcomes at once (the engine's in-process concurrency): above the window. */
const SENDERS = 50;

async function serve() {
  const smsc = await startLoopbackSmsc({ accounts: { bench: 'bench' }, record: false });
  process.send!({ port: smsc.port });
  process.on('message', (m) => {
    if (m === 'count') process.send!({ submits: smsc.submitCount });
  });
}

async function run(n: number, window: number, port: number) {
  const sms = createSmppProvider({
    config: parseSmppUrl(`smpp://bench:bench@127.0.0.1:${port}?window=${window}`),
    clock: systemClock,
    logger: silentLogger,
  });
  if ((await sms.whenSettled()) !== 'bound') throw new Error('bind failed');
  global.gc?.();
  const outcomes: Record<string, number> = {};
  const samples: { sent: number; rssMb: number; rate: number }[] = [];
  let next = 0;
  let done = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let lastT = start;
  const firstRss = rssMb();
  async function sender() {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      const o = await sms.submit({
        id: `b${i}`,
        from: 'Assent',
        to: `+4072${String(i).padStart(7, '0')}`,
        text: `Oferta ${i}: 20% reducere azi la toate produsele. Raspunde STOP pentru dezabonare.`,
        encoding: 'gsm7',
      });
      outcomes[o.outcome] = (outcomes[o.outcome] ?? 0) + 1;
      if (++done % SAMPLE_EVERY === 0) {
        const t = performance.now();
        const s = { sent: done, rssMb: rssMb(), rate: Math.round(SAMPLE_EVERY / ((t - lastT) / 1000)) };
        lastT = t;
        samples.push(s);
        console.log(JSON.stringify({ sample: s }));
      }
    }
  }
  await Promise.all(Array.from({ length: SENDERS }, sender));
  const wallS = (performance.now() - start) / 1000;
  await sms.close();
  return {
    messages: n,
    window,
    submitPerS: Math.round(n / wallS),
    wallS: Number(wallS.toFixed(2)),
    cpuS: cpuSince(cpu),
    outcomes,
    rssMb: { first: firstRss, last: samples.at(-1)?.rssMb, peak: peakRssMb() },
  };
}

if (process.argv[2] === 'server') {
  await serve();
} else {
  const n = Number(process.argv[2] ?? 100_000);
  const runs = Number(process.argv[3] ?? 1);
  const window = Number(process.argv[4] ?? 10);
  const child = fork(import.meta.filename, ['server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((r) => child.once('message', (m) => r((m as { port: number }).port)));
  for (let k = 0; k < runs; k++) {
    const result = await run(n, window, port);
    child.send('count');
    const counted = await new Promise<number>((r) => child.once('message', (m) => r((m as { submits: number }).submits)));
    console.log(JSON.stringify({ run: k + 1, ...result, smscSubmitsTotal: counted }));
  }
  child.kill();
}
