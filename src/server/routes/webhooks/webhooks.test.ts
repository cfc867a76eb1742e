// The relay webhooks on both engines (REP-01, REP-02): SES notifications signed the way SNS signs
// them (an RSA certificate made here with openssl, served at an SNS certificate URL by the one
// stand-in for Amazon's hosts, the fetch at the network edge) and SendGrid events signed with a
// P-256 key (its documented ECDSA scheme). Signed events are stored before the 200 and processed
// like bounces by mail; a bad signature, a foreign certificate host, another topic, a stale or
// unsigned SendGrid post are refused with their codes and store nothing.
import { execFileSync } from 'node:child_process';
import { createSign, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BOUNCES } from '../../../../test/corpus/bounce-corpus.ts';
import { campaignSender } from '../../../../test/helpers/campaigns.ts';
import { describeEachEngine } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { snsStringToSign, type SnsMessage } from '../../../channels/webhooks/sns.ts';
import { createProviderWebhooks } from '../../../channels/webhooks/provider-webhooks.ts';
import { silentLogger } from '../../../core/ports.ts';

const SES_CORPUS = join(BOUNCES, 'obsoleted');
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:assent-ses';
const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem';
const SUBSCRIBE_URL = `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=tok`;

/** An RSA key and a self-signed certificate for it (openssl, as SNS's would be). */
function snsCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'assent-sns-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=sns.amazonaws.com',
        '-days',
        '2',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachEngine('relay webhooks: SES via SNS and SendGrid', (_db, engine) => {
  let t: TestPlatform;
  let rsa: { key: string; cert: string };
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const fetched: string[] = [];

  const snsSigned = (
    fields: Omit<SnsMessage, 'Signature' | 'SignatureVersion' | 'SigningCertURL'>,
    version = '1',
    certUrl = CERT_URL,
  ) => {
    const m = { ...fields, SignatureVersion: version, SigningCertURL: certUrl, Signature: '' } as SnsMessage;
    m.Signature = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256')
      .update(snsStringToSign(m), 'utf8')
      .sign(rsa.key, 'base64');
    return m;
  };
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/plain; charset=UTF-8', ...headers } });
  const stored = () => t.database.db.selectFrom('inbound_messages').selectAll().execute();

  beforeAll(async () => {
    rsa = snsCertificate();
    t = await createTestPlatform(engine, {
      config: {
        sesSnsTopics: [TOPIC],
        sendgridWebhookKey: ec.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      },
      fetch: async (url) => {
        fetched.push(url);
        if (url === CERT_URL) return new Response(rsa.cert, { status: 200 });
        if (url === SUBSCRIBE_URL) return new Response('<ConfirmSubscriptionResponse/>', { status: 200 });
        return new Response('not found', { status: 404 });
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('[REP-01] a signed SES bounce notification is stored once, and processed it suppresses the recipient its Message-ID traces to', async () => {
    // A message Assent sent: a delivery record with our Message-ID.
    const sender = await campaignSender(t, `ses-${engine}-assent.ro`);
    const contact = (
      await t.platform.services.contacts.upsert(sender.owner.accountId, { email: 'bounce@simulator.amazonses.com' })
    ).contact;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: sender.owner.headers,
      payload: {
        name: 'SES',
        listId: sender.listId,
        subject: 'News',
        fromName: 'Shop',
        fromEmail: `news@ses-${engine}-assent.ro`,
        format: 'html',
        body: '<p>News.</p>',
      },
    });
    const campaignId = created.json().id as string;
    const messageId = `<${randomUUID()}@ses-${engine}-assent.ro>`;
    const at = t.clock.now().toISOString();
    await t.database.db
      .insertInto('delivery_records')
      .values({
        campaign_id: campaignId,
        contact_id: contact.id,
        account_id: sender.owner.accountId,
        status: 'accepted',
        reason: null,
        attempts: 1,
        bounce_type: null,
        smtp_reply: '250 Ok',
        queue_id: null,
        relay: 'email-smtp.eu-west-1.amazonaws.com:587',
        message_id: messageId,
        sample: 0,
        next_attempt_at: at,
        claimed_by: null,
        lease_until: null,
        updated_at: at,
      })
      .execute();
    const ses = JSON.parse(readFileSync(join(SES_CORPUS, 'json-amazonses-01.json'), 'utf8'));
    ses.mail.commonHeaders = { ...(ses.mail.commonHeaders ?? {}), messageId };
    const m = snsSigned({
      Type: 'Notification',
      MessageId: randomUUID(),
      TopicArn: TOPIC,
      Message: JSON.stringify(ses),
      Timestamp: at,
    });
    const res = await post('/api/v1/webhooks/ses', JSON.stringify(m));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toBe('stored');
    const again = await post('/api/v1/webhooks/ses', JSON.stringify(m));
    expect(again.json()).toEqual({ outcome: 'duplicate', id: res.json().id });
    const rows = (await stored()).filter((r) => r.source === 'ses');
    expect(rows).toHaveLength(1);

    const outcome = await t.platform.services.inboundProcessor.process(res.json().id);
    expect(outcome?.results).toEqual([expect.objectContaining({ kind: 'hard', traced: 'message-id', action: 'suppressed' })]);
    expect(
      await t.platform.services.suppression.isSuppressed(sender.owner.accountId, ['bounce@simulator.amazonses.com']),
    ).toEqual(new Set(['bounce@simulator.amazonses.com']));
  });

  it('[REP-01] a subscription confirmation (signature version 2) is confirmed by a GET of its SNS SubscribeURL', async () => {
    const m = snsSigned(
      {
        Type: 'SubscriptionConfirmation',
        MessageId: randomUUID(),
        TopicArn: TOPIC,
        Message: 'confirm',
        Timestamp: new Date().toISOString(),
        SubscribeURL: SUBSCRIBE_URL,
        Token: 'tok',
      },
      '2',
    );
    const res = await post('/api/v1/webhooks/ses', JSON.stringify(m));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toBe('subscribed');
    expect(fetched).toContain(SUBSCRIBE_URL);
  });

  it('[REP-01] refused, nothing stored: a changed message, a certificate off SNS hosts, another topic, not an SNS message', async () => {
    const before = (await stored()).length;
    const base = {
      Type: 'Notification' as const,
      MessageId: randomUUID(),
      TopicArn: TOPIC,
      Message: '{"notificationType":"Bounce"}',
      Timestamp: new Date().toISOString(),
    };
    const tampered = { ...snsSigned(base), Message: '{"notificationType":"Complaint"}' };
    const r1 = await post('/api/v1/webhooks/ses', JSON.stringify(tampered));
    expect([r1.statusCode, r1.json().error.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
    const foreign = snsSigned(base, '1', 'https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem');
    const r2 = await post('/api/v1/webhooks/ses', JSON.stringify(foreign));
    expect([r2.statusCode, r2.json().error.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
    expect(fetched.some((u) => u.includes('evil.example'))).toBe(false);
    const other = snsSigned({ ...base, TopicArn: 'arn:aws:sns:eu-west-1:999999999999:someone-else' });
    const r3 = await post('/api/v1/webhooks/ses', JSON.stringify(other));
    expect([r3.statusCode, r3.json().error.code]).toEqual([403, 'WEBHOOK_TOPIC_NOT_ALLOWED']);
    const r4 = await post('/api/v1/webhooks/ses', 'this is not json');
    expect([r4.statusCode, r4.json().error.code]).toEqual([400, 'WEBHOOK_PAYLOAD_INVALID']);
    expect((await stored()).length).toBe(before);
  });

  it('[REP-02] signed SendGrid events are stored one per event; a bad signature or a stale timestamp is refused', async () => {
    const events = JSON.parse(readFileSync(join(SES_CORPUS, 'json-sendgrid-01.json'), 'utf8')) as Record<string, unknown>[];
    const body = JSON.stringify([
      ...events.map((e) => ({ ...e, event: 'bounce', sg_event_id: randomUUID() })),
      { email: 'reader@example.com', event: 'spamreport', sg_event_id: randomUUID(), timestamp: 1_700_000_000 },
    ]);
    const ts = String(Math.floor(t.clock.now().getTime() / 1000));
    const signature = sign('sha256', Buffer.from(ts + body), ec.privateKey).toString('base64');
    const headers = {
      'content-type': 'application/json',
      'x-twilio-email-event-webhook-signature': signature,
      'x-twilio-email-event-webhook-timestamp': ts,
    };
    const before = (await stored()).length;
    const res = await post('/api/v1/webhooks/sendgrid', body, headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ stored: events.length + 1, duplicates: 0 });
    expect((await post('/api/v1/webhooks/sendgrid', body, headers)).json()).toEqual({ stored: 0, duplicates: events.length + 1 });
    expect((await stored()).filter((r) => r.source === 'sendgrid')).toHaveLength(events.length + 1);

    const bad = await post('/api/v1/webhooks/sendgrid', body.replace('spamreport', 'delivered'), headers);
    expect([bad.statusCode, bad.json().error.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
    const staleTs = String(Number(ts) - 3600);
    const stale = await post('/api/v1/webhooks/sendgrid', body, {
      ...headers,
      'x-twilio-email-event-webhook-timestamp': staleTs,
      'x-twilio-email-event-webhook-signature': sign('sha256', Buffer.from(staleTs + body), ec.privateKey).toString('base64'),
    });
    expect([stale.statusCode, stale.json().error.code]).toEqual([401, 'WEBHOOK_STALE']);
    const unsigned = await post('/api/v1/webhooks/sendgrid', body, { 'content-type': 'application/json' });
    expect(unsigned.statusCode).toBe(401);
    expect((await stored()).length).toBe(before + events.length + 1);
  });

  it('[REP-01] without configuration each webhook answers WEBHOOK_NOT_CONFIGURED', async () => {
    const off = createProviderWebhooks({
      intake: t.platform.services.inbound,
      sesTopics: [],
      fetch: async () => new Response('', { status: 500 }),
      clock: t.clock,
      logger: silentLogger,
    });
    await expect(off.ses('{}')).rejects.toMatchObject({ code: 'WEBHOOK_NOT_CONFIGURED' });
    await expect(off.sendgrid('[]', 'x', '1')).rejects.toMatchObject({ code: 'WEBHOOK_NOT_CONFIGURED' });
  });
});
