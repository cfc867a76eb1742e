// The reputation rules over the real stores, on both engines (REP-04..07): delivery records and
// complaints are written as the send engine and the inbound processor write them, then the
// service measures and acts through the standing service — warn, hold new campaigns, pause email
// — with the rule id, the measured value and the threshold audited. Volumes are the policy's own
// (1,000 delivered before complaint rates act; 100 sent before bounce rates act; 50 a day cap).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { campaignSender, type CampaignSender } from '../../../test/helpers/campaigns.ts';
import { seedOutcomes } from '../../../test/helpers/delivery.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { COMPLAINT_RATE, DAILY_COMPLAINT_CAP, HARD_BOUNCE_RATE } from '../../../policy/reputation.ts';

describeEachEngine('reputation rules over the stores', (_db, engine) => {
  let t: TestPlatform;
  let n = 0;

  beforeAll(async () => {
    t = await createTestPlatform(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A fresh sender with one campaign row (created through the API, never sent). */
  async function world(): Promise<{ sender: CampaignSender; accountId: string; campaignId: string; domain: string }> {
    n += 1;
    const domain = `rep${n}-${engine}-assent.ro`;
    const sender = await campaignSender(t, domain);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: sender.owner.headers,
      payload: {
        name: `Campaign ${n}`,
        listId: sender.listId,
        subject: 'Our news',
        fromName: 'Bakery',
        fromEmail: `news@${domain}`,
        format: 'html',
        body: '<p>Hello, here is our monthly news.</p>',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return { sender, accountId: sender.owner.accountId, campaignId: created.json().id, domain };
  }

  /** `sent` delivery records (accepted, the first `hard` of them hard-bounced) and `complaints` counted complaints. */
  async function outcomes(w: { accountId: string; campaignId: string }, sent: number, hard: number, complaints: number) {
    await seedOutcomes(t.platform.database, { ...w, at: t.clock.now().toISOString(), sent, hard, complaints });
  }

  const standing = (accountId: string) => t.platform.services.standing.getAccount(accountId);
  const audit = (accountId: string) =>
    t.platform.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('actor_id', '=', 'reputation')
      .orderBy('seq')
      .execute();
  const detailsOf = (row: { details: unknown }) => (typeof row.details === 'string' ? JSON.parse(row.details) : row.details);

  it(`[REP-04] a complaint rate at ${COMPLAINT_RATE.pause * 100}% past ${COMPLAINT_RATE.minDelivered} delivered pauses email sending, the rule, value and threshold audited`, async () => {
    const w = await world();
    await outcomes(w, 1000, 0, 3);
    const acted = await t.platform.services.reputation.evaluate(w.accountId);
    expect(acted.map((x) => x.rule)).toContain('REP-04.pause');
    const account = await standing(w.accountId);
    expect(account.standing).toBe('restricted');
    expect(account.restrictedServices).toContain('email');
    const rows = await audit(w.accountId);
    const restrict = rows.find((r) => r.rule === 'REP-04.pause')!;
    expect(restrict.reason).toMatch(
      /complaint rate of the account today \(UTC\) is 0\.3% of 1000 messages, at or over the 0\.3% limit/,
    );
    expect(detailsOf(restrict)).toMatchObject({
      metric: 'complaint-rate',
      measured: 0.003,
      threshold: COMPLAINT_RATE.pause,
      sent: 1000,
    });
  });

  it(`[REP-04] a complaint rate at ${COMPLAINT_RATE.hold * 100}% holds new campaigns for a reviewer (the next submit waits in review) and warns`, async () => {
    const w = await world();
    await outcomes(w, 1000, 0, 1);
    await t.platform.services.reputation.evaluate(w.accountId);
    expect(await t.platform.services.reputation.isHeld(w.accountId)).toMatchObject({ rule: 'REP-04.hold' });
    expect((await standing(w.accountId)).standing).toBe('warned');
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${w.campaignId}/submit`,
      headers: w.sender.owner.headers,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('in-review');
    // Lifting the hold is an operator's act, audited.
    expect(await t.platform.services.reputation.liftHold(w.accountId, 'op-1', 'Reviewed the list sources: fine.')).toBe(true);
    expect(await t.platform.services.reputation.isHeld(w.accountId)).toBeNull();
  });

  it(`[REP-04] a complaint rate at ${COMPLAINT_RATE.warn * 100}% only warns; under ${COMPLAINT_RATE.minDelivered} delivered no rate acts at all`, async () => {
    const warned = await world();
    await outcomes(warned, 1250, 0, 1);
    expect((await t.platform.services.reputation.evaluate(warned.accountId)).map((x) => x.rule)).toEqual(['REP-04.warn']);
    expect((await standing(warned.accountId)).standing).toBe('warned');
    expect(await t.platform.services.reputation.isHeld(warned.accountId)).toBeNull();

    const small = await world();
    await outcomes(small, COMPLAINT_RATE.minDelivered - 1, 0, 10);
    expect(await t.platform.services.reputation.evaluate(small.accountId)).toEqual([]);
    expect((await standing(small.accountId)).standing).toBe('active');
  });

  it(`[REP-05] ${DAILY_COMPLAINT_CAP} complaints in one day pause the account even when the rate is under every threshold`, async () => {
    const w = await world();
    const sent = Math.ceil(DAILY_COMPLAINT_CAP / COMPLAINT_RATE.warn) + 1_000;
    await outcomes(w, sent, 0, DAILY_COMPLAINT_CAP);
    const view = await t.platform.services.reputation.view(w.accountId);
    const day = view.measures.find((m) => m.scope === 'account' && m.window === 'day')!;
    expect(day.complaintRate).toBeLessThan(COMPLAINT_RATE.warn);
    const acted = await t.platform.services.reputation.evaluate(w.accountId);
    expect(acted.map((x) => x.rule)).toEqual(['REP-05.cap']);
    expect((await standing(w.accountId)).restrictedServices).toContain('email');
    const row = (await audit(w.accountId)).find((r) => r.rule === 'REP-05.cap')!;
    expect(detailsOf(row)).toMatchObject({
      metric: 'daily-complaints',
      measured: DAILY_COMPLAINT_CAP,
      threshold: DAILY_COMPLAINT_CAP,
    });
  });

  it(`[REP-05] one complaint under the cap is not a pause`, async () => {
    const w = await world();
    await outcomes(w, Math.ceil(DAILY_COMPLAINT_CAP / COMPLAINT_RATE.warn) + 1_000, 0, DAILY_COMPLAINT_CAP - 1);
    expect(await t.platform.services.reputation.evaluate(w.accountId)).toEqual([]);
  });

  it(`[REP-06] hard bounces: ${HARD_BOUNCE_RATE.review * 100}% holds for review, ${HARD_BOUNCE_RATE.pause * 100}% pauses; under ${HARD_BOUNCE_RATE.minSent} sent nothing acts`, async () => {
    const review = await world();
    await outcomes(review, 200, 10, 0);
    expect((await t.platform.services.reputation.evaluate(review.accountId)).map((x) => x.rule)).toContain('REP-06.review');
    expect(await t.platform.services.reputation.isHeld(review.accountId)).toMatchObject({ rule: 'REP-06.review' });
    expect((await standing(review.accountId)).standing).toBe('warned');

    const paused = await world();
    await outcomes(paused, 200, 20, 0);
    expect((await t.platform.services.reputation.evaluate(paused.accountId)).map((x) => x.rule)).toContain('REP-06.pause');
    expect((await standing(paused.accountId)).restrictedServices).toEqual(['email']);

    const warned = await world();
    await outcomes(warned, 200, 4, 0);
    expect((await t.platform.services.reputation.evaluate(warned.accountId)).map((x) => x.rule)).toEqual(['REP-06.warn']);

    const small = await world();
    await outcomes(small, HARD_BOUNCE_RATE.minSent - 1, 50, 0);
    expect(await t.platform.services.reputation.evaluate(small.accountId)).toEqual([]);
  });

  it('[REP-07] the history gives each UTC day its rates, days without mail at zero, for the charts (API too)', async () => {
    const w = await world();
    t.clock.advance(-2 * 86_400_000);
    await outcomes(w, 400, 8, 1);
    t.clock.advance(2 * 86_400_000);
    await outcomes(w, 100, 0, 0);
    const days = await t.platform.services.reputation.history(w.accountId, 3);
    const today = t.clock.now().toISOString().slice(0, 10);
    const twoAgo = new Date(t.clock.now().getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect(days.map((d) => d.day)).toHaveLength(3);
    expect(days[0]).toEqual({
      day: twoAgo,
      sent: 400,
      hardBounces: 8,
      complaints: 1,
      complaintRate: 0.0025,
      hardBounceRate: 0.02,
    });
    expect(days[1]).toMatchObject({ sent: 0, complaintRate: 0, hardBounceRate: 0 });
    expect(days[2]).toMatchObject({ day: today, sent: 100, hardBounces: 0 });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/account/reputation/history?days=3',
      headers: w.sender.owner.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().days).toEqual(days);
    const tooMany = await t.app.inject({
      method: 'GET',
      url: '/api/v1/account/reputation/history?days=1000',
      headers: w.sender.owner.headers,
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('[REP-07] a pause is never lifted by the rules: evaluating again after the rates fall changes nothing; an operator reinstate does', async () => {
    const w = await world();
    await outcomes(w, 200, 20, 0);
    await t.platform.services.reputation.evaluate(w.accountId);
    expect((await standing(w.accountId)).standing).toBe('restricted');
    // A much larger clean volume later the same day: the rate is under every threshold now.
    await t.platform.database.db
      .updateTable('delivery_records')
      .set({ bounce_type: null, status: 'accepted' })
      .where('campaign_id', '=', w.campaignId)
      .execute();
    expect(await t.platform.services.reputation.evaluate(w.accountId)).toEqual([]);
    expect((await standing(w.accountId)).standing).toBe('restricted');
    await t.platform.services.standing.transition({
      accountId: w.accountId,
      action: 'reinstate',
      reason: 'Reviewed: the bounced addresses came from an old export, removed.',
      actor: { type: 'operator', id: 'op-1' },
    });
    expect((await standing(w.accountId)).standing).toBe('active');
  });

  it('[REP-07] after the reinstate the rates count afresh: what the operator reviewed does not pause the account again, new bounces do', async () => {
    const w = await world();
    await outcomes(w, 200, 20, 0);
    await t.platform.services.reputation.evaluate(w.accountId);
    expect((await standing(w.accountId)).standing).toBe('restricted');
    t.clock.advance(60_000);
    await t.platform.services.standing.transition({
      accountId: w.accountId,
      action: 'reinstate',
      reason: 'Reviewed with the customer: the list was cleaned.',
      actor: { type: 'operator', id: 'op-1' },
    });
    t.clock.advance(60_000);
    expect(await t.platform.services.reputation.evaluate(w.accountId)).toEqual([]);
    expect((await standing(w.accountId)).standing).toBe('active');
    // Sending again after the review, with 10% hard bounces again: paused again.
    const again = await world();
    await t.platform.database.db
      .updateTable('campaigns')
      .set({ account_id: w.accountId })
      .where('id', '=', again.campaignId)
      .execute();
    await outcomes({ accountId: w.accountId, campaignId: again.campaignId }, 200, 20, 0);
    expect((await t.platform.services.reputation.evaluate(w.accountId)).map((x) => x.rule)).toContain('REP-06.pause');
  });
});
