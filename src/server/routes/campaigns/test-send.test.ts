// Test sends through the Fastify app on both engines, to a real SMTP server on 127.0.0.1: the
// message is the campaign's own (composer, footer, DKIM that mailauth verifies against the
// domain's published key), goes only to the team's verified address, counts in no report, and a
// relay refusal is an error, never a silent success.
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { campaignSender } from '../../../../test/helpers/campaigns.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/helpers/smtp.ts';

const DOMAIN = 'bakery-testsend.ro';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`campaign test send [${engine}]`, () => {
    let t: TestPlatform;
    let relay: SmtpCapture;
    let owner: SignedIn;
    let campaignId: string;
    const txt = new Map<string, string>();
    const resolver = async (name: string, type: string) => {
      const value = type === 'TXT' ? txt.get(name) : undefined;
      if (value) return [[value]];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };

    beforeAll(async () => {
      relay = await startSmtpCapture();
      t = await createTestPlatform(engine, {
        config: {
          delivery: {
            relays: [relay.url],
            maxAttempts: 2,
            relayConnections: 1,
            relayRatePerSecond: 100,
            accountRatePerSecond: 1000,
          },
        },
      });
      const sender = await campaignSender(t, DOMAIN);
      owner = sender.owner;
      await t.platform.database.db
        .updateTable('users')
        .set({ email_verified_at: t.clock.now().toISOString() })
        .where('id', '=', owner.userId)
        .execute();
      for (const r of sender.domain.records) if (r.type === 'TXT') txt.set(r.name.replace(/\.$/, ''), r.value);
      const created = await post('/api/v1/campaigns', {
        listId: sender.listId,
        name: 'Spring',
        subject: 'Fresh bread, {{ contact.first_name | default: "friend" }}',
        fromName: 'Bakery',
        fromEmail: `news@${DOMAIN}`,
        format: 'html',
        body: '<p>Hello {{ contact.first_name | default: "friend" }}, the spring loaves are in.</p>',
      });
      expect(created.statusCode, created.body).toBe(201);
      campaignId = created.json().id;
    });
    afterAll(async () => {
      await t?.close();
      await relay?.close();
    });
    const post = (url: string, payload?: unknown) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: owner.headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    it('[DEL-04, MSG-05] a test send reaches the team address as the campaign would: "[Test]" subject, defaults, footer, a valid DKIM signature', async () => {
      const res = await post(`/api/v1/campaigns/${campaignId}/test-send`, { to: owner.email.toUpperCase() });
      expect(res.statusCode, res.body).toBe(200);
      const [mail] = await relay.waitFor(1);
      expect(mail!.envelope.to).toEqual([owner.email.toLowerCase()]);
      expect(mail!.parsed.subject).toBe('[Test] Fresh bread, friend');
      expect(mail!.parsed.text).toContain('Hello friend, the spring loaves are in.');
      expect(mail!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
      const dkim = await dkimVerify(mail!.raw, { resolver });
      expect(dkim.results.map((r: { status: { result: string } }) => r.status.result)).toEqual(['pass']);
      expect(dkim.results[0]!.signingDomain).toBe(DOMAIN);
      // Not a send: no delivery record, nothing in the report.
      const report = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/report`, headers: owner.headers });
      expect(report.json().accepted ?? 0).toBe(0);
      const records = await t.platform.database.db.selectFrom('delivery_records').select('contact_id').execute();
      expect(records).toEqual([]);
    });

    it('a relay refusal answers 503 TEST_SEND_FAILED with the reply; a stranger is refused before anything is sent', async () => {
      const before = relay.messages.length;
      relay.failNext(1, 550);
      const refused = await post(`/api/v1/campaigns/${campaignId}/test-send`, { to: owner.email });
      expect(refused.statusCode).toBe(503);
      expect(refused.json().error.code).toBe('TEST_SEND_FAILED');
      expect(refused.json().error.message).toContain('550');
      const stranger = await post(`/api/v1/campaigns/${campaignId}/test-send`, { to: 'stranger@example.com' });
      expect(stranger.json().error.code).toBe('TEST_SEND_RECIPIENT');
      expect(relay.messages.length).toBe(before);
    });
  });
}
