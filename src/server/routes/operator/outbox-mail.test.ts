// Reading system mail in the outbox when no relay is configured (ACC-07): the signup's
// verification mail waits there, GET /api/v1/operator/outbox/:id shows it whole (as the relay
// would be handed it), its link verifies the address, and a resend queues another. Both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { signIn, signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import type { OutboxEntry } from './shapes.ts';
import type { OutboxMail } from './get-outbox-mail.ts';

const PASSWORD = 'correct horse battery staple';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`operator outbox mail (${engine})`, () => {
    let t: TestPlatform;
    let operator: SignedIn;

    async function outboxTo(email: string): Promise<OutboxEntry[]> {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/operator/outbox', headers: operator.headers });
      expect(res.statusCode).toBe(200);
      return (res.json() as OutboxEntry[]).filter((m) => m.to === email && m.template === 'verify-email');
    }

    async function getMail(id: string, who: SignedIn = operator) {
      return t.app.inject({ method: 'GET', url: `/api/v1/operator/outbox/${encodeURIComponent(id)}`, headers: who.headers });
    }

    beforeAll(async () => {
      // testConfig() sets no SMTP_URL: the embedded default without a relay.
      t = await createTestPlatform(engine);
      const email = `outbox-admin-${engine}@assent.test`;
      await t.platform.services.accounts.createOperator({ email, role: 'admin', password: PASSWORD });
      operator = await signIn(t.app, email, PASSWORD);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('[ACC-07] the verification mail waits in the outbox, is shown whole to an operator, and its link verifies the address', async () => {
      expect(t.platform.config.smtpUrl).toBeUndefined();
      const owner = await signUp(t.app);
      const [entry] = await outboxTo(owner.email);
      expect(entry).toMatchObject({ status: 'queued', category: 'critical' });

      const res = await getMail(entry!.id);
      expect(res.statusCode).toBe(200);
      const mail = res.json() as OutboxMail;
      expect(mail).toMatchObject({
        id: entry!.id,
        to: owner.email,
        from: t.platform.config.mailFrom,
        subject: entry!.subject,
        headers: { 'X-Assent-Mail': 'verify-email', 'Auto-Submitted': 'auto-generated' },
      });
      const pattern = /https?:\/\/[^\s"'<>]+\/app\/verify-email\?token=[A-Za-z0-9_-]+/;
      const link = pattern.exec(mail.text)?.[0];
      expect(link, mail.text).toBeDefined();
      expect(link!.startsWith(`${t.platform.config.publicUrl}/app/verify-email?token=`)).toBe(true);
      expect(mail.html).toContain('<html');
      expect(mail.html).toContain(`href="${link}"`);

      // Following the link: the page /app/verify-email posts its token to the API.
      const me = async () =>
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.headers })).json() as {
          user: { emailVerified: boolean };
        };
      expect((await me()).user.emailVerified).toBe(false);
      const token = new URL(link!).searchParams.get('token');
      const verify = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
      expect(verify.statusCode, verify.body).toBe(200);
      expect((await me()).user.emailVerified).toBe(true);
    });

    it('[ACC-07] a customer cannot read the outbox; an unknown id is 404 OUTBOX_MAIL_NOT_FOUND', async () => {
      const owner = await signUp(t.app);
      const [entry] = await outboxTo(owner.email);
      const asCustomer = await getMail(entry!.id, owner);
      expect(asCustomer.statusCode).toBe(403);
      expect(asCustomer.body).not.toContain('verify-email?token=');

      const unknown = await getMail('0190aaaa-0000-7000-8000-000000000000');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { code: 'OUTBOX_MAIL_NOT_FOUND' } });

      const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/operator/outbox/${entry!.id}` });
      expect(anonymous.statusCode).toBe(401);
    });

    it('[ACC-07] resending the verification queues a second verification mail with a working link', async () => {
      const owner = await signUp(t.app);
      expect(await outboxTo(owner.email)).toHaveLength(1);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email/resend', headers: owner.headers });
      expect(res.statusCode, res.body).toBe(202);
      const mails = await outboxTo(owner.email);
      expect(mails).toHaveLength(2);
      const newest = (await getMail(mails[0]!.id)).json() as OutboxMail;
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(newest.text)?.[1];
      expect(token).toBeDefined();
      const verify = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
      expect(verify.statusCode, verify.body).toBe(200);
    });
  });
}
