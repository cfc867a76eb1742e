// The spamd second opinion through the composition root and the campaign API (issue 9 §4): with
// SPAMD_URL configured, a GTUBE campaign that the embedded screen allows is held for review and
// the API's verdict carries spamd's score and rules; with SPAMD_URL pointing at nothing, the
// screen's verdict stands and the API says the second opinion was unavailable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../../../test/helpers/accounts.ts';
import { pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { campaignSender } from '../../../../test/helpers/campaigns.ts';
import { freePort } from '../../../../test/helpers/smtp-sink.ts';
import { GTUBE, spamdAvailable, startSpamd, type RunningSpamd } from '../../../../test/helpers/spamd.ts';

describe.skipIf(!spamdAvailable())('campaign API with the spamd second opinion', () => {
  let spamd: RunningSpamd;
  beforeAll(async () => {
    spamd = await startSpamd();
  });
  afterAll(async () => {
    await spamd?.close();
  });

  for (const engine of ['sqlite', 'postgres'] as const) {
    describe.skipIf(engine === 'postgres' && !pgAvailable())(`[${engine}]`, () => {
      for (const mode of ['up', 'down'] as const) {
        describe(`spamd ${mode}`, () => {
          let t: TestPlatform;
          let owner: SignedIn;
          let listId: string;
          beforeAll(async () => {
            const url = mode === 'up' ? spamd.url : `spamd://127.0.0.1:${await freePort()}`;
            t = await createTestPlatform(engine, { config: { spamdUrl: url, spamdMaxScore: 5 } });
            ({ owner, listId } = await campaignSender(t));
          });
          afterAll(async () => {
            await t?.close();
          });
          const post = (url: string, payload?: unknown) =>
            t.app.inject({
              method: 'POST',
              url,
              headers: owner.headers,
              ...(payload === undefined ? {} : { payload: payload as object }),
            });

          it(
            mode === 'up'
              ? '[CNT-02] a GTUBE campaign is held for review, the verdict shows spamd’s score, rules and the spam-score finding'
              : 'spamd unreachable: the embedded verdict stands (approved) and the verdict records the second opinion as unavailable',
            async () => {
              const created = await post('/api/v1/campaigns', {
                name: 'December',
                listId,
                subject: 'Fresh bread this week',
                fromName: 'Bakery',
                fromEmail: 'news@bakery-assent-test.ro',
                format: 'html',
                body: `<p>Our bakery opens at 8 on Saturday.</p><p>${GTUBE}</p>`,
              });
              expect(created.statusCode, created.body).toBe(201);
              const submitted = await post(`/api/v1/campaigns/${created.json().id}/submit`);
              expect(submitted.statusCode, submitted.body).toBe(200);
              const c = submitted.json();
              if (mode === 'up') {
                expect(c.status).toBe('in-review');
                expect(c.verdict.decision).toBe('hold');
                expect(c.verdict.secondOpinion).toMatchObject({ engine: 'spamassassin', threshold: 5 });
                expect(c.verdict.secondOpinion.score).toBeGreaterThanOrEqual(1000);
                expect(c.verdict.secondOpinion.rules).toContain('GTUBE');
                expect(c.verdict.findings).toContainEqual(
                  expect.objectContaining({ category: 'spam-score', rule: 'spamassassin', score: c.verdict.secondOpinion.score }),
                );
              } else {
                expect(c.status).toBe('approved');
                expect(c.verdict.decision).toBe('allow');
                expect(c.verdict.secondOpinion).toMatchObject({ status: 'unavailable', reason: 'unreachable' });
              }
            },
          );
        });
      }
    });
  }
});
