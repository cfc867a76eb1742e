// The operator console and the standing API end to end: real sessions and API keys, the worker
// delivering system mail to a real SMTP server on 127.0.0.1, both engines (ACC-02, ACC-04..07).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../../../test/helpers/smtp.ts';

const PASSWORD = 'correct horse battery staple';

/** A cookie jar over app.inject(), sending the CSRF token on state changes. */
class Client {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  bearer: string | null = null;
  readonly t: TestPlatform;
  constructor(t: TestPlatform) {
    this.t = t;
  }
  async call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await this.t.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
    return res;
  }
  async login(email: string) {
    const res = await this.call('POST', '/api/v1/auth/login', { email, password: PASSWORD });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    this.csrf = (await this.call('GET', '/api/v1/auth/csrf')).json().token;
    return this;
  }
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`operator console and standing API (${engine})`, () => {
    let t: TestPlatform;
    let capture: SmtpCapture;
    let admin: Client;
    let reviewer: Client;
    let n = 0;

    async function signup(options: { industry?: string } = {}) {
      n++;
      const email = `owner${n}-${engine}@example.test`;
      const c = new Client(t);
      const res = await c.call('POST', '/api/v1/auth/signup', {
        email,
        password: PASSWORD,
        companyName: `Company ${n}`,
        postalAddress: 'Str. Exemplu 1, Cluj-Napoca',
        industry: options.industry ?? 'retail',
        declaredSending: 'A monthly newsletter to customers who opted in',
        acceptTerms: true,
        acceptAntiSpam: true,
      });
      if (res.statusCode !== 202) throw new Error(`signup failed: ${res.body}`);
      // Signup signs nobody in (routes/auth/signup.ts): the owner signs in with the password.
      await c.login(email);
      const me = (await c.call('GET', '/api/v1/me')).json() as { account: { id: string } };
      return { client: c, email, accountId: me.account.id };
    }

    const mailTo = async (email: string, subject: RegExp, count = 1): Promise<CapturedMail[]> => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = capture.messages.filter((m) => m.envelope.to.includes(email) && subject.test(m.parsed.subject ?? ''));
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${email}`);
        t.clock.advance(1_000);
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    beforeAll(async () => {
      capture = await startSmtpCapture();
      t = await createTestPlatform(engine, { config: { smtpUrl: capture.url }, worker: true });
      await t.platform.services.accounts.createOperator({
        email: `admin-${engine}@assent.test`,
        role: 'admin',
        password: PASSWORD,
      });
      await t.platform.services.accounts.createOperator({
        email: `reviewer-${engine}@assent.test`,
        role: 'reviewer',
        password: PASSWORD,
      });
      admin = await new Client(t).login(`admin-${engine}@assent.test`);
      reviewer = await new Client(t).login(`reviewer-${engine}@assent.test`);
    });
    afterAll(async () => {
      await t?.platform.services.systemMailDelivery.close();
      await t?.close();
      await capture?.close();
    });

    it('[ACC-04] [ACC-07] a standing change is audited and its notice reaches the owner over SMTP with the reason', async () => {
      const owner = await signup();
      const at = t.clock.now().toISOString();
      const res = await reviewer.call('POST', `/api/v1/operator/accounts/${owner.accountId}/standing`, {
        action: 'restrict',
        reason: 'Imported a list scraped from the web',
        rule: 'anti-spam-3',
        services: ['import'],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: owner.accountId, standing: 'restricted', restrictedServices: ['import'] });
      const [mail] = await mailTo(owner.email, /restricted/);
      expect(mail!.parsed.text).toContain('Imported a list scraped from the web');
      expect(mail!.parsed.text).toContain('contact import');

      const detail = (await admin.call('GET', `/api/v1/operator/accounts/${owner.accountId}`)).json();
      expect(detail.history[0]).toMatchObject({
        action: 'standing.restrict',
        actorType: 'operator',
        reason: 'Imported a list scraped from the web',
        rule: 'anti-spam-3',
      });
      expect(detail.history[0].at).toBe(at);
      const audit = (await admin.call('GET', `/api/v1/operator/audit?accountId=${owner.accountId}`)).json();
      expect(audit.map((e: { action: string }) => e.action)).toContain('standing.restrict');

      const mine = await owner.client.call('GET', '/api/v1/account/standing');
      expect(mine.json()).toMatchObject({
        standing: 'restricted',
        restrictedServices: ['import'],
        reason: 'Imported a list scraped from the web',
        refundEligible: true,
      });
    });

    it('[ACC-05] [ACC-06] a block refuses the API at once with ACCOUNT_BLOCKED and marks the account not refund-eligible', async () => {
      const owner = await signup();
      const key = await owner.client.call('POST', '/api/v1/api-keys', {
        name: 'integration',
        scopes: ['contacts:write', 'account:read'],
      });
      expect(key.statusCode).toBe(201);
      const api = new Client(t);
      api.bearer = key.json().key;
      expect((await api.call('GET', '/api/v1/account/standing')).statusCode).toBe(200);

      expect(
        (
          await reviewer.call('POST', `/api/v1/operator/accounts/${owner.accountId}/standing`, {
            action: 'block',
            reason: 'Purchased list',
          })
        ).json(),
      ).toMatchObject({ error: { code: 'OPERATOR_ONLY' } });
      const blocked = await admin.call('POST', `/api/v1/operator/accounts/${owner.accountId}/standing`, {
        action: 'block',
        reason: 'Sent to a purchased list',
        rule: 'anti-spam-2',
      });
      expect(blocked.statusCode).toBe(200);
      expect(blocked.json()).toMatchObject({ standing: 'blocked', refundEligible: false });

      const refused = await api.call('GET', '/api/v1/account/standing');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('ACCOUNT_BLOCKED');
      for (const service of ['import', 'email', 'sms', 'api'] as const) {
        await expect(t.platform.services.standing.assertServiceAllowed(owner.accountId, service)).rejects.toMatchObject({
          code: 'ACCOUNT_BLOCKED',
        });
      }
      const detail = (await admin.call('GET', `/api/v1/operator/accounts/${owner.accountId}`)).json();
      expect(detail.billing).toMatchObject({
        refundEligible: false,
        refundNote: 'blocked for violation of the Anti-Spam Policy: no refund',
      });
      const [mail] = await mailTo(owner.email, /blocked/);
      expect(mail!.parsed.text).toContain('Sent to a purchased list');
      expect(mail!.parsed.text).toContain('not refunded');
    });

    it('[ACC-04] answers 409 INVALID_TRANSITION for a move the machine does not allow, 400 for unknown fields', async () => {
      const owner = await signup();
      const res = await admin.call('POST', `/api/v1/operator/accounts/${owner.accountId}/standing`, {
        action: 'reinstate',
        reason: 'nothing to lift',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('INVALID_TRANSITION');
      const extra = await admin.call('POST', `/api/v1/operator/accounts/${owner.accountId}/standing`, {
        action: 'warn',
        reason: 'x',
        note: 'unknown',
      });
      expect(extra.statusCode).toBe(400);
      const missing = await admin.call('POST', '/api/v1/operator/accounts/no-such-account/standing', {
        action: 'warn',
        reason: 'x',
      });
      expect(missing.statusCode).toBe(404);
    });

    it('[ACC-03] [ACC-04] a customer gets 403 OPERATOR_ONLY on every operator endpoint', async () => {
      const owner = await signup();
      const calls = [
        owner.client.call('GET', '/api/v1/operator/accounts'),
        owner.client.call('GET', `/api/v1/operator/accounts/${owner.accountId}`),
        owner.client.call('POST', `/api/v1/operator/accounts/${owner.accountId}/standing`, {
          action: 'reinstate',
          reason: 'self-service',
        }),
        owner.client.call('POST', `/api/v1/operator/accounts/${owner.accountId}/signup-review`, {
          decision: 'approve',
          reason: 'me',
        }),
        owner.client.call('GET', '/api/v1/operator/audit'),
        owner.client.call('GET', '/api/v1/operator/outbox'),
        owner.client.call('POST', '/api/v1/operator/notices', { all: true, category: 'critical', subject: 'x', body: 'y' }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('OPERATOR_ONLY');
      }
      expect((await new Client(t).call('GET', '/api/v1/operator/accounts')).statusCode).toBe(401);
    });

    it('[ACC-02] an operator approves a signup held for review; the owner is told and may then send', async () => {
      const owner = await signup({ industry: 'real-estate' });
      const list = (await reviewer.call('GET', '/api/v1/operator/accounts?review=pending')).json();
      expect(list.map((a: { id: string }) => a.id)).toContain(owner.accountId);
      const found = (
        await reviewer.call('GET', `/api/v1/operator/accounts?q=${encodeURIComponent(owner.email.toUpperCase())}`)
      ).json();
      expect(found).toEqual([
        expect.objectContaining({ id: owner.accountId, ownerEmail: owner.email, review: 'pending', standing: 'active' }),
      ]);
      await expect(t.platform.services.standing.assertServiceAllowed(owner.accountId, 'email')).rejects.toMatchObject({
        code: 'ACCOUNT_UNDER_REVIEW',
      });
      const res = await reviewer.call('POST', `/api/v1/operator/accounts/${owner.accountId}/signup-review`, {
        decision: 'approve',
        reason: 'Agency with its own opted-in buyers list',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().review).toBe('none');
      await expect(t.platform.services.standing.assertServiceAllowed(owner.accountId, 'email')).resolves.toBeUndefined();
      const [mail] = await mailTo(owner.email, /approved/);
      expect(mail!.parsed.text).toContain('Agency with its own opted-in buyers list');
    });

    it('[ACC-07] a notice to all accounts reaches each owner; feature news skips the owner who turned it off, a critical notice does not', async () => {
      const a = await signup();
      const b = await signup();
      const off = await owner2OptOut(b.client);
      expect(off).toBe(200);
      const critical = await admin.call('POST', '/api/v1/operator/notices', {
        all: true,
        category: 'critical',
        subject: `Maintenance ${engine}`,
        body: 'Tonight 22:00-23:00.',
      });
      expect(critical.statusCode).toBe(202);
      await mailTo(a.email, new RegExp(`Maintenance ${engine}`));
      await mailTo(b.email, new RegExp(`Maintenance ${engine}`));
      expect(critical.json().queued).toBeGreaterThanOrEqual(2);

      const news = await admin.call('POST', '/api/v1/operator/notices', {
        all: true,
        category: 'feature-news',
        subject: `SMS launch ${engine}`,
        body: 'SMS sending is here.',
      });
      expect(news.json().suppressed).toBeGreaterThanOrEqual(1);
      await mailTo(a.email, new RegExp(`SMS launch ${engine}`));
      const outbox = (await admin.call('GET', '/api/v1/operator/outbox?status=suppressed')).json();
      expect(
        outbox.find((r: { to: string; subject: string }) => r.to === b.email && r.subject === `SMS launch ${engine}`),
      ).toBeTruthy();
      expect(capture.messages.some((m) => m.envelope.to.includes(b.email) && m.parsed.subject === `SMS launch ${engine}`)).toBe(
        false,
      );

      const one = await reviewer.call('POST', '/api/v1/operator/notices', {
        accountId: a.accountId,
        category: 'critical',
        subject: `Just you ${engine}`,
        body: 'Hello.',
      });
      expect(one.json()).toEqual({ queued: 1, suppressed: 0 });
      expect(
        (await reviewer.call('POST', '/api/v1/operator/notices', { all: true, category: 'critical', subject: 's', body: 'b' }))
          .statusCode,
      ).toBe(403);
    });

    it('[ACC-07] a 4xx from the relay is retried with back-off and then delivered; a 5xx marks the mail failed', async () => {
      const a = await signup();
      await mailTo(a.email, /Confirm your email/);
      capture.failNext(1, 451);
      await admin.call('POST', '/api/v1/operator/notices', {
        accountId: a.accountId,
        category: 'critical',
        subject: `Retry me ${engine}`,
        body: 'x',
      });
      await mailTo(a.email, new RegExp(`Retry me ${engine}`));
      const sent = (await admin.call('GET', `/api/v1/operator/outbox?accountId=${a.accountId}&status=sent`)).json();
      expect(sent.find((r: { subject: string }) => r.subject === `Retry me ${engine}`)).toMatchObject({
        status: 'sent',
        attempts: 2,
      });

      capture.failNext(1, 554);
      await admin.call('POST', '/api/v1/operator/notices', {
        accountId: a.accountId,
        category: 'critical',
        subject: `Refused ${engine}`,
        body: 'x',
      });
      const deadline = Date.now() + 20_000;
      let failed: { status: string; lastError: string } | undefined;
      while (!failed && Date.now() < deadline) {
        const rows = (await admin.call('GET', `/api/v1/operator/outbox?accountId=${a.accountId}&status=failed`)).json();
        failed = rows.find((r: { subject: string }) => r.subject === `Refused ${engine}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(failed).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/554/) });
    });

    async function owner2OptOut(c: Client): Promise<number> {
      return (await c.call('PATCH', '/api/v1/account', { featureNews: false })).statusCode;
    }
  });

  describe.skipIf(engine === 'postgres' && !pgAvailable())(`system mail without a relay (${engine})`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine, { worker: true });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('[ACC-07] mail stays queued in the outbox, visible to operators, never dropped', async () => {
      const id = await t.platform.services.systemMail.enqueue({
        to: 'someone@example.test',
        template: 'notice',
        data: { subject: 'Waiting', body: 'x' },
      });
      const deadline = Date.now() + 20_000;
      let row = await t.platform.services.systemMail.get(id);
      while (row?.lastError === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        row = await t.platform.services.systemMail.get(id);
      }
      expect(row).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/No SMTP relay/) });
      expect((await t.platform.services.systemMail.listOutbox({ status: 'queued' })).map((r) => r.id)).toContain(id);
    });
  });
}
