// What comes back, end to end on both engines: a campaign is sent for real (worker, composer,
// relay = smtp-server capture on loopback, every message kept whole); then bounces, feedback-loop
// reports and spam reports built from those very messages arrive over SMTP at the real inbound
// server, are stored, processed by the worker's inbound.process job, and acted on:
// hard bounce → suppressed account-wide and platform-wide; forged VERP / another recipient →
// nothing; policy block → an incident, no suppression; ARF (a real corpus report carrying our
// message) → complaint counted, recipient suppressed, owner told, in the operator's queue; an
// ARF about a message never sent → kept for review, counted nowhere; a forwarded spam report and
// one attached as message/rfc822 → the recipient and the reporter suppressed, in the queue.
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startInboundSmtpServer, type InboundSmtpServer } from '../../src/channels/inbound-smtp/server.ts';
import { platformHosts } from '../../src/core/sending-domains/records.ts';
import { addressHash, normalizeAddress } from '../../src/core/suppression/address.ts';
import { ARF } from '../corpus/bounce-corpus.ts';
import { campaignSender, type CampaignSender } from '../helpers/campaigns.ts';
import { describeEachEngine } from '../helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../helpers/smtp.ts';

const ARF_CORPUS = `${ARF}/`;
const READERS = ['ana', 'bogdan', 'carmen', 'dan', 'eva', 'filip', 'gelu', 'horia'].map((n) => `${n}@example.com`);

/** The header block of a message as it left Assent. */
const headerBlock = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n'));

function dsn(opts: { to: string; id: string; recipient: string; status: string; diagnostic: string; original: string }): string {
  return [
    'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
    `To: ${opts.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${opts.id}@mx.example.org>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="DSN-B"',
    '',
    '--DSN-B',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.org.',
    "I'm sorry to have to inform you that your message could not be delivered.",
    '',
    '--DSN-B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    '',
    `Final-Recipient: rfc822; ${opts.recipient}`,
    `Original-Recipient: rfc822;${opts.recipient}`,
    'Action: failed',
    `Status: ${opts.status}`,
    'Remote-MTA: dns; mx.example.org',
    `Diagnostic-Code: smtp; ${opts.diagnostic}`,
    '',
    '--DSN-B',
    'Content-Type: text/rfc822-headers',
    '',
    opts.original,
    '',
    '--DSN-B--',
    '',
  ].join('\r\n');
}

/** A real ARF report of the corpus with its reported message replaced by one of ours. */
function arfAbout(corpusFile: string, original: string | null, id: string): string {
  const raw = readFileSync(`${ARF_CORPUS}${corpusFile}`, 'latin1').replace(/\r?\n/g, '\r\n');
  const withId = raw.replace(/^(From: .*)$/m, `$1\r\nMessage-ID: <${id}@fbl.example.net>`);
  if (original === null) return withId;
  const marker = /Content-Type: message\/rfc822\r\n(?:Content-Disposition: inline\r\n)?\r\n/i.exec(withId)!;
  const start = marker.index + marker[0].length;
  const end = withId.indexOf('\r\n--', start);
  return `${withId.slice(0, start)}${original}\r\n${withId.slice(end)}`;
}

describeEachEngine('enforcement end to end: bounces, complaints and spam reports over the inbound SMTP server', (_db, engine) => {
  let t: TestPlatform;
  let relay: SmtpCapture;
  let systemMail: SmtpCapture;
  let inbound: InboundSmtpServer;
  let sender: CampaignSender;
  let bounceHost: string;
  let campaignId: string;
  const sent = new Map<string, CapturedMail>();

  const db = () => t.platform.database.db;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: sender.owner.headers, ...(payload ? { payload } : {}) });

  async function until(done: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      t.clock.advance(1_000);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends one message to the inbound server and waits until the worker processed it; returns the item. */
  async function deliver(to: string, raw: string, from = '') {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({ envelope: { from, to: [to] }, raw });
    const id = /Kept as (\S+)/.exec(info.response)?.[1];
    expect(id, info.response).toBeTruthy();
    await until(
      async () =>
        (await db().selectFrom('inbound_messages').select('status').where('id', '=', id!).executeTakeFirst())?.status !==
        'received',
      `inbound item ${id}`,
    );
    const row = await db().selectFrom('inbound_messages').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    return {
      ...row,
      outcome: (typeof row.outcome === 'string' ? JSON.parse(row.outcome) : row.outcome) as {
        results: { action: string; traced: string }[];
      },
    };
  }

  const hashOf = (address: string) => addressHash(normalizeAddress(address)!);
  async function suppressions(address: string) {
    return db().selectFrom('suppressions').selectAll().where('address_hash', '=', hashOf(address)).execute();
  }
  const accountSuppressed = async (address: string) =>
    (await suppressions(address)).some((s) => s.account_id === sender.owner.accountId);

  beforeAll(async () => {
    relay = await startSmtpCapture();
    systemMail = await startSmtpCapture();
    t = await createTestPlatform(engine, {
      worker: true,
      config: {
        smtpUrl: systemMail.url,
        delivery: {
          relays: [relay.url],
          maxAttempts: 2,
          relayConnections: 2,
          relayRatePerSecond: 1000,
          accountRatePerSecond: 1000,
        },
      },
    });
    bounceHost = platformHosts(t.platform.config.publicUrl, { bounceHost: t.platform.config.bounceHost }).bounceHost;
    inbound = await startInboundSmtpServer({
      host: '127.0.0.1',
      port: 0,
      serverName: bounceHost,
      hosts: { bounceHost, abuseEmail: t.platform.config.abuseEmail },
      intake: t.platform.services.inbound,
      logger: t.platform.logger,
    });
    sender = await campaignSender(t, `enforce-${engine}-assent.ro`);
    const s = t.platform.services;
    const ids: string[] = [];
    for (const email of READERS) ids.push((await s.contacts.upsert(sender.owner.accountId, { email })).contact.id);
    await s.consent.record(
      sender.owner.accountId,
      ids.map((contactId) => ({
        contactId,
        listId: sender.listId,
        channel: 'email' as const,
        kind: 'granted' as const,
        sourceType: 'form' as const,
        textShown: 'Yes, email me the bakery news.',
      })),
    );
    const created = await call('POST', '/api/v1/campaigns', {
      name: 'December bread',
      listId: sender.listId,
      subject: 'Fresh rye bread this Saturday',
      fromName: 'Bakery',
      fromEmail: `news@enforce-${engine}-assent.ro`,
      format: 'html',
      body: '<html><body><p>Hello,</p><p>our rye bread is back this Saturday, from 8 in the morning.</p><p>The bakery</p></body></html>',
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json().id;
    const submitted = await call('POST', `/api/v1/campaigns/${campaignId}/submit`);
    expect(submitted.json().status, submitted.body).toBe('approved');
    const started = await call('POST', `/api/v1/campaigns/${campaignId}/send`, {});
    expect(started.statusCode, started.body).toBe(200);
    await until(async () => relay.messages.length >= READERS.length, 'the campaign to reach the relay');
    for (const m of relay.messages) sent.set(m.envelope.to[0]!, m);
    expect([...sent.keys()].sort()).toEqual([...READERS].sort());
  }, 90_000);

  afterAll(async () => {
    await inbound?.close();
    await t?.close();
    await relay?.close();
    await systemMail?.close();
  });

  it('[REP-01] a hard bounce (DSN to the VERP address) suppresses the address in the account and platform-wide, and marks the record bounced', async () => {
    const mail = sent.get('ana@example.com')!;
    const item = await deliver(
      mail.envelope.from,
      dsn({
        to: mail.envelope.from,
        id: `hard-${engine}`,
        recipient: 'ana@example.com',
        status: '5.1.1',
        diagnostic: '550 5.1.1 <ana@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
        original: headerBlock(mail.raw),
      }),
    );
    expect(item.status).toBe('processed');
    expect(item.outcome.results).toEqual([expect.objectContaining({ kind: 'hard', traced: 'verp', action: 'suppressed' })]);
    const rows = await suppressions('ana@example.com');
    expect(rows.map((r) => [r.account_id, r.reason]).sort()).toEqual(
      [
        ['', 'hard-bounce'],
        [sender.owner.accountId, 'hard-bounce'],
      ].sort(),
    );
    expect(rows.every((r) => r.source === `bounce:${item.id}`)).toBe(true);
    const events = await db().selectFrom('bounce_events').selectAll().where('inbound_id', '=', item.id).execute();
    expect(events).toEqual([expect.objectContaining({ kind: 'hard', status: '5.1.1', campaign_id: campaignId })]);
    const record = await db()
      .selectFrom('delivery_records')
      .innerJoin('contacts', 'contacts.id', 'delivery_records.contact_id')
      .select(['delivery_records.status', 'delivery_records.bounce_type'])
      .where('delivery_records.campaign_id', '=', campaignId)
      .where('contacts.email', '=', 'ana@example.com')
      .executeTakeFirstOrThrow();
    expect(record).toEqual({ status: 'bounced', bounce_type: 'hard' });
  });

  it('[REP-01] a forged VERP address proves nothing: kept as untraceable, nobody suppressed', async () => {
    const mail = sent.get('bogdan@example.com')!;
    const local = mail.envelope.from.slice(0, mail.envelope.from.indexOf('@'));
    const flipped = local.slice(0, 10) + (local[10] === 'A' ? 'B' : 'A') + local.slice(11);
    const forged = `${flipped}@${bounceHost}`;
    // Only the forged address could lead anywhere: the quoted headers carry none of our other keys.
    const original = headerBlock(mail.raw)
      .split('\r\n')
      .filter((l) => /^(From|To|Subject|Date):/i.test(l))
      .join('\r\n');
    const item = await deliver(
      forged,
      dsn({
        to: forged,
        id: `forged-${engine}`,
        recipient: 'bogdan@example.com',
        status: '5.1.1',
        diagnostic: '550 5.1.1 User unknown',
        original,
      }),
    );
    expect(item.status).toBe('untraceable');
    expect(item.outcome.results).toEqual([expect.objectContaining({ kind: 'hard', traced: 'none', action: 'untraceable' })]);
    expect(await suppressions('bogdan@example.com')).toEqual([]);
    expect(await db().selectFrom('bounce_events').select('id').where('inbound_id', '=', item.id).execute()).toEqual([]);
  });

  it('[REP-01] a DSN naming a recipient other than the one its VERP address proves acts on neither', async () => {
    const mail = sent.get('carmen@example.com')!;
    const item = await deliver(
      mail.envelope.from,
      dsn({
        to: mail.envelope.from,
        id: `mismatch-${engine}`,
        recipient: 'someone@another-account.example',
        status: '5.1.1',
        diagnostic: '550 5.1.1 User unknown',
        original: headerBlock(mail.raw),
      }),
    );
    expect(item.outcome.results).toEqual([expect.objectContaining({ kind: 'hard', action: 'recipient-mismatch' })]);
    expect(await suppressions('carmen@example.com')).toEqual([]);
    expect(await suppressions('someone@another-account.example')).toEqual([]);
  });

  it('[REP-01] a policy block (5.7.1, blocklisted) opens an incident for the sending domain and suppresses nobody', async () => {
    const mail = sent.get('dan@example.com')!;
    const item = await deliver(
      mail.envelope.from,
      dsn({
        to: mail.envelope.from,
        id: `policy-${engine}`,
        recipient: 'dan@example.com',
        status: '5.7.1',
        diagnostic: '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org',
        original: headerBlock(mail.raw),
      }),
    );
    expect(item.outcome.results).toEqual([expect.objectContaining({ kind: 'policy-block', action: 'incident-opened' })]);
    expect(await suppressions('dan@example.com')).toEqual([]);
    const incidents = await t.platform.services.enforcement.listIncidents({ open: true, accountId: sender.owner.accountId });
    expect(incidents).toEqual([
      expect.objectContaining({
        kind: 'policy-block',
        subjectKind: 'domain',
        subject: `enforce-${engine}-assent.ro`,
        occurrences: 1,
      }),
    ]);
  });

  it('[REP-02, REP-03] an ARF report (corpus 001) about our message: the recipient is suppressed, the complaint counts, the owner is told, the operator queue shows it with the campaign', async () => {
    const mail = sent.get('eva@example.com')!;
    const before = systemMail.messages.length;
    const item = await deliver(`fbl@${bounceHost}`, arfAbout('001.eml', mail.raw, `arf-${engine}`), 'abusedesk@example.com');
    expect(item.outcome.results).toEqual([expect.objectContaining({ kind: 'feedback', action: 'suppressed' })]);
    expect((await suppressions('eva@example.com')).map((r) => [r.account_id, r.reason])).toEqual([
      [sender.owner.accountId, 'complaint'],
    ]);
    const queue = await t.platform.services.enforcement.listComplaints({
      reviewStatus: 'open',
      accountId: sender.owner.accountId,
    });
    const complaint = queue.find((c) => c.inboundId === item.id)!;
    expect(complaint).toMatchObject({
      source: 'arf',
      feedbackType: 'abuse',
      counted: true,
      campaignId,
      tracedBy: expect.stringMatching(/verp|message-id|unsubscribe-token/),
    });
    const detail = await t.platform.services.enforcement.complaintDetail(complaint.id);
    expect(detail.campaign).toMatchObject({ id: campaignId, subject: 'Fresh rye bread this Saturday' });
    expect(detail.delivery?.address).toBe('eva@example.com');
    expect(detail.report?.excerpt).toContain('Feedback-Type: abuse');
    const notices = await systemMail.waitFor(before + 1);
    const notice = notices.slice(before).find((m) => m.envelope.to.includes(sender.owner.email));
    expect(notice?.parsed.subject).toMatch(/reported "December bread" as spam/);
    expect(notice?.parsed.text).not.toContain('eva@example.com');
    // Nothing more goes to her: the gate refuses her for this account.
    expect(await t.platform.services.suppression.isSuppressed(sender.owner.accountId, ['eva@example.com'])).toEqual(
      new Set(['eva@example.com']),
    );
  });

  it('[REP-02] an ARF report about a message Assent never sent (corpus 002 as is) is kept for review, untraceable, counted nowhere', async () => {
    const item = await deliver(`fbl@${bounceHost}`, arfAbout('002.eml', null, `arf-foreign-${engine}`), 'fbl@provider.example');
    expect(item.status).toBe('untraceable');
    const complaints = await db().selectFrom('complaints').selectAll().where('inbound_id', '=', item.id).execute();
    expect(complaints).toEqual([expect.objectContaining({ account_id: null, review_status: 'open' })]);
    expect(Boolean(complaints[0]!.counted)).toBe(false);
  });

  it('[ABU-01, ABU-02] a spam report forwarded inline to the abuse mailbox is traced by the footer link: recipient and reporter suppressed, a complaint in the queue', async () => {
    const mail = sent.get('filip@example.com')!;
    const text = mail.parsed.text ?? '';
    expect(text).toMatch(/\/u\//);
    const report = [
      'From: Filip <filip.other@reporter.example>',
      `To: ${t.platform.config.abuseEmail}`,
      'Subject: Fwd: Fresh rye bread this Saturday',
      `Message-ID: <fwd-${engine}@reporter.example>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'I never signed up for this.',
      '',
      '---------- Forwarded message ---------',
      `From: Bakery <news@enforce-${engine}-assent.ro>`,
      'Date: Sat, 5 Dec 2026 08:00:00 +0000',
      'Subject: Fresh rye bread this Saturday',
      'To: <filip@example.com>',
      '',
      text,
    ].join('\r\n');
    const item = await deliver(t.platform.config.abuseEmail, report, 'filip.other@reporter.example');
    expect(item.outcome.results).toEqual([
      expect.objectContaining({ kind: 'spam-report', traced: 'unsubscribe-token', action: 'suppressed' }),
    ]);
    expect(await accountSuppressed('filip@example.com')).toBe(true);
    expect(await accountSuppressed('filip.other@reporter.example')).toBe(true);
    const queue = await t.platform.services.enforcement.listComplaints({ reviewStatus: 'open' });
    expect(queue.find((c) => c.inboundId === item.id)).toMatchObject({
      source: 'abuse-mailbox',
      counted: true,
      campaignId,
      reporter: 'filip.other@reporter.example',
    });
  });

  it('[ABU-01, ABU-02] a spam report with the message attached (message/rfc822) is traced by its headers; the same report twice counts once', async () => {
    const mail = sent.get('gelu@example.com')!;
    const report = [
      'From: <gelu@example.com>',
      `To: ${t.platform.config.abuseEmail}`,
      'Subject: spam',
      `Message-ID: <attached-${engine}@example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="R"',
      '',
      '--R',
      'Content-Type: text/plain',
      '',
      'See attached.',
      '--R',
      'Content-Type: message/rfc822',
      '',
      mail.raw,
      '--R--',
      '',
    ].join('\r\n');
    const first = await deliver(t.platform.config.abuseEmail, report, 'gelu@example.com');
    expect(first.outcome.results).toEqual([expect.objectContaining({ kind: 'spam-report', action: 'suppressed' })]);
    expect(await accountSuppressed('gelu@example.com')).toBe(true);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
    const again = await transport.sendMail({
      envelope: { from: 'gelu@example.com', to: [t.platform.config.abuseEmail] },
      raw: report,
    });
    expect(again.response).toContain(first.id);
    const complaints = await db().selectFrom('complaints').select('id').where('inbound_id', '=', first.id).execute();
    expect(complaints).toHaveLength(1);
  });

  it('[REP-01] input that is not mail, or MIME nested 1,000 deep, is kept and processed without a crash and acts on nobody', async () => {
    const garbage = await deliver(t.platform.config.abuseEmail, `\x00\x01binary ${'\xff'.repeat(200)}\r\n`);
    expect(['processed', 'untraceable']).toContain(garbage.status);
    let nested = 'innermost\r\n';
    for (let i = 0; i < 1000; i++)
      nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
    const deep = await deliver(
      `fbl@${bounceHost}`,
      `Subject: deep\r\nMessage-ID: <deep-${engine}@x.example>\r\nMIME-Version: 1.0\r\n${nested}`,
    );
    expect(['processed', 'untraceable']).toContain(deep.status);
    const acted = await db()
      .selectFrom('complaints')
      .select('id')
      .where('inbound_id', 'in', [garbage.id, deep.id])
      .where('counted', '=', 1)
      .execute();
    expect(acted).toEqual([]);
  });
});
