// The SMS webhooks on both engines (issue 11, SMS-02): Twilio's inbound webhook signed the way
// Twilio signs it (HMAC-SHA1 over PUBLIC_URL + path and the sorted form parameters), with a stub of
// Twilio's Messages API on 127.0.0.1 as the only stand-in at the network edge; a bad signature is
// refused and records nothing; the generic gateway's webhook answers 404 while SMS_PROVIDER is Twilio.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { describeEachEngine } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { twilioSignature } from '../../../channels/sms/http/signatures.ts';
import { optOutConfirmation } from '../../../core/sms/replies.ts';
import { smsList } from '../../../db/repositories/permission.testkit.ts';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-0123456789';
const SENDER = '+40722999001';
const INBOUND_PATH = '/api/v1/webhooks/sms/twilio/inbound';

describeEachEngine('SMS webhooks: Twilio inbound', (_db, engine) => {
  let t: TestPlatform;
  let owner: SignedIn;
  let stub: Server;
  const posted: URLSearchParams[] = [];
  let deals: string;
  let alerts: string;

  const s = () => t.platform.services;
  const rows = () => t.database.db.selectFrom('sms_inbound').selectAll().execute();
  const twilioPost = (params: Record<string, string>, signature?: string) =>
    t.app.inject({
      method: 'POST',
      url: INBOUND_PATH,
      payload: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature ?? twilioSignature(TOKEN, `http://assent.test${INBOUND_PATH}`, params),
      },
    });

  beforeAll(async () => {
    stub = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        posted.push(new URLSearchParams(body));
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ sid: `SM${posted.length}`, status: 'queued', num_segments: '1' }));
      });
    });
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', () => r()));
    const port = (stub.address() as { port: number }).port;
    t = await createTestPlatform(engine, { config: { sms: { provider: `twilio://${SID}:${TOKEN}@127.0.0.1:${port}` } } });
    owner = await signUp(t.app);
    await s().smsSenders.add(owner.accountId, { sender: SENDER }, { type: 'user', id: owner.userId });
    deals = (await s().lists.create(owner.accountId, smsList('Deals'))).id;
    alerts = (await s().lists.create(owner.accountId, smsList('Alerts'))).id;
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => stub?.close(r));
  });

  const contactWith = async (phone: string) => {
    const { contact } = await s().contacts.upsert(owner.accountId, { phone, language: 'en' });
    await s().consent.record(
      owner.accountId,
      [deals, alerts].map((listId) => ({
        contactId: contact.id,
        listId,
        channel: 'sms' as const,
        kind: 'granted' as const,
        sourceType: 'operator' as const,
        textShown: 'I agree to receive SMS deals from Shop.',
      })),
    );
    return contact.id;
  };
  const statuses = async (contactId: string) => (await s().consent.stateFor(owner.accountId, contactId)).map((st) => st.status);

  it('[SMS-02] a bad Twilio signature is refused with WEBHOOK_SIGNATURE_INVALID and records nothing', async () => {
    const contactId = await contactWith('+40722123401');
    const params = { MessageSid: 'SMbad', From: '+40722123401', To: SENDER, Body: 'STOP' };
    const forged = await twilioPost(params, twilioSignature('another-token', `http://assent.test${INBOUND_PATH}`, params));
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: INBOUND_PATH,
      payload: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([unsigned.statusCode, unsigned.json().error.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
    // Signed, then changed: the body no longer matches the signature.
    const signature = twilioSignature(TOKEN, `http://assent.test${INBOUND_PATH}`, { ...params, Body: 'Hello' });
    const tampered = await twilioPost(params, signature);
    expect(tampered.statusCode).toBe(401);
    expect(await rows()).toEqual([]);
    expect(await statuses(contactId)).toEqual(['active', 'active']);
    expect(posted).toHaveLength(0);
  });

  it('[SMS-02] a signed Twilio STOP withdraws SMS consent on both lists before the 200, and one confirmation goes out through the API', async () => {
    const contactId = await contactWith('+40722123402');
    const res = await twilioPost({ MessageSid: 'SM1', From: '+40722123402', To: SENDER, Body: 'Stop' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/xml/);
    expect(res.body).toContain('<Response></Response>');
    // Stored and acted on before the answer: no waiting needed.
    expect(await statuses(contactId)).toEqual(['withdrawn', 'withdrawn']);
    const events = (await s().consent.eventsFor(owner.accountId, contactId)).filter((e) => e.kind === 'withdrawn');
    expect(events.map((e) => e.sourceType)).toEqual(['sms-keyword', 'sms-keyword']);
    expect(events[0]?.evidence).toMatchObject({ provider: 'twilio', to: SENDER });
    expect(posted).toHaveLength(1);
    expect(Object.fromEntries(posted[0]!)).toMatchObject({
      To: '+40722123402',
      From: SENDER,
      Body: optOutConfirmation({ program: 'Shop', language: 'en' }).text,
      StatusCallback: 'http://assent.test/api/v1/webhooks/sms/twilio/status',
    });
    // Twilio's retry of the same STOP: nothing more withdrawn, no second confirmation.
    const again = await twilioPost({ MessageSid: 'SM1', From: '+40722123402', To: SENDER, Body: 'Stop' });
    expect(again.statusCode).toBe(200);
    expect((await s().consent.eventsFor(owner.accountId, contactId)).filter((e) => e.kind === 'withdrawn')).toHaveLength(2);
    expect(posted).toHaveLength(1);
    expect((await rows()).map((r) => r.outcome).sort()).toEqual(['already-opted-out', 'opted-out']);
  });

  it('a signed Twilio status callback is taken (a final status counts as one receipt); a forged one is refused', async () => {
    const path = '/api/v1/webhooks/sms/twilio/status';
    const params = { MessageSid: 'SM1', MessageStatus: 'delivered' };
    const post = (signature: string) =>
      t.app.inject({
        method: 'POST',
        url: path,
        payload: new URLSearchParams(params).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      });
    const ok = await post(twilioSignature(TOKEN, `http://assent.test${path}`, params));
    expect([ok.statusCode, ok.json()]).toEqual([200, { receipts: 1 }]);
    const forged = await post(twilioSignature(TOKEN, `http://assent.test${INBOUND_PATH}`, params));
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
  });

  it('the generic gateway webhook answers 404 WEBHOOK_NOT_CONFIGURED while SMS_PROVIDER is Twilio', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/sms/generic/inbound',
      payload: JSON.stringify({ from: '+40722123402', to: SENDER, text: 'STOP' }),
      headers: { 'content-type': 'application/json' },
    });
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'WEBHOOK_NOT_CONFIGURED']);
  });
});
