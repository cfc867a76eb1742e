// The content screen's speed (issue 9, "Figures"; not asserted in tests):
//   a 100 KB HTML campaign screened, median of RUNS runs (aim < 20 ms), beside html-to-text's plain
//     conversion of the same HTML (the floor: every screen renders HTML to text first);
//   10,000 SMS texts screened, messages/s, median of ROUNDS rounds (aim > 5,000/s), beside a
//     trivial case-insensitive regex scan of the same texts (the floor of any keyword screen).
// Texts come from the labelled set in test/fixtures/content, varied so that no two are equal.
// Prints the machine, date and load, then one JSON line per measurement.
// Usage: node bench/content-screen.ts [runs] [rounds]
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { convert } from 'html-to-text';
import { screenContent, type ContentInput } from '../src/core/content/screen.ts';
import { loadLabelledMessages } from '../test/fixtures/content/load.ts';

const RUNS = Number(process.argv[2] ?? 50);
const ROUNDS = Number(process.argv[3] ?? 5);
const CAMPAIGN_BYTES = 100 * 1024;
const SMS_COUNT = 10_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

const messages = loadLabelledMessages();

/** A newsletter as an ESP template builds it: nested tables, inline styles, many short sections. */
function campaignHtml(): string {
  const sections = messages.filter((m) => m.label === 'legitimate' && m.channel === 'email' && m.lang === 'en');
  const head =
    '<!doctype html><html><head><meta charset="utf-8"><style>td{font-family:Arial,sans-serif}</style></head>' +
    '<body style="margin:0;background:#f4f4f4"><div style="display:none;max-height:0;overflow:hidden">This week: news, offers and events</div>' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">' +
    '<table role="presentation" width="600" style="background:#ffffff">';
  const tail =
    '<tr><td style="padding:24px;font-size:12px;color:#666666">You receive this because you subscribed at ' +
    '<a href="https://shop.example/">shop.example</a>. <a href="https://shop.example/unsubscribe?u=1">Unsubscribe</a></td></tr>' +
    '</table></td></tr></table></body></html>';
  let body = '';
  for (let i = 0; head.length + body.length + tail.length < CAMPAIGN_BYTES; i++) {
    const m = sections[i % sections.length]!;
    const text = m.text ?? convert(m.html ?? '');
    body +=
      `<tr><td style="padding:16px 24px"><h2 style="margin:0 0 8px;font-size:20px;color:#222222">${m.subject ?? ''}</h2>` +
      `<p style="margin:0 0 12px;font-size:15px;line-height:1.5;color:#333333">${text}</p>` +
      `<a href="https://shop.example/article/${i}?utm_source=newsletter&amp;utm_medium=email" ` +
      `style="display:inline-block;padding:10px 16px;background:#0a7d4f;color:#ffffff;text-decoration:none">Read more</a></td></tr>`;
  }
  return head + body + tail;
}

/** 10,000 distinct SMS texts: the set's SMS (both labels, both languages) with a varying tail. */
function smsTexts(): ContentInput[] {
  const sms = messages.filter((m) => m.channel === 'sms' && m.text);
  return Array.from({ length: SMS_COUNT }, (_, i) => {
    const m = sms[i % sms.length]!;
    return { channel: 'sms' as const, lang: m.lang, text: `${m.text} Ref ${1000 + i}.` };
  });
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const html = campaignHtml();
const campaign: ContentInput = { channel: 'email', lang: 'en', subject: 'Our December newsletter', html };
const texts = smsTexts();
const REGEX = /casino|viagra|loan|bitcoin|forex|cbd|vape/i;

const cpu = cpus();
console.log(
  `machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${round(totalmem() / 2 ** 30, 1)} GiB (${round(freemem() / 2 ** 30, 1)} free); ` +
    `Node ${process.version}; date ${new Date().toISOString()}; load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);
console.log(
  `campaign: ${html.length} bytes of HTML (${html.split('>Read more<').length - 1} sections); ${texts.length} SMS texts; ${RUNS} runs, ${ROUNDS} rounds`,
);

// Warm-up: JIT, lazy lexicon compilation, html-to-text's own caches.
for (let i = 0; i < 5; i++) {
  screenContent(campaign);
  convert(html);
}
for (const t of texts.slice(0, 500)) screenContent(t);

const screenMs: number[] = [];
const convertMs: number[] = [];
let verdict = '';
for (let i = 0; i < RUNS; i++) {
  convertMs.push(time(() => convert(html, { wordwrap: false })));
  screenMs.push(time(() => (verdict = screenContent(campaign).verdict)));
}
console.log(
  JSON.stringify({
    subject: 'html-to-text convert (reference)',
    bytes: html.length,
    medianMs: round(median(convertMs)),
    minMs: round(Math.min(...convertMs)),
    maxMs: round(Math.max(...convertMs)),
  }),
);
console.log(
  JSON.stringify({
    subject: 'screenContent 100 KB campaign',
    bytes: html.length,
    verdict,
    medianMs: round(median(screenMs)),
    minMs: round(Math.min(...screenMs)),
    maxMs: round(Math.max(...screenMs)),
    ofReference: round(median(screenMs) / median(convertMs)),
    aimMs: 20,
  }),
);

const screenRates: number[] = [];
const regexRates: number[] = [];
let flagged = 0;
let matches = 0;
for (let r = 0; r < ROUNDS; r++) {
  regexRates.push(SMS_COUNT / (time(() => (matches = texts.filter((t) => REGEX.test(t.text ?? '')).length)) / 1000));
  screenRates.push(SMS_COUNT / (time(() => (flagged = texts.filter((t) => screenContent(t).verdict !== 'allow').length)) / 1000));
}
console.log(
  JSON.stringify({ subject: 'regex scan of 10,000 SMS (reference)', matches, medianPerSec: Math.round(median(regexRates)) }),
);
console.log(
  JSON.stringify({
    subject: 'screenContent 10,000 SMS',
    heldOrRejected: flagged,
    medianPerSec: Math.round(median(screenRates)),
    minPerSec: Math.round(Math.min(...screenRates)),
    maxPerSec: Math.round(Math.max(...screenRates)),
    aimPerSec: 5000,
  }),
);
console.log(
  `load after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
