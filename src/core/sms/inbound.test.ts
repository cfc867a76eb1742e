// Inbound SMS end to end on both engines, with the smpp package's server on 127.0.0.1 as the SMSC:
// it sends deliver_sm texts to the platform's bound SMPP provider (SMS_PROVIDER), and we look at
// the ledger, the gate, the stored inbound rows, the audit log and the submit_sm that came back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../../../test/helpers/accounts.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { startLoopbackSmsc, type LoopbackSmsc } from '../../channels/sms/smpp/loopback-smsc.ts';
import { smsList } from '../../db/repositories/permission.testkit.ts';
import type { ConsentKind } from '../consent/types.ts';
import { helpReply, optOutConfirmation } from './replies.ts';

const SENDER = '+40722999000';
const POLL = { timeout: 15_000 };

describeEachEngine('inbound SMS over SMPP', (_db, engine) => {
  let t: TestPlatform;
  let smsc: LoopbackSmsc;
  let owner: SignedIn;
  let deals: string;
  let alerts: string;
  let news: string;

  const s = () => t.platform.services;
  const inbound = () => t.database.db.selectFrom('sms_inbound').selectAll().execute();
  /** Waits until n texts are handled; returns the one from `from` with this text. */
  const settled = async (n: number, from: string, text: string) => {
    await expect.poll(async () => (await inbound()).filter((r) => r.outcome !== 'received').length, POLL).toBe(n);
    return (await inbound()).find((r) => r.from_number === from && r.text === text)!;
  };
  const contactWith = async (phone: string, language: string | null, lists: [string, ConsentKind][]) => {
    const { contact } = await s().contacts.upsert(owner.accountId, { phone, language });
    await s().consent.record(
      owner.accountId,
      lists.map(([listId, kind]) => ({
        contactId: contact.id,
        listId,
        channel: 'sms' as const,
        kind,
        sourceType: 'operator' as const,
        textShown: 'I agree to receive SMS deals from Shop.',
      })),
    );
    return contact.id;
  };
  const states = async (contactId: string) =>
    Object.fromEntries((await s().consent.stateFor(owner.accountId, contactId)).map((st) => [st.listId, st.status]));

  beforeAll(async () => {
    smsc = await startLoopbackSmsc({ accounts: { assent: 'secret1' } });
    t = await createTestPlatform(engine, { config: { sms: { provider: `smpp://assent:secret1@127.0.0.1:${smsc.port}` } } });
    owner = await signUp(t.app);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sms/senders',
      headers: owner.headers,
      payload: { sender: '+40 722 999 000' },
    });
    expect(added.statusCode, added.body).toBe(201);
    deals = (await s().lists.create(owner.accountId, smsList('Deals'))).id;
    alerts = (await s().lists.create(owner.accountId, smsList('Alerts'))).id;
    news = (await s().lists.create(owner.accountId, { ...smsList('News'), senderName: 'Shop' })).id;
    s().sms.start();
    // Bound before the first test (no expect.poll outside a test): the provider binds at once on loopback.
    for (let i = 0; i < 300 && smsc.sessions().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(smsc.sessions()).toHaveLength(1);
  });
  afterAll(async () => {
    await t?.close();
    await smsc?.close();
  });

  it('[SMS-02] a deliver_sm "Stop" withdraws SMS consent on both lists as sms-keyword events, the gate refuses, one confirmation goes back', async () => {
    const contactId = await contactWith('+40722123456', 'en', [
      [deals, 'granted'],
      [alerts, 'granted'],
    ]);
    // The SMSC gives our number without its TON: the sender is found under its E.164 spelling.
    expect(await smsc.inbound('+40722123456', SENDER.slice(1), 'Stop')).toBe(0);
    const row = await settled(1, '+40722123456', 'Stop');
    expect(row).toMatchObject({ outcome: 'opted-out', intent: 'opt-out', keyword: 'STOP', events: 2, reply: 'sent' });
    expect(row.account_id).toBe(owner.accountId);

    const withdrawn = (await s().consent.eventsFor(owner.accountId, contactId)).filter((e) => e.kind === 'withdrawn');
    expect(withdrawn.map((e) => e.listId).sort()).toEqual([deals, alerts].sort());
    for (const e of withdrawn) {
      expect(e).toMatchObject({ sourceType: 'sms-keyword', sourceId: row.id, textShown: 'Stop', channel: 'sms' });
      expect(e.evidence).toMatchObject({ inboundId: row.id, to: SENDER, keyword: 'STOP' });
    }
    for (const listId of [deals, alerts]) {
      const decision = await s().gate.authorizeSend({
        accountId: owner.accountId,
        listId,
        channel: 'sms',
        contactIds: [contactId],
      });
      expect(decision.get(contactId)).toEqual({ allowed: false, reason: 'withdrawn' });
    }
    await expect.poll(() => smsc.submits.length, POLL).toBe(1);
    expect(smsc.submits[0]).toMatchObject({
      source: SENDER.slice(1),
      destination: '40722123456',
      text: optOutConfirmation({ program: 'Shop', language: 'en' }).text,
    });
    const audit = await s().audit.list({ accountId: owner.accountId, actionPrefix: 'sms.inbound.' });
    expect(audit.map((a) => a.action)).toContain('sms.inbound.opted-out');
  });

  it('[SMS-02] a second STOP records no new event and gets no second confirmation within the interval', async () => {
    const before = smsc.submits.length;
    expect(await smsc.inbound('+40722123456', SENDER, 'STOP')).toBe(0);
    const row = await settled(2, '+40722123456', 'STOP');
    expect(row).toMatchObject({ outcome: 'already-opted-out', events: 0, reply: 'within-interval' });
    const contact = await s().contacts.findByAddress(owner.accountId, { phone: '+40722123456' });
    const withdrawn = (await s().consent.eventsFor(owner.accountId, contact!.id)).filter((e) => e.kind === 'withdrawn');
    expect(withdrawn).toHaveLength(2);
    expect(smsc.submits.length).toBe(before);
  });

  it('[SMS-02] "DEZABONARE" from a Romanian number opts out the same way and is confirmed in Romanian', async () => {
    const contactId = await contactWith('+40733123456', null, [
      [deals, 'granted'],
      [news, 'granted'],
    ]);
    const before = smsc.submits.length;
    expect(await smsc.inbound('+40733123456', SENDER, 'dezabonare')).toBe(0);
    const row = await settled(3, '+40733123456', 'dezabonare');
    expect(row).toMatchObject({ outcome: 'opted-out', keyword: 'DEZABONARE', events: 2, reply: 'sent' });
    expect(await states(contactId)).toEqual({ [deals]: 'withdrawn', [news]: 'withdrawn' });
    await expect.poll(() => smsc.submits.length, POLL).toBe(before + 1);
    expect(smsc.submits[before]).toMatchObject({
      destination: '40733123456',
      text: optOutConfirmation({ program: 'Shop', language: 'ro' }).text,
    });
  });

  it('[SMS-02] HELP is answered with the help text and changes no consent', async () => {
    const contactId = await contactWith('+40744123456', 'en', [[deals, 'granted']]);
    const before = smsc.submits.length;
    expect(await smsc.inbound('+40744123456', SENDER, 'help')).toBe(0);
    const row = await settled(4, '+40744123456', 'help');
    expect(row).toMatchObject({ outcome: 'help', events: 0, reply: 'sent' });
    expect(await states(contactId)).toEqual({ [deals]: 'active' });
    await expect.poll(() => smsc.submits.length, POLL).toBe(before + 1);
    expect(smsc.submits[before]).toMatchObject({
      destination: '40744123456',
      text: helpReply({ program: 'Shop', contact: owner.email, language: 'en' }).text,
    });
  });

  it('[SMS-02] a text to a sender no account has, from an unknown number, or without a keyword is stored and nothing is sent', async () => {
    const contactId = (await s().contacts.findByAddress(owner.accountId, { phone: '+40744123456' }))!.id;
    const before = smsc.submits.length;
    expect(await smsc.inbound('+40744123456', '+40799111222', 'STOP')).toBe(0);
    expect(await smsc.inbound('+40755123456', SENDER, 'STOP')).toBe(0);
    expect(await smsc.inbound('+40744123456', SENDER, 'What time do you open?')).toBe(0);
    const rows = [
      await settled(7, '+40744123456', 'STOP'),
      await settled(7, '+40755123456', 'STOP'),
      await settled(7, '+40744123456', 'What time do you open?'),
    ];
    expect(rows.map((r) => [r.outcome, r.reply])).toEqual([
      ['unknown-sender', 'none'],
      ['unknown-number', 'none'],
      ['other', 'none'],
    ]);
    expect(rows[2]!.text).toBe('What time do you open?');
    expect(await states(contactId)).toEqual({ [deals]: 'active' });
    expect(smsc.submits.length).toBe(before);
    const unknown = await s().audit.list({ actionPrefix: 'sms.inbound.unknown-sender' });
    expect(unknown.some((a) => a.details.inboundId === rows[0]!.id)).toBe(true);
  });

  it('[SMS-02] DA confirms a pending SMS double opt-in of that number; a YES with nothing pending records nothing', async () => {
    const contactId = await contactWith('+40766123456', 'ro', [[alerts, 'requested']]);
    expect(await states(contactId)).toEqual({ [alerts]: 'pending' });
    const before = smsc.submits.length;
    expect(await smsc.inbound('+40766123456', SENDER, 'Da')).toBe(0);
    const row = await settled(8, '+40766123456', 'Da');
    expect(row).toMatchObject({ outcome: 'confirmed', events: 1, reply: 'none' });
    expect(await states(contactId)).toEqual({ [alerts]: 'active' });
    const confirmed = (await s().consent.eventsFor(owner.accountId, contactId)).find((e) => e.kind === 'confirmed');
    expect(confirmed).toMatchObject({ sourceType: 'sms-keyword', sourceId: row.id, textShown: 'Da' });
    expect(confirmed?.confirmedAt).toBeTruthy();

    expect(await smsc.inbound('+40766123456', SENDER, 'YES')).toBe(0);
    expect(await settled(9, '+40766123456', 'YES')).toMatchObject({ outcome: 'nothing-to-confirm', events: 0 });
    expect((await s().consent.eventsFor(owner.accountId, contactId)).filter((e) => e.kind === 'confirmed')).toHaveLength(1);
    expect(smsc.submits.length).toBe(before);
  });
});
