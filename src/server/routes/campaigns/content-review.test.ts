// The content review's outcomes through the HTTP API on both engines (CNT-02, CNT-05): a reviewer's
// decision is audited and mailed to the owner, a rejected campaign tells its owner why (category,
// matched text, the reviewer's note), repeated rejects restrict email sending through the standing
// service, and an edit after approval goes back to review with the gate refusing meanwhile.
// The screen is the real one (policy/content); the content below is what it holds or rejects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_STANDING } from '../../../../policy/content/standing.ts';
import { signIn, signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

/** Held by the screen (dating: a high-complaint topic with weak evidence). */
const HELD = {
  subject: 'Singles near you want to meet tonight',
  body: '<p>2,345 single women in your city are online right now. Create your free dating profile and start chatting in 60 seconds.</p>',
};
/** Rejected by the screen (weight-loss products, promoted). */
const REJECTED = {
  subject: 'Lose 10 kg in 10 days',
  body: '<p>Lose weight fast with our new diet pills: fat burner capsules, order now at half price!</p>',
};
const BENIGN = { subject: 'Fresh bread this week', body: '<p>Our bakery opens at 8 on Saturday. New sourdough this week.</p>' };
const REVIEWER = { email: 'content-reviewer@assent.test', password: 'reviewer password 123' };

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`content review outcomes [${engine}]`, () => {
    let t: TestPlatform;
    let reviewer: SignedIn;

    beforeAll(async () => {
      t = await createTestPlatform(engine);
      await t.platform.services.accounts.createOperator({ email: REVIEWER.email, role: 'reviewer', password: REVIEWER.password });
      reviewer = await signIn(t.app, REVIEWER.email, REVIEWER.password);
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn, payload?: unknown) =>
      t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

    /** A new customer with an email list, a verified sending domain and one consenting contact. */
    async function customer(domain: string) {
      const owner = await signUp(t.app);
      const list = await call('POST', '/api/v1/lists', owner, {
        name: 'News',
        purposeText: 'Monthly news by email.',
        channel: 'email',
        frequency: 'monthly',
        senderName: 'Shop',
      });
      expect(list.statusCode, list.body).toBe(201);
      const listId = list.json().id as string;
      const d = await call('POST', '/api/v1/sending-domains', owner, { domain });
      expect(d.statusCode, d.body).toBe(201);
      await t.platform.database.db
        .updateTable('sending_domains')
        .set({ status: 'verified', verified_at: t.clock.now().toISOString() })
        .where('id', '=', d.json().id)
        .execute();
      const services = t.platform.services;
      const contact = (await services.contacts.upsert(owner.accountId!, { email: `ana@${domain}` })).contact.id;
      await services.consent.record(owner.accountId!, [
        { contactId: contact, listId, channel: 'email', kind: 'granted', sourceType: 'form', textShown: 'Yes, email me.' },
      ]);
      const submit = async (content: { subject: string; body: string }, name = 'Campaign') => {
        const created = await call('POST', '/api/v1/campaigns', owner, {
          name,
          listId,
          fromName: 'Shop',
          fromEmail: `news@${domain}`,
          format: 'html',
          ...content,
        });
        expect(created.statusCode, created.body).toBe(201);
        const submitted = await call('POST', `/api/v1/campaigns/${created.json().id}/submit`, owner);
        expect(submitted.statusCode, submitted.body).toBe(200);
        return submitted.json() as { id: string; status: string };
      };
      const gate = async (campaignId: string) =>
        (
          await services.gate.authorizeSend({
            accountId: owner.accountId!,
            listId,
            channel: 'email',
            contactIds: [contact],
            contextId: campaignId,
          })
        ).get(contact);
      const mails = () =>
        t.platform.database.db
          .selectFrom('system_mail')
          .select(['template', 'to_address', 'text_body'])
          .where('account_id', '=', owner.accountId!)
          .where('template', '=', 'campaign-review-outcome')
          .orderBy('created_at')
          .execute();
      return { owner, listId, submit, gate, mails };
    }

    const decide = (id: string, decision: 'approve' | 'reject', note: string) =>
      call('POST', `/api/v1/operator/campaign-reviews/${id}`, reviewer, { decision, note });

    it("[CNT-02] a reviewer's approve and reject are audited and mailed to the owner; the rejected campaign shows its owner the category, the matched text and the note", async () => {
      const c = await customer('review-outcome-test.ro');
      const held = await c.submit(HELD, 'Singles night');
      expect(held.status).toBe('in-review');

      // The queue gives the reviewer the message as screened, the declared industry and the history.
      const queue = await call('GET', '/api/v1/operator/campaign-reviews', reviewer);
      expect(queue.statusCode, queue.body).toBe(200);
      const item = queue.json().items.find((i: { campaign: { id: string } }) => i.campaign.id === held.id);
      expect(item).toMatchObject({ industry: 'retail', recentRejects: 0 });
      expect(item.html).toContain('dating profile');
      const spans = item.findings.flatMap(
        (f: { spans: { field: string; start: number; end: number; excerpt: string }[] }) => f.spans,
      );
      const inHtml = spans.find((s: { field: string }) => s.field === 'html');
      expect(item.html.slice(inHtml.start, inHtml.end)).toBe(inHtml.excerpt);

      const note = 'Dating promotion to a retail list; not what the account declared.';
      const rejected = await decide(held.id, 'reject', note);
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(rejected.json().status).toBe('rejected');
      const audit = await t.platform.database.db
        .selectFrom('audit_log')
        .select(['actor_type', 'reason'])
        .where('account_id', '=', c.owner.accountId!)
        .where('action', '=', 'campaign.review-rejected')
        .execute();
      expect(audit).toEqual([{ actor_type: 'operator', reason: note }]);

      // The customer sees why: GET the campaign (the verdict's findings) and its review (names and note).
      const got = await call('GET', `/api/v1/campaigns/${held.id}`, c.owner);
      expect(got.json().verdict.decision).toBe('reject');
      expect(got.json().verdict.findings.map((f: { category: string }) => f.category)).toContain('dating');
      const review = await call('GET', `/api/v1/campaigns/${held.id}/review`, c.owner);
      expect(review.statusCode, review.body).toBe(200);
      expect(review.json()).toMatchObject({ decision: 'reject', decidedBy: 'reviewer', note });
      const dating = review.json().findings.find((f: { category: string }) => f.category === 'dating');
      expect(dating.excerpts.map((e: string) => e.toLowerCase())).toContain('dating');

      // Approve another held one.
      const second = await c.submit(HELD, 'Singles night (again)');
      const approvedNote = 'A dating agency the account declared to us in writing.';
      expect((await decide(second.id, 'approve', approvedNote)).json().status).toBe('approved');
      expect(await c.gate(second.id)).toEqual({ allowed: true });

      const mails = await c.mails();
      expect(mails.map((m) => m.to_address)).toEqual([c.owner.email, c.owner.email]);
      expect(mails[0]!.text_body).toContain('cannot send it');
      expect(mails[0]!.text_body).toContain('Dating services');
      expect(mails[0]!.text_body).toContain(note);
      expect(mails[1]!.text_body).toContain('approved it');
      expect(mails[1]!.text_body).toContain(approvedNote);
    });

    it(`[CNT-02] the ${CONTENT_STANDING.rejectsToRestrict}rd reject within ${CONTENT_STANDING.windowDays} days restricts email sending (the gate then refuses account-restricted); the 2nd does not`, async () => {
      const c = await customer('repeat-rejects-test.ro');
      const ready = await c.submit(BENIGN, 'Weekly bread');
      expect(ready.status).toBe('approved');
      expect(await c.gate(ready.id)).toEqual({ allowed: true });
      const standing = () => t.platform.services.standing.getStanding(c.owner.accountId!);

      // 1st: the screen rejects (and mails the owner what it found).
      const first = await c.submit(REJECTED, 'Diet pills');
      expect(first.status).toBe('rejected');
      const firstMail = (await c.mails())[0]!;
      expect(firstMail.text_body).toContain('Weight-loss products');
      // 2nd: a reviewer rejects a held one. Still active.
      const held = await c.submit(HELD, 'Singles');
      expect((await decide(held.id, 'reject', 'Dating promotion.')).statusCode).toBe(200);
      expect((await standing()).standing).toBe('active');
      expect(await c.gate(ready.id)).toEqual({ allowed: true });

      // Rejects older than the window do not count: 31 days on, the count starts again.
      t.clock.advance((CONTENT_STANDING.windowDays + 1) * 86_400_000);
      // (Sessions expire meanwhile: sign in again.)
      Object.assign(c.owner, await signIn(t.app, c.owner.email, c.owner.password));
      reviewer = await signIn(t.app, REVIEWER.email, REVIEWER.password);
      expect((await c.submit(REJECTED, 'Diet pills again')).status).toBe('rejected');
      expect((await c.submit(REJECTED, 'Diet pills, second')).status).toBe('rejected');
      expect((await standing()).standing).toBe('active');
      // The third within the window: restricted, email off, audited with the rule and the count.
      expect((await c.submit(REJECTED, 'Diet pills, third')).status).toBe('rejected');
      const after = await standing();
      expect(after.standing).toBe('restricted');
      expect(after.restrictedServices).toEqual(['email']);
      const restrict = await t.platform.database.db
        .selectFrom('audit_log')
        .select(['actor_type', 'rule', 'reason'])
        .where('account_id', '=', c.owner.accountId!)
        .where('action', '=', 'standing.restrict')
        .execute();
      expect(restrict).toHaveLength(1);
      expect(restrict[0]).toMatchObject({ actor_type: 'system', rule: CONTENT_STANDING.rule });
      expect(restrict[0]!.reason).toContain(`${CONTENT_STANDING.rejectsToRestrict} campaigns rejected`);

      // The approved campaign may no longer go: the gate refuses for the account's standing.
      expect(await c.gate(ready.id)).toEqual({ allowed: false, reason: 'account-restricted' });
      const send = await call('POST', `/api/v1/campaigns/${ready.id}/send`, c.owner, {});
      expect(send.statusCode).toBe(403);
    });

    it('[CNT-05] an edit of an approved campaign sends it back to review; the gate refuses content-unapproved until it is approved again', async () => {
      const c = await customer('rescreen-test.ro');
      const held = await c.submit(HELD, 'Singles');
      expect((await decide(held.id, 'approve', 'Declared dating agency.')).json().status).toBe('approved');
      expect(await c.gate(held.id)).toEqual({ allowed: true });

      const edited = await call('PATCH', `/api/v1/campaigns/${held.id}`, c.owner, { subject: `${HELD.subject}!` });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ status: 'in-review', version: 2 });
      expect(edited.json().verdict).toMatchObject({ decision: 'hold', decidedBy: 'screen' });
      expect(await c.gate(held.id)).toEqual({ allowed: false, reason: 'content-unapproved' });
      // The old approval does not carry over; the reviewer decides the new content.
      const queue = await call('GET', '/api/v1/operator/campaign-reviews', reviewer);
      expect(queue.json().items.map((i: { campaign: { id: string } }) => i.campaign.id)).toContain(held.id);
      expect((await decide(held.id, 'approve', 'Same agency, new subject.')).json().status).toBe('approved');
      expect(await c.gate(held.id)).toEqual({ allowed: true });
    });
  });
}
