// The hosted form and the JSON submission endpoint on both engines (CON-02, CON-03, CON-07, CON-11, SMS-01).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { sha256Hex } from '../../../core/consent/canonical.ts';
import { FORM_SUBMISSIONS_PER_IP_PER_MINUTE } from '../../../core/forms/bot-defence.ts';
import {
  accountWithLists,
  createPublishedForm,
  definition,
  nextIp,
  openForm,
  postForm,
  storedCounts,
  type FormFixture,
} from '../forms/testing.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`public forms [${engine}]`, () => {
    let t: TestPlatform;
    let fx: FormFixture;
    let formId: string;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      fx = await accountWithLists(t.app);
      formId = await createPublishedForm(t.app, fx.owner, definition(fx.lists));
    });
    afterAll(async () => {
      await t?.close();
    });

    async function filled(extra: Record<string, string>) {
      const page = await openForm(t.app, formId);
      t.clock.advance(5_000);
      return { _version: page.version, _started: page.started, website: '', ...extra };
    }

    it('[CON-02][CON-03][SMS-01] renders every consent box unchecked, one per list, SMS with its own text', async () => {
      const { html } = await openForm(t.app, formId);
      const boxes = [...html.matchAll(/<input type="checkbox"[^>]*>/g)].map((m) => m[0]);
      expect(boxes.map((b) => /name="box_([^"]+)"/.exec(b)?.[1])).toEqual(['news', 'deals', 'sms', 'partner-1']);
      for (const b of boxes) expect(b).not.toMatch(/checked/);
      expect(html).toContain(
        'SMS program: Acme Alerts. Message frequency: up to 4 msgs/month. Message and data rates may apply. Reply HELP for help, STOP to cancel.',
      );
      expect(html).toContain('Book Club SRL');
      expect(html).not.toMatch(/<script/i);
    });

    it('[CON-07] stores the form version, the exact text and its hash, IP, user agent and language on the consent event', async () => {
      const fields = await filled({ email: 'ana@example.com', first_name: 'Ana', box_deals: 'yes', 'box_partner-1': 'yes' });
      const ip = nextIp();
      const res = await postForm(t.app, formId, fields, ip);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Thank you');
      const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email: 'ana@example.com' });
      const events = await t.platform.services.consent.eventsFor(fx.owner.accountId, contact!.id);
      expect(events).toHaveLength(1);
      const [e] = events;
      const v = await t.platform.services.forms.get(fx.owner.accountId, formId);
      const box = v.published!.rendered.boxes.find((b) => b.key === 'deals')!;
      expect(e).toMatchObject({
        kind: 'granted',
        sourceType: 'form',
        listId: fx.lists.deals,
        channel: 'email',
        formId,
        formVersion: 1,
        textShown: box.text,
        ip,
        userAgent: 'TestBrowser/1.0',
        language: 'en',
        partners: ['Book Club SRL'],
      });
      expect(e!.textHash).toBe(sha256Hex(box.text));
      expect(contact!.attributes).toMatchObject({ first_name: 'Ana' });
    });

    it('[SMS-01] a phone number entered without ticking the SMS box records no SMS consent', async () => {
      const fields = await filled({ email: 'bob@example.com', phone: '+40 721 234 567', box_deals: 'yes' });
      expect((await postForm(t.app, formId, fields)).statusCode).toBe(200);
      const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email: 'bob@example.com' });
      const states = await t.platform.services.consent.stateFor(fx.owner.accountId, contact!.id);
      expect(states.map((s) => s.channel)).toEqual(['email']);
      const withSms = await filled({ email: 'cara@example.com', phone: '+40 721 234 568', box_sms: 'yes' });
      expect((await postForm(t.app, formId, withSms)).statusCode).toBe(200);
      const cara = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email: 'cara@example.com' });
      expect(
        (await t.platform.services.consent.stateFor(fx.owner.accountId, cara!.id)).map((s) => [s.channel, s.status]),
      ).toEqual([['sms', 'active']]);
    });

    it('[CON-02] refuses an unknown box, a claimed default, no chosen purpose and a stale version, storing nothing', async () => {
      const before = await storedCounts(t.platform.database);
      const unknown = await postForm(t.app, formId, await filled({ email: 'x1@example.com', box_news: 'yes', box_vip: 'yes' }));
      expect([unknown.statusCode, unknown.body.includes('box_vip') || unknown.body.includes('vip')]).toEqual([400, true]);
      const claimed = await postForm(t.app, formId, await filled({ email: 'x2@example.com', box_news: 'default' }));
      expect(claimed.statusCode).toBe(400);
      expect(claimed.body).toContain('pre-set');
      const defaults = await postForm(
        t.app,
        formId,
        await filled({ email: 'x3@example.com', box_news: 'yes', defaults: 'news' }),
      );
      expect(defaults.statusCode).toBe(400);
      const none = await postForm(t.app, formId, await filled({ email: 'x4@example.com' }));
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('tick at least one box');
      const stale = await postForm(t.app, formId, {
        ...(await filled({ email: 'x5@example.com', box_news: 'yes' })),
        _version: '0',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('updated since you opened it');
      expect(await storedCounts(t.platform.database)).toEqual(before);
    });

    it('[CON-02] the JSON endpoint answers the codes: FORM_UNKNOWN_BOX, CONSENT_DEFAULT_CLAIMED, FORM_VERSION_STALE, field errors', async () => {
      const before = await storedCounts(t.platform.database);
      const def = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${formId}` });
      expect(def.statusCode).toBe(200);
      const { version, startToken, boxes } = def.json();
      expect(boxes.map((b: { key: string }) => b.key)).toEqual(['news', 'deals', 'sms']);
      t.clock.advance(5_000);
      const send = (payload: Record<string, unknown>) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/public/forms/${formId}/submissions`,
          remoteAddress: nextIp(),
          payload: { version, startToken, ...payload },
        });
      const codeOf = async (payload: Record<string, unknown>) => {
        const r = await send(payload);
        return [r.statusCode, r.json().error?.code];
      };
      expect(await codeOf({ fields: { email: 'j1@example.com' }, boxes: { vip: true } })).toEqual([400, 'FORM_UNKNOWN_BOX']);
      expect(await codeOf({ fields: { email: 'j2@example.com' }, boxes: { news: 'checked-by-default' } })).toEqual([
        400,
        'CONSENT_DEFAULT_CLAIMED',
      ]);
      expect(await codeOf({ fields: { email: 'j3@example.com' }, boxes: { news: true }, defaults: { news: true } })).toEqual([
        400,
        'CONSENT_DEFAULT_CLAIMED',
      ]);
      expect(await codeOf({ version: version + 1, fields: { email: 'j4@example.com' }, boxes: { news: true } })).toEqual([
        409,
        'FORM_VERSION_STALE',
      ]);
      const bad = await send({ fields: { email: 'not-an-email', phone: '12' }, boxes: { news: true, sms: true } });
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'FORM_FIELDS_INVALID']);
      expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['email', 'phone']);
      expect(await storedCounts(t.platform.database)).toEqual(before);
      const ok = await send({ fields: { email: 'j5@example.com' }, boxes: { news: true } });
      expect([ok.statusCode, ok.json()]).toEqual([202, { status: 'received', confirmationRequired: true }]);
    });

    it('[CON-02] a new version makes the old one stale; the ledger keeps pointing at the version it recorded', async () => {
      const other = await createPublishedForm(t.app, fx.owner, definition(fx.lists, { name: 'Second form' }));
      const earlyPage = await openForm(t.app, other);
      const page = await openForm(t.app, other);
      t.clock.advance(5_000);
      const early = await postForm(t.app, other, {
        _version: earlyPage.version,
        _started: earlyPage.started,
        email: 'early@example.com',
        box_deals: 'yes',
      });
      expect(early.statusCode).toBe(200);
      const dealsText = async () =>
        (await t.platform.services.forms.get(fx.owner.accountId, other)).published!.rendered.boxes.find((b) => b.key === 'deals')!
          .text;
      const v1Text = await dealsText();
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/forms/${other}`,
        headers: fx.owner.headers,
        payload: definition(fx.lists, { name: 'Second form v2' }),
      });
      expect(put.json().latest.version).toBe(2);
      await t.app.inject({ method: 'POST', url: `/api/v1/forms/${other}/publish`, headers: fx.owner.headers });
      const res = await postForm(t.app, other, {
        _version: page.version,
        _started: page.started,
        email: 'late@example.com',
        box_news: 'yes',
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('name="_version" value="2"');
      expect(res.body).toContain('value="late@example.com"');

      // The ledger: the sign-up made on version 1 still points at version 1 with version 1's
      // text, and the resubmission on version 2 records version 2.
      const v2Page = await openForm(t.app, other);
      t.clock.advance(5_000);
      const resent = await postForm(t.app, other, {
        _version: v2Page.version,
        _started: v2Page.started,
        email: 'late@example.com',
        box_deals: 'yes',
      });
      expect(resent.statusCode).toBe(200);
      const v2Text = await dealsText();
      const eventOf = async (email: string) => {
        const contact = await t.platform.services.contacts.findByAddress(fx.owner.accountId, { email });
        return t.platform.services.consent.eventsFor(fx.owner.accountId, contact!.id);
      };
      expect(await eventOf('early@example.com')).toEqual([
        expect.objectContaining({ kind: 'granted', formId: other, formVersion: 1, textShown: v1Text }),
      ]);
      expect(await eventOf('late@example.com')).toEqual([
        expect.objectContaining({ kind: 'granted', formId: other, formVersion: 2, textShown: v2Text }),
      ]);
    });

    it('[CON-11] a filled honeypot looks accepted but stores nothing', async () => {
      const before = await storedCounts(t.platform.database);
      const res = await postForm(
        t.app,
        formId,
        await filled({ email: 'bot@example.com', box_news: 'yes', website: 'http://spam.example' }),
      );
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Check your inbox');
      expect(await storedCounts(t.platform.database)).toEqual(before);
    });

    it('[CON-11] a submission faster than the minimum fill time, or without a valid start stamp, is refused', async () => {
      const before = await storedCounts(t.platform.database);
      const page = await openForm(t.app, formId);
      t.clock.advance(500);
      const fast = await postForm(t.app, formId, {
        _version: page.version,
        _started: page.started,
        email: 'quick@example.com',
        box_news: 'yes',
      });
      expect(fast.statusCode).toBe(400);
      expect(fast.body).toContain('quicker than a person');
      t.clock.advance(5_000);
      const forged = await postForm(t.app, formId, {
        _version: page.version,
        _started: `${page.started.slice(0, -2)}xx`,
        email: 'quick@example.com',
        box_news: 'yes',
      });
      expect(forged.statusCode).toBe(400);
      const json = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/forms/${formId}/submissions`,
        payload: {
          version: 1,
          startToken: t.platform.services.forms.startStamp(formId),
          fields: { email: 'quick@example.com' },
          boxes: { news: true },
        },
      });
      expect([json.statusCode, json.json().error.code]).toEqual([400, 'FORM_TOO_FAST']);
      expect(await storedCounts(t.platform.database)).toEqual(before);
    });

    it('[CON-11] limits submissions per IP address', async () => {
      const ip = nextIp();
      const codes: number[] = [];
      for (let i = 0; i <= FORM_SUBMISSIONS_PER_IP_PER_MINUTE; i++) {
        const r = await postForm(t.app, formId, { email: `rl${i}@example.com` }, ip);
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, FORM_SUBMISSIONS_PER_IP_PER_MINUTE).every((c) => c !== 429)).toBe(true);
      expect(codes.at(-1)).toBe(429);
      const elsewhere = await postForm(t.app, formId, { email: 'rl-other@example.com' }, nextIp());
      expect(elsewhere.statusCode).not.toBe(429);
    });
  });
}
