// GET /c/<token> through the whole platform on both engines (SEC-04): a campaign with click
// tracking is sent through the real send engine and composer to an SMTP capture on 127.0.0.1;
// the tracked links in the delivered message redirect to the stored URLs and count in the report.
// Forged, altered, out-of-range and unknown-campaign tokens get the neutral 404 and count nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { campaignSender } from '../../../../test/helpers/campaigns.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../../test/helpers/smtp.ts';
import { testConfig } from '../../../config/config.ts';
import { clickToken, readClickToken } from '../../../core/tokens/click.ts';

const MENU = 'https://bakery-assent-test.ro/menu?utm_source=news&day=sat';
const HOURS = 'https://bakery-assent-test.ro/hours';
const SECRET = testConfig({}).secret as string;

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`click tracking /c/:token [${engine}]`, () => {
    let t: TestPlatform;
    let capture: SmtpCapture;
    let owner: SignedIn;
    let listId: string;
    let campaignId: string;
    /** The tracked links of the first delivered message, in order of appearance. */
    let tokens: string[];

    const post = (url: string, payload?: unknown) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: owner.headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const click = (path: string) => t.app.inject({ method: 'GET', url: path });
    const report = async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/report`, headers: owner.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { clicks: number | null; accepted: number };
    };
    const clickRows = async () =>
      (await t.platform.database.db.selectFrom('click_events').selectAll().where('campaign_id', '=', campaignId).execute())
        .length;
    const campaignBody = (over: Record<string, unknown> = {}) => ({
      name: 'December',
      listId,
      subject: 'Fresh bread this week',
      fromName: 'Bakery',
      fromEmail: 'news@bakery-assent-test.ro',
      format: 'html',
      body: `<p>Hello, our bakery opens at 8 on Saturday.</p><p><a href="${MENU}">Menu</a> and <a href="${HOURS}">opening hours</a>.</p>`,
      clickTracking: true,
      ...over,
    });

    beforeAll(async () => {
      capture = await startSmtpCapture();
      t = await createTestPlatform(engine, {
        config: {
          delivery: {
            relays: [capture.url],
            maxAttempts: 3,
            relayConnections: 2,
            relayRatePerSecond: 1000,
            accountRatePerSecond: 1000,
          },
        },
      });
      ({ owner, listId } = await campaignSender(t));
      const s = t.platform.services;
      const ids: string[] = [];
      for (const email of ['ana@example.com', 'dan@example.com'])
        ids.push((await s.contacts.upsert(owner.accountId, { email })).contact.id);
      await s.consent.record(
        owner.accountId,
        ids.map((contactId) => ({
          contactId,
          listId,
          channel: 'email' as const,
          kind: 'granted' as const,
          sourceType: 'form' as const,
          textShown: 'Yes, email me the bakery news.',
        })),
      );
      const created = await post('/api/v1/campaigns', campaignBody());
      expect(created.statusCode, created.body).toBe(201);
      campaignId = created.json().id;
      expect((await post(`/api/v1/campaigns/${campaignId}/submit`)).json().status).toBe('approved');
      const sent = await post(`/api/v1/campaigns/${campaignId}/send`, {});
      expect(sent.statusCode, sent.body).toBeLessThan(300);
      await s.delivery.drain(campaignId);
      const [mail] = await capture.waitFor(2);
      const html = String(mail?.parsed.html ?? '');
      tokens = [...html.matchAll(/http:\/\/assent\.test\/c\/([A-Za-z0-9_-]+)/g)].map((m) => m[1] as string);
    }, 60_000);

    afterAll(async () => {
      await t?.close();
      await capture?.close();
    });

    it('[SEC-04] the delivered message carries signed /c/ links in place of the content links', () => {
      expect(tokens).toHaveLength(2);
      expect(tokens.map((tok) => readClickToken(SECRET, tok)?.index)).toEqual([0, 1]);
      expect(tokens.every((tok) => readClickToken(SECRET, tok)?.campaignId === campaignId)).toBe(true);
    });

    it('[SEC-04] a valid token redirects 302 to the stored URL and the click counts in the campaign report', async () => {
      expect((await report()).clicks).toBe(0);
      const res = await click(`/c/${tokens[0]}`);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(MENU);
      expect(res.headers['cache-control']).toBe('no-store');
      expect((await report()).clicks).toBe(1);
      const second = await click(`/c/${tokens[1]}`);
      expect(second.headers.location).toBe(HOURS);
      // One reader, two clicks: the report counts distinct clickers; both click events are kept.
      expect((await report()).clicks).toBe(1);
      expect(await clickRows()).toBe(2);
    });

    it('[SEC-04] the target is exactly the stored URL: a ?url= in the request is ignored', async () => {
      const before = await clickRows();
      const res = await click(`/c/${tokens[1]}?url=${encodeURIComponent('https://evil.example/')}&to=https://evil.example/`);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(HOURS);
      expect(await clickRows()).toBe(before + 1);
    });

    it('[SEC-04] a HEAD (a link checker) gets the same redirect but is not counted as a click', async () => {
      const before = await clickRows();
      const res = await t.app.inject({ method: 'HEAD', url: `/c/${tokens[0]}` });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(MENU);
      expect(await clickRows()).toBe(before);
    });

    it('[SEC-04] a token whose MAC is altered is a 404 with the neutral page, and nothing is counted', async () => {
      const before = await clickRows();
      const tok = tokens[0] as string;
      // A character well inside the MAC (the last one may carry only base64 padding bits).
      const i = tok.length - 4;
      const altered = `${tok.slice(0, i)}${tok[i] === 'A' ? 'B' : 'A'}${tok.slice(i + 1)}`;
      expect(readClickToken(SECRET, altered)).toBeNull();
      const res = await click(`/c/${altered}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['x-error-code']).toBe('CLICK_LINK_UNKNOWN');
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('This link does not work');
      expect(res.body).not.toContain('bakery-assent-test.ro');
      // A token minted with another secret (forged) fares the same.
      const claims = readClickToken(SECRET, tok)!;
      const forged = await click(`/c/${clickToken('another-secret-another-secret-0123456789', claims)}`);
      expect(forged.statusCode).toBe(404);
      expect(await clickRows()).toBe(before);
    });

    it('[SEC-04] a valid token whose index is beyond the stored links is a 404 and counts nothing', async () => {
      const before = await clickRows();
      const claims = readClickToken(SECRET, tokens[0] as string)!;
      const res = await click(`/c/${clickToken(SECRET, { ...claims, index: 2 })}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['x-error-code']).toBe('CLICK_LINK_UNKNOWN');
      expect(res.headers.location).toBeUndefined();
      expect(await clickRows()).toBe(before);
    });

    it('[SEC-04] a valid token for a campaign with no stored links is a 404 and counts nothing', async () => {
      // A real campaign of this account that was never sent: nothing stored for it.
      const draft = await post('/api/v1/campaigns', campaignBody({ name: 'Draft' }));
      expect(draft.statusCode, draft.body).toBe(201);
      const draftId = draft.json().id as string;
      const contactId = readClickToken(SECRET, tokens[0] as string)!.contactId;
      for (const id of [draftId, randomUUID()]) {
        const res = await click(`/c/${clickToken(SECRET, { campaignId: id, contactId, index: 0 })}`);
        expect(res.statusCode).toBe(404);
        expect(res.headers['x-error-code']).toBe('CLICK_LINK_UNKNOWN');
      }
      const rows = await t.platform.database.db
        .selectFrom('click_events')
        .selectAll()
        .where('campaign_id', '=', draftId)
        .execute();
      expect(rows).toHaveLength(0);
    });

    it('[SEC-04] the route needs no session and a garbage token is the same neutral 404', async () => {
      const res = await click('/c/not-a-token');
      expect(res.statusCode).toBe(404);
      expect(res.headers['x-error-code']).toBe('CLICK_LINK_UNKNOWN');
    });
  });
}
