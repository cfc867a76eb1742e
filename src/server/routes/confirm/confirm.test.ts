// Double opt-in end to end over HTTP on both engines, with the confirmation mail read at a real
// SMTP server on 127.0.0.1 (CON-06, SEC-02).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/helpers/smtp.ts';
import { CONFIRM_TOKEN_TTL_MS } from '../../../core/forms/signup.ts';
import { testConfig } from '../../../config/config.ts';
import { signToken, verifyToken } from '../../../core/tokens/signed-token.ts';
import {
  accountWithLists,
  createPublishedForm,
  definition,
  nextIp,
  openForm,
  postForm,
  type FormFixture,
} from '../forms/testing.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`double opt-in [${engine}]`, () => {
    let t: TestPlatform;
    let smtp: SmtpCapture;
    let fx: FormFixture;
    let formId: string;
    beforeAll(async () => {
      smtp = await startSmtpCapture();
      t = await createTestPlatform(engine, { worker: true, config: { smtpUrl: smtp.url } });
      fx = await accountWithLists(t.app);
      formId = await createPublishedForm(t.app, fx.owner, definition(fx.lists));
    });
    afterAll(async () => {
      await t?.close();
      await smtp?.close();
    });

    /** Signs up for the double opt-in list and returns the confirmation link from the mail. */
    async function signUpAndReadMail(email: string): Promise<{ token: string; contactId: string }> {
      const page = await openForm(t.app, formId);
      t.clock.advance(5_000);
      const res = await postForm(t.app, formId, { _version: page.version, _started: page.started, email, box_news: 'yes' });
      expect(res.body).toContain('Check your inbox');
      // Other mail (the owner's verification) may arrive meanwhile: wait for this address's.
      let mail = smtp.messages.find((m) => m.envelope.to.includes(email));
      for (let i = 0; !mail && i < 200; i++) {
        await smtp.waitFor(smtp.messages.length + 1).catch(() => undefined);
        mail = smtp.messages.find((m) => m.envelope.to.includes(email));
      }
      expect(mail).toBeDefined();
      const link = /http:\/\/assent\.test\/confirm\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail!.parsed.text ?? '');
      expect(link).not.toBeNull();
      const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email });
      return { token: link![1]!, contactId: contact!.id };
    }
    const events = (contactId: string) => t.platform.services.consent.eventsFor(fx.owner.accountId, contactId);
    const decision = async (contactId: string) =>
      (
        await t.platform.services.gate.authorizeSend({
          accountId: fx.owner.accountId,
          listId: fx.lists.news,
          channel: 'email',
          contactIds: [contactId],
        })
      ).get(contactId);

    it('[CON-06] the confirmation mail arrives at the SMTP server with the link; the pending contact is not sendable; GET shows a button and changes nothing; POST confirms with time, IP and UA', async () => {
      const { token, contactId } = await signUpAndReadMail('dora@example.com');
      expect((await events(contactId)).map((e) => e.kind)).toEqual(['requested']);
      expect(await decision(contactId)).toEqual({ allowed: false, reason: 'pending-confirmation' });

      const get = await t.app.inject({ method: 'GET', url: `/confirm/${token}` });
      expect(get.statusCode).toBe(200);
      expect(get.body).toMatch(
        /<form method="post" action="\/confirm\/[^"]+"><button type="submit">Yes, confirm my subscription/,
      );
      await t.app.inject({ method: 'GET', url: `/confirm/${token}` });
      expect((await events(contactId)).map((e) => e.kind)).toEqual(['requested']);
      expect(await decision(contactId)).toEqual({ allowed: false, reason: 'pending-confirmation' });

      t.clock.advance(60_000);
      const ip = nextIp();
      const post = await t.app.inject({
        method: 'POST',
        url: `/confirm/${token}`,
        remoteAddress: ip,
        headers: { 'user-agent': 'Confirmer/2.0', 'content-type': 'application/x-www-form-urlencoded' },
        payload: '',
      });
      expect(post.statusCode).toBe(200);
      expect(post.body).toContain('your subscription is confirmed');
      const after = await events(contactId);
      expect(after.map((e) => e.kind)).toEqual(['requested', 'confirmed']);
      expect(after[1]).toMatchObject({
        confirmedAt: t.clock.now().toISOString(),
        confirmIp: ip,
        confirmUserAgent: 'Confirmer/2.0',
        formId,
        formVersion: 1,
        textShown: after[0]!.textShown,
      });
      expect(await decision(contactId)).toEqual({ allowed: true });
    });

    it('[CON-06] the token is single-use: a second POST records no new event', async () => {
      const { token, contactId } = await signUpAndReadMail('eli@example.com');
      expect((await t.app.inject({ method: 'POST', url: `/confirm/${token}` })).statusCode).toBe(200);
      const second = await t.app.inject({ method: 'POST', url: `/confirm/${token}` });
      expect(second.statusCode).toBe(200);
      expect(second.body).toContain('already confirmed');
      expect((await events(contactId)).map((e) => e.kind)).toEqual(['requested', 'confirmed']);
    });

    it('[CON-06][SEC-02] an expired, forged or altered token shows a clear page and changes nothing', async () => {
      const { token, contactId } = await signUpAndReadMail('finn@example.com');
      const [payload, sig] = token.split('.') as [string, string];
      const altered = `${payload.slice(0, 3)}${payload[3] === 'A' ? 'B' : 'A'}${payload.slice(4)}.${sig}`;
      // Forged: the genuine payload (this confirmation's id and issue time) signed with another
      // secret, so only the signature check can refuse it.
      const genuine = verifyToken(testConfig().secret!, 'confirm', token);
      if (!genuine.ok) throw new Error('the mailed token does not verify with the test secret');
      const forged = signToken('some-other-secret-some-other-secret-0000', 'confirm', genuine.fields);
      expect(forged.split('.')[0]).toBe(payload);
      for (const bad of [altered, forged, 'nonsense']) {
        const res = await t.app.inject({ method: 'POST', url: `/confirm/${bad}` });
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('This link does not work');
        expect(res.body).toContain('not valid');
      }
      t.clock.advance(CONFIRM_TOKEN_TTL_MS + 1_000);
      const expired = await t.app.inject({ method: 'POST', url: `/confirm/${token}` });
      expect(expired.statusCode).toBe(400);
      expect(expired.body).toContain('expired');
      const getExpired = await t.app.inject({ method: 'GET', url: `/confirm/${token}` });
      expect(getExpired.body).toContain('expired');
      expect((await events(contactId)).map((e) => e.kind)).toEqual(['requested']);
      expect(await decision(contactId)).toEqual({ allowed: false, reason: 'pending-confirmation' });
    });
  });
}
