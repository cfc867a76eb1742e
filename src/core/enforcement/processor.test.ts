// The inbound processor's remaining rules on both engines, over the real intake, stores and
// services (the end-to-end file covers hard bounces, forged VERP, ARF and forwarded reports):
// soft bounces suppress only after SOFT_BOUNCES_IN_A_ROW with no delivery between; an ARF
// opt-out report unsubscribes; the List-Unsubscribe mailto unsubscribes; a form report traces by
// the pasted headers; a Feedback-ID alone is kept for review and counted nowhere; an ARF naming
// another recipient than the traced one counts nowhere.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SOFT_BOUNCES_IN_A_ROW } from '../../../policy/reputation.ts';
import { campaignSender, type CampaignSender } from '../../../test/helpers/campaigns.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { platformHosts } from '../sending-domains/records.ts';
import { verpAddress } from '../tokens/verp.ts';
import { linkToken } from '../unsubscribe/links.ts';
import type { InboundMailbox } from './types.ts';

describeEachEngine('inbound processor rules', (_db, engine) => {
  let t: TestPlatform;
  let sender: CampaignSender;
  let bounceHost: string;
  const domain = `proc-${engine}-assent.ro`;

  beforeAll(async () => {
    t = await createTestPlatform(engine);
    bounceHost = platformHosts(t.platform.config.publicUrl, {}).bounceHost;
    sender = await campaignSender(t, domain);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function campaign(): Promise<string> {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: sender.owner.headers,
      payload: {
        name: `C ${randomUUID().slice(0, 8)}`,
        listId: sender.listId,
        subject: 'News',
        fromName: 'Shop',
        fromEmail: `news@${domain}`,
        format: 'html',
        body: '<p>News.</p>',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id;
  }

  /** A delivery record as the engine writes one for an accepted message; returns its Message-ID. */
  async function delivered(campaignId: string, contactId: string): Promise<string> {
    const messageId = `<${randomUUID()}@${domain}>`;
    t.clock.advance(1_000);
    const at = t.clock.now().toISOString();
    await t.database.db
      .insertInto('delivery_records')
      .values({
        campaign_id: campaignId,
        contact_id: contactId,
        account_id: sender.owner.accountId,
        status: 'accepted',
        reason: null,
        attempts: 1,
        bounce_type: null,
        smtp_reply: '250 2.0.0 Ok',
        queue_id: 'Q1',
        relay: '127.0.0.1:25',
        message_id: messageId,
        sample: 0,
        next_attempt_at: at,
        claimed_by: null,
        lease_until: null,
        updated_at: at,
      })
      .execute();
    return messageId;
  }

  async function contact(email: string) {
    return (await t.platform.services.contacts.upsert(sender.owner.accountId, { email })).contact.id;
  }

  async function mail(raw: string, rcpt: string, mailbox: InboundMailbox) {
    t.clock.advance(1_000);
    const receipt = await t.platform.services.inbound.receiveMail({
      raw: Buffer.from(raw.replace(/\r?\n/g, '\r\n')),
      envelope: { mailFrom: '', rcptTo: [{ address: rcpt, mailbox }], remoteAddress: '192.0.2.7' },
    });
    return { id: receipt.id, out: await t.platform.services.inboundProcessor.process(receipt.id) };
  }

  const softDsn = (to: string, recipient: string) => `From: MAILER-DAEMON@mx.example.org
To: ${to}
Subject: Delivery Status Notification (Failure)
Message-ID: <${randomUUID()}@mx.example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="S"

--S
Content-Type: text/plain

Mailbox full.
--S
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; ${recipient}
Action: failed
Status: 4.2.2
Diagnostic-Code: smtp; 452 4.2.2 The email account that you tried to reach is over quota

--S--
`;
  const suppressed = async (email: string) =>
    (await t.platform.services.suppression.isSuppressed(sender.owner.accountId, [email])).has(email);

  it(`[REP-01] soft bounces suppress only after ${SOFT_BOUNCES_IN_A_ROW} in a row, an accepted message between starting the count again`, async () => {
    const email = 'full.mailbox@example.com';
    const id = await contact(email);
    const actions: string[] = [];
    for (let i = 0; i < SOFT_BOUNCES_IN_A_ROW; i++) {
      const c = await campaign();
      await delivered(c, id);
      const verp = verpAddress(t.platform.config.secret, bounceHost, c, id);
      const { out } = await mail(softDsn(verp, email), verp, 'bounce');
      actions.push(out!.results[0]!.action);
      if (i === 0) {
        // Delivered fine once in between: the run starts again.
        const ok = await campaign();
        await delivered(ok, id);
      }
    }
    expect(actions).toEqual(['counted-soft', 'counted-soft', 'counted-soft']);
    expect(await suppressed(email)).toBe(false);
    const c = await campaign();
    await delivered(c, id);
    const verp = verpAddress(t.platform.config.secret, bounceHost, c, id);
    const { out } = await mail(softDsn(verp, email), verp, 'bounce');
    expect(out!.results[0]!.action).toBe('suppressed-soft-in-a-row');
    expect(await suppressed(email)).toBe(true);
    const rows = await t.database.db
      .selectFrom('suppressions')
      .select(['account_id', 'reason'])
      .where('account_id', '=', sender.owner.accountId)
      .where('reason', '=', 'soft-bounce')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('[REP-02] an ARF opt-out report about our message unsubscribes the recipient from the account; it is no complaint', async () => {
    const email = 'opt.out@example.com';
    const id = await contact(email);
    const c = await campaign();
    const messageId = await delivered(c, id);
    const arf = `From: fbl@provider.example
To: fbl@${bounceHost}
Subject: Opt-out report
Message-ID: <${randomUUID()}@provider.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="F"

--F
Content-Type: text/plain

An opt-out report.
--F
Content-Type: message/feedback-report

Feedback-Type: opt-out
User-Agent: Provider/1.0
Version: 1
Original-Rcpt-To: ${email}

--F
Content-Type: text/rfc822-headers

From: Shop <news@${domain}>
To: ${email}
Subject: News
Message-ID: ${messageId}

--F--
`;
    const { id: itemId, out } = await mail(arf, `fbl@${bounceHost}`, 'feedback');
    expect(out!.results).toEqual([expect.objectContaining({ kind: 'feedback', traced: 'message-id', action: 'unsubscribed' })]);
    const rows = await t.database.db
      .selectFrom('suppressions')
      .select('reason')
      .where('source', '=', 'provider-opt-out')
      .execute();
    expect(rows.map((r) => r.reason)).toContain('unsubscribe-all');
    expect(await suppressed(email)).toBe(true);
    expect(await t.database.db.selectFrom('complaints').select('id').where('inbound_id', '=', itemId).execute()).toEqual([]);
  });

  it('[REP-02] an ARF report naming another recipient than the message it carries counts nowhere and suppresses nobody', async () => {
    const email = 'real.reader@example.com';
    const id = await contact(email);
    const c = await campaign();
    const messageId = await delivered(c, id);
    const arf = `From: fbl@provider.example
To: fbl@${bounceHost}
Subject: Abuse report
Message-ID: <${randomUUID()}@provider.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="F"

--F
Content-Type: message/feedback-report

Feedback-Type: abuse
Version: 1
Original-Rcpt-To: someone.else@another-account.example

--F
Content-Type: text/rfc822-headers

Message-ID: ${messageId}

--F--
`;
    const { id: itemId, out } = await mail(arf, `fbl@${bounceHost}`, 'feedback');
    expect(out!.results[0]!.action).toBe('kept-for-review');
    const rows = await t.database.db.selectFrom('complaints').selectAll().where('inbound_id', '=', itemId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.counted).toBe(0);
    expect(await suppressed(email)).toBe(false);
  });

  it('[REP-02] a Feedback-ID alone names the campaign for the reviewer but proves no recipient: kept, not counted, nobody suppressed', async () => {
    const c = await campaign();
    const arf = `From: fbl@provider.example
To: fbl@${bounceHost}
Subject: Abuse report
Message-ID: <${randomUUID()}@provider.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="F"

--F
Content-Type: message/feedback-report

Feedback-Type: abuse
Version: 1

--F
Content-Type: text/rfc822-headers

Feedback-ID: ${c}:${sender.owner.accountId}:campaign:assent
Subject: News

--F--
`;
    const { id: itemId, out } = await mail(arf, `fbl@${bounceHost}`, 'feedback');
    expect(out!.results[0]).toMatchObject({ traced: 'feedback-id', action: 'kept-for-review' });
    const [row] = await t.database.db.selectFrom('complaints').selectAll().where('inbound_id', '=', itemId).execute();
    expect(row).toMatchObject({
      account_id: sender.owner.accountId,
      campaign_id: c,
      contact_id: null,
      counted: 0,
      traced_by: 'feedback-id',
    });
  });

  it('[MSG-01] the List-Unsubscribe mailto unsubscribes the contact its token names', async () => {
    const email = 'mailto.leaver@example.com';
    const id = await contact(email);
    await t.platform.services.consent.record(sender.owner.accountId, [
      { contactId: id, listId: sender.listId, channel: 'email', kind: 'granted', sourceType: 'form', textShown: 'Yes.' },
    ]);
    const c = await campaign();
    const token = linkToken(
      t.platform.config.secret,
      'unsubscribe',
      { accountId: sender.owner.accountId, contactId: id, listId: sender.listId, campaignId: c },
      t.clock.now(),
    );
    const rcpt = `unsubscribe+${token}@${bounceHost}`;
    const { out } = await mail(
      `From: ${email}\nTo: ${rcpt}\nSubject: unsubscribe\nMessage-ID: <${randomUUID()}@example.com>\n\n`,
      rcpt,
      'unsubscribe',
    );
    expect(out!.results).toEqual([expect.objectContaining({ kind: 'unsubscribe', action: 'unsubscribed' })]);
    const state = await t.database.db
      .selectFrom('consent_state')
      .selectAll()
      .where('contact_id', '=', id)
      .where('list_id', '=', sender.listId)
      .executeTakeFirstOrThrow();
    expect(state.status).toBe('withdrawn');
  });

  it('[ABU-01, ABU-02] a report filed on the form traces by the pasted headers: counted, recipient and reporter suppressed', async () => {
    const email = 'form.victim@example.com';
    const id = await contact(email);
    const c = await campaign();
    const messageId = await delivered(c, id);
    const receipt = await t.platform.services.inbound.receiveReport({
      message: `Return-Path: <bounce@elsewhere.example>\nMessage-ID: ${messageId}\nSubject: News\n\nbody`,
      reporterEmail: 'reporter@example.net',
      comment: 'Never subscribed.',
      remoteAddress: '198.51.100.4',
    });
    const out = await t.platform.services.inboundProcessor.process(receipt.id);
    expect(out!.results).toEqual([expect.objectContaining({ kind: 'spam-report', traced: 'message-id', action: 'suppressed' })]);
    expect(await suppressed(email)).toBe(true);
    expect(await suppressed('reporter@example.net')).toBe(true);
    const [row] = await t.database.db.selectFrom('complaints').selectAll().where('inbound_id', '=', receipt.id).execute();
    expect(row).toMatchObject({
      source: 'report-form',
      counted: 1,
      reporter: 'reporter@example.net',
      comment: 'Never subscribed.',
    });
    // Processing again (a job retried) records nothing twice.
    expect(await t.platform.services.inboundProcessor.process(receipt.id)).toBeNull();
  });
});
