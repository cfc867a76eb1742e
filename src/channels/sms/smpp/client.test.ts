// The SMPP provider against a real SMPP peer on 127.0.0.1 (the smpp package's server, as the
// SMSC): bind, submit, concatenation, receipts, MO, drops and refused binds.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../core/ports.ts';
import type { InboundSms, SmsMessage, SmsReceipt, SubmitOutcome } from '../../../core/sms/ports.ts';
import { createSmppProvider, type SmppProvider, type SmppTimings } from './client.ts';
import { parseSmppUrl } from './config.ts';
import { startLoopbackSmsc, type LoopbackSmsc, type SubmitAction } from './loopback-smsc.ts';

const FAST: Partial<SmppTimings> = { reconnectMinMs: 50, reconnectMaxMs: 200, sweepMs: 50, closeGraceMs: 500 };
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

async function setup(
  opts: { password?: string; onSubmit?: (n: number) => SubmitAction; window?: number; answerEnquireLink?: boolean } = {},
  timings: Partial<SmppTimings> = {},
  query = '',
): Promise<{ smsc: LoopbackSmsc; sms: SmppProvider; receipts: SmsReceipt[]; inbound: InboundSms[] }> {
  const smsc = await startLoopbackSmsc({
    accounts: { assent: 'secret1' },
    onSubmit: opts.onSubmit,
    answerEnquireLink: opts.answerEnquireLink,
  });
  opened.push(smsc);
  const url = `smpp://assent:${opts.password ?? 'secret1'}@127.0.0.1:${smsc.port}?window=${opts.window ?? 10}${query}`;
  const sms = createSmppProvider({
    config: parseSmppUrl(url),
    clock: systemClock,
    logger: silentLogger,
    timings: { ...FAST, ...timings },
  });
  opened.push(sms);
  const receipts: SmsReceipt[] = [];
  const inbound: InboundSms[] = [];
  sms.onReceipt((r) => receipts.push(r));
  sms.onInbound((m) => inbound.push(m));
  return { smsc, sms, receipts, inbound };
}

const msg = (text: string, extra: Partial<SmsMessage> = {}): SmsMessage => ({
  id: 'd-1',
  from: 'Assent',
  to: '+40722123456',
  text,
  encoding: 'gsm7',
  ...extra,
});

describe('SMPP provider against the smpp package server on loopback', () => {
  it('[SMS-04] binds as a transceiver and submits a GSM-7 text with a receipt requested', async () => {
    const { smsc, sms } = await setup();
    expect(await sms.whenSettled()).toBe('bound');
    const out = await sms.submit(msg('Your code is 1234'));
    expect(out).toEqual({ outcome: 'accepted', providerMessageIds: ['m1'], segments: 1 });
    expect(smsc.submits).toHaveLength(1);
    const s = smsc.submits[0]!;
    expect(s).toMatchObject({
      source: 'Assent',
      sourceTon: 5,
      destination: '40722123456',
      destTon: 1,
      dataCoding: 0,
      esmClass: 0,
      registeredDelivery: 1,
      text: 'Your code is 1234',
    });
    expect(s.udh).toEqual([]);
  });

  it('[SMS-04] sends a long Romanian UCS-2 text as concatenated parts with one UDH reference', async () => {
    const { smsc, sms } = await setup();
    const text =
      'Bună ziua! Începând de mâine, magazinul nostru din Timișoara își prelungește programul până la ora 21. ' +
      'Vă așteptăm cu reduceri de până la 30% la încălțăminte și îmbrăcăminte de toamnă. Mulțumim!';
    expect(text.length).toBeGreaterThan(134);
    expect(text.length).toBeLessThanOrEqual(201);
    const out = await sms.submit(msg(text, { encoding: 'ucs2' }));
    expect(out).toEqual({ outcome: 'accepted', providerMessageIds: ['m1', 'm2', 'm3'], segments: 3 });
    expect(smsc.submits).toHaveLength(3);
    const refs = new Set<number>();
    smsc.submits.forEach((s, i) => {
      expect(s.dataCoding).toBe(8);
      expect(s.esmClass & 0x40).toBe(0x40);
      expect(s.udh).toHaveLength(1);
      const ie = s.udh[0]!;
      expect([ie[0], ie[1], ie[3], ie[4]]).toEqual([0x00, 0x03, 3, i + 1]);
      refs.add(ie[2]!);
      expect(s.text.length).toBeLessThanOrEqual(67);
    });
    expect(refs.size).toBe(1);
    expect(smsc.submits.map((s) => s.text).join('')).toBe(text);
  });

  it('gives the next long message a new concatenation reference, and splits GSM-7 at 153 septets', async () => {
    const { smsc, sms } = await setup();
    const long = 'A'.repeat(200);
    await sms.submit(msg(long));
    await sms.submit(msg(long));
    expect(smsc.submits.map((s) => s.text.length)).toEqual([153, 47, 153, 47]);
    expect(smsc.submits.map((s) => s.dataCoding)).toEqual([0, 0, 0, 0]);
    expect(smsc.submits[0]!.udh[0]![2]).not.toBe(smsc.submits[2]!.udh[0]![2]);
  });

  it('refuses what it cannot send as a permanent rejection, before any submit_sm', async () => {
    const { smsc, sms } = await setup();
    expect(await sms.submit(msg('ș', { encoding: 'gsm7' }))).toMatchObject({
      outcome: 'rejected',
      code: 'encoding-mismatch',
      permanent: true,
    });
    expect(await sms.submit(msg('hi', { to: '0722123456' }))).toMatchObject({ code: 'invalid-recipient', permanent: true });
    expect(await sms.submit(msg('hi', { from: 'A sender name too long' }))).toMatchObject({ code: 'invalid-sender' });
    expect(await sms.submit(msg(''))).toMatchObject({ code: 'empty' });
    expect(smsc.submitCount).toBe(0);
  });

  it('classifies submit_sm refusals: throttling may pass later, a bad destination never', async () => {
    const { sms } = await setup({ onSubmit: (n) => ({ status: n === 1 ? 0x58 : 0x0b }) });
    expect(await sms.submit(msg('one'))).toEqual({ outcome: 'rejected', code: 'ESME_RTHROTTLED', permanent: false });
    expect(await sms.submit(msg('two'))).toEqual({ outcome: 'rejected', code: 'ESME_RINVDSTADR', permanent: true });
  });

  it('[SMS-04] turns deliver_sm receipts into receipts (text and TLVs) and reports one for an unknown id', async () => {
    const { smsc, sms, receipts } = await setup();
    const out = await sms.submit(msg('hello'));
    expect(out.outcome).toBe('accepted');
    expect(await smsc.receipt('m1', 'DELIVRD')).toBe(0);
    expect(await smsc.receipt('m1', 'EXPIRED')).toBe(0);
    expect(await smsc.receipt('m1', 'UNDELIV')).toBe(0);
    // message_state / receipted_message_id TLVs win over the text.
    expect(await smsc.receipt('ignored', 'DELIVRD', { receipted_message_id: 'm1', message_state: 5 })).toBe(0);
    expect(await smsc.receipt('never-sent-42', 'DELIVRD')).toBe(0);
    expect(await smsc.receipt('m1', 'ENROUTE')).toBe(0); // intermediate: acknowledged, not reported
    expect(await smsc.deliver({ esm_class: 0x04, short_message: 'garbage' })).toBe(0);
    await expect.poll(() => receipts.length, { timeout: 15_000 }).toBe(5);
    expect(receipts.map((r) => [r.providerMessageId, r.status, r.errorCode])).toEqual([
      ['m1', 'delivered', undefined],
      ['m1', 'expired', '034'],
      ['m1', 'failed', '034'],
      ['m1', 'failed', undefined],
      ['never-sent-42', 'delivered', undefined],
    ]);
    expect(receipts[0]!.provider).toBe(sms.name);
    // Still bound and working after all that.
    expect(await sms.submit(msg('after'))).toMatchObject({ outcome: 'accepted' });
  });

  it('[SMS-04] passes an inbound STOP (MO deliver_sm) on, with the sender in E.164, and answers deliver_sm_resp', async () => {
    const { smsc, sms, inbound } = await setup();
    await sms.whenSettled();
    expect(await smsc.inbound('+40722123456', '1878', 'STOP')).toBe(0);
    await expect.poll(() => inbound.length, { timeout: 15_000 }).toBe(1);
    expect(inbound[0]).toMatchObject({ from: '+40722123456', to: '1878', text: 'STOP', provider: sms.name });
  });

  it('joins a concatenated inbound message before passing it on', async () => {
    const { smsc, sms, inbound } = await setup();
    await sms.whenSettled();
    const part = (seq: number, text: string) =>
      smsc.deliver({
        source_addr: '40722123456',
        source_addr_ton: 1,
        destination_addr: '1878',
        esm_class: 0x40,
        short_message: { udh: Buffer.from([0x05, 0x00, 0x03, 0x2a, 2, seq]), message: text },
      });
    await part(2, ' world');
    await part(1, 'hello');
    await expect.poll(() => inbound.length, { timeout: 15_000 }).toBe(1);
    expect(inbound[0]!.text).toBe('hello world');
  });

  it('[SMS-04] after a drop mid-send: rebinds, answers in-flight ones unknown, sends the queued once', async () => {
    // Answer 1–7, hold 8–11 (in flight), drop the link on the 12th; the second session answers all.
    let dropped = false;
    const { smsc, sms } = await setup({
      onSubmit: (n) => {
        if (dropped) return 'answer';
        if (n <= 7) return 'answer';
        if (n < 12) return 'hold';
        dropped = true;
        return 'drop';
      },
    });
    const N = 30;
    const outcomes: SubmitOutcome[] = await Promise.all(
      Array.from({ length: N }, (_, i) => sms.submit(msg(`message ${i}`, { id: `d-${i}` }))),
    );
    const unknown = outcomes.filter((o) => o.outcome === 'unknown');
    const accepted = outcomes.filter((o) => o.outcome === 'accepted');
    expect(unknown.length).toBeGreaterThanOrEqual(5); // 8, 9, 10, 11 and 12 at least
    expect(accepted.length + unknown.length).toBe(N);
    expect(smsc.binds).toBe(2);
    // Nothing reached the SMSC twice: every text arrived at most once, and every accepted one once.
    const texts = smsc.submits.map((s) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
    outcomes.forEach((o, i) => {
      const seen = texts.filter((t) => t === `message ${i}`).length;
      if (o.outcome === 'accepted') expect(seen).toBe(1);
      else expect(seen).toBeLessThanOrEqual(1);
    });
    expect(unknown[0]).toMatchObject({ reason: expect.stringMatching(/dropped/) });
  });

  it('[SMS-04] classifies bad credentials as a refused bind: unavailable, nothing submitted', async () => {
    const { smsc, sms } = await setup({ password: 'wrong' });
    expect(await sms.whenSettled()).toBe('refused');
    const out = await sms.submit(msg('hello'));
    expect(out).toEqual({ outcome: 'unavailable', reason: 'bind refused: ESME_RINVPASWD' });
    expect(smsc.submitCount).toBe(0);
  });

  it('sends enquire_link, and rebinds when the SMSC stops answering it', async () => {
    const { smsc, sms } = await setup({ answerEnquireLink: false }, { enquireLinkTimeoutMs: 200 }, '&enquire_link=1');
    await sms.whenSettled();
    await expect.poll(() => smsc.enquireLinks, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => smsc.binds, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  });

  it('answers a submit whose response never comes unknown, and one after close() unavailable', async () => {
    const { sms } = await setup({ onSubmit: () => 'hold' }, { submitResponseMs: 200 });
    expect(await sms.submit(msg('held'))).toMatchObject({
      outcome: 'unknown',
      reason: expect.stringMatching(/no submit_sm_resp/),
    });
    await sms.close();
    expect(sms.state).toBe('closed');
    expect(await sms.submit(msg('late'))).toEqual({ outcome: 'unavailable', reason: 'closed' });
  });
});
