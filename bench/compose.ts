// Campaign message composition: prepare + compose + DKIM sign of a ~20 KB personalised MJML
// message, next to the raw RSA-2048 sign rate of this machine in the same run. Render and build
// run on the main thread; DKIM signing on [workers] threads (default os.availableParallelism();
// 0 or 1: on the main thread too).
// node bench/compose.ts [messages] [workers]
import { generateKeyPairSync, sign } from 'node:crypto';
import { createCampaignComposer } from '../src/channels/email/campaign-composer.ts';
import type { Campaign } from '../src/core/campaigns/types.ts';
import { campaignBody } from './compose-campaign.ts';

const N = Number(process.argv[2] ?? 10000);
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keys = {
  domain: 'shop.example',
  rsa: { selector: 'a1', privateKeyPem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string },
  ed25519: null,
};
const campaign = {
  id: '0190b7a0-1111-7000-8000-000000000001',
  accountId: '0190b7a0-3333-7000-8000-000000000001',
  listId: '0190b7a0-4444-7000-8000-000000000001',
  subject: 'Hello {{ contact.first_name }}',
  preheader: 'Autumn',
  fromName: 'Shop',
  fromEmail: 'news@shop.example',
  replyTo: null,
  format: 'mjml',
  body: campaignBody,
  clickTracking: true,
  version: 1,
} as unknown as Campaign;
const sender = {
  accountId: campaign.accountId,
  accountName: 'Shop SRL',
  postalAddress: 'Str. Lunga 1, Cluj',
  listId: campaign.listId,
};
const composer = createCampaignComposer({
  secret: 'bench-secret-0123456789abcdef',
  publicUrl: 'https://assent.test',
  bounceDomain: 'bounce.assent.test',
  ...(process.argv[3] !== undefined ? { signWorkers: Number(process.argv[3]) } : {}),
});

const t0 = performance.now();
const prepared = await composer.prepare({ campaign, sender, keys });
const prepareMs = performance.now() - t0;
const recipients = Array.from({ length: 500 }, (_, i) => ({
  contactId: `0190b7a0-2222-7000-8000-${String(i).padStart(12, '0')}`,
  email: `r${i}@example.org`,
  language: null,
  attributes: { first_name: `Ana${i}` },
}));
let size = 0;
const t1 = performance.now();
const cpu0 = process.threadCpuUsage();
const proc0 = process.cpuUsage();
for (let done = 0; done < N; done += recipients.length) {
  const out = await composer.compose(prepared, recipients, new Date());
  size = out[0]!.raw.length;
}
const perSec = N / ((performance.now() - t1) / 1000);
// CPU of the main thread and of the process per message: load-independent next to the wall rate.
const cpu = process.threadCpuUsage(cpu0);
const proc = process.cpuUsage(proc0);
const mainUsPerMsg = (cpu.user + cpu.system) / N;
const processUsPerMsg = (proc.user + proc.system) / N;
await composer.close();
const key = rsa.privateKey;
const t2 = performance.now();
for (let i = 0; i < 2000; i++) sign('sha256', Buffer.from(`x${i}`), key);
const rawSign = 2000 / ((performance.now() - t2) / 1000);
console.log(
  JSON.stringify({
    messages: N,
    messageBytes: size,
    prepareMs: Math.round(prepareMs),
    signWorkers: process.argv[3] ?? 'default',
    composePerSec: Math.round(perSec),
    mainThreadUsPerMessage: Math.round(mainUsPerMsg),
    mainThreadCeilingPerSec: Math.round(1e6 / mainUsPerMsg),
    processCpuUsPerMessage: Math.round(processUsPerMsg),
    rawRsa2048SignPerSec1Core: Math.round(rawSign),
  }),
);
