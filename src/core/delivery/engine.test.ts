// The send engine on both engines, through the real relay pool to a scripted SMTP sink on
// 127.0.0.1 (DEL-01..03, IMP-07, ACC-08). Counts at the sink are per recipient.
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import {
  deliveryWorld,
  memoryCampaigns,
  plainComposer,
  recordingQueue,
  verifiedDomains,
} from '../../../test/helpers/delivery.ts';
import { startScriptedSink } from '../../../test/helpers/smtp-sink.ts';
import { createRelayPool } from '../../channels/email/relay-pool.ts';
import { createImportStore } from '../../db/repositories/imports.ts';
import { createDeliveryStore } from '../../db/repositories/delivery.ts';
import { silentLogger } from '../ports.ts';
import { createSendEngine, type SendEngineOptions } from './engine.ts';
import type { Outbound } from './types.ts';

describeEachEngine('send engine', (db) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(
    n: number,
    options: {
      sink?: Parameters<typeof startScriptedSink>[0];
      engine?: SendEngineOptions;
      relay?: { failuresToDown?: number; downForMs?: number };
    } = {},
  ) {
    const clock = manualClock('2026-12-02T10:00:00.000Z');
    const world = await deliveryWorld(db(), clock, n);
    const sink = await startScriptedSink(options.sink);
    cleanups.push(() => sink.close());
    const campaigns = memoryCampaigns(clock);
    const campaign = campaigns.add({ id: `camp-${world.accountId}`, accountId: world.accountId, listId: world.listId });
    const queue = recordingQueue();
    const outbounds: Outbound[] = [];
    const engineFor = (workerId: string, sinkUrl = sink.url) => {
      const outbound = createRelayPool({
        relays: [sinkUrl],
        maxConnections: 4,
        socketTimeoutMs: 2_000,
        connectionTimeoutMs: 1_000,
        now: () => clock.now().getTime(),
        ...options.relay,
      });
      outbounds.push(outbound);
      cleanups.push(() => outbound.close());
      return createSendEngine({
        store: createDeliveryStore(db()),
        campaigns,
        gate: world.s.gate,
        composer: plainComposer,
        outbound,
        domains: verifiedDomains,
        queue,
        clock,
        logger: silentLogger,
        workerId,
        options: { warmup: null, accountRatePerSecond: null, retryBaseMs: 60_000, ...options.engine },
      });
    };
    return { clock, world, sink, campaigns, campaign, queue, engineFor, store: createDeliveryStore(db()) };
  }

  const statusOf = async (store: ReturnType<typeof createDeliveryStore>, campaignId: string) =>
    new Map((await store.records(campaignId)).map((r) => [r.contactId, r]));

  it('[DEL-01] asks the gate per batch at send time: a contact who unsubscribes mid-campaign is not sent to, the refusal recorded', async () => {
    const t = await setup(30, { engine: { batchSize: 10 } });
    const engine = t.engineFor('w1');
    expect(await engine.start(t.world.accountId, t.campaign.id)).toEqual({ queued: 30, held: 0 });
    expect(t.queue.sent.some((j) => j.name === 'campaign.send')).toBe(true);
    const first = await engine.runBatch(t.campaign.id);
    expect(first).toMatchObject({ claimed: 10, accepted: 10 });
    const recs = await statusOf(t.store, t.campaign.id);
    const later = [...recs.values()].find((r) => r.status === 'queued')!.contactId;
    await t.world.s.consent.record(t.world.accountId, [
      { contactId: later, listId: t.world.listId, channel: 'email', kind: 'withdrawn', sourceType: 'unsubscribe', textShown: '' },
    ]);
    await engine.drain(t.campaign.id);
    const after = await statusOf(t.store, t.campaign.id);
    expect(after.get(later)).toMatchObject({ status: 'refused', reason: 'withdrawn' });
    expect(t.sink.counts.has(t.world.emails.get(later)!)).toBe(false);
    expect(t.sink.accepted()).toBe(29);
    const counts = await t.world.s.gate.refusalCounts(t.world.accountId, { contextId: t.campaign.id });
    expect(counts.refused.withdrawn).toBe(1);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
    const p = await engine.progress(t.world.accountId, t.campaign.id);
    expect(p).toMatchObject({ total: 30, byStatus: { accepted: 29, refused: 1 }, refusedByReason: { withdrawn: 1 } });
    expect(p.timeline.reduce((a, m) => a + m.accepted, 0)).toBe(29);
  });

  it('[DEL-02] an owner pause ends the batches; after resume, kick sends the jobs out again and the rest goes', async () => {
    const t = await setup(30, { engine: { batchSize: 10 } });
    const engine = t.engineFor('w1');
    await engine.start(t.world.accountId, t.campaign.id);
    await engine.runBatch(t.campaign.id);
    await t.campaigns.setStatus(t.world.accountId, t.campaign.id, 'paused', { pauseReason: 'owner', from: 'sending' });
    expect((await engine.drain(t.campaign.id)).sending).toBe(false);
    expect(t.sink.accepted()).toBe(10);
    await t.campaigns.setStatus(t.world.accountId, t.campaign.id, 'sending', { from: 'paused' });
    const before = t.queue.sent.length;
    await engine.kick(t.campaign.id);
    const jobs = t.queue.sent.slice(before);
    expect(jobs.length).toBeGreaterThan(1);
    expect(jobs.every((j) => j.name === 'campaign.send' && (j.data as { campaignId: string }).campaignId === t.campaign.id)).toBe(
      true,
    );
    await engine.drain(t.campaign.id);
    expect(t.sink.counts.size).toBe(30);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
  });

  it('[DEL-02] a synchronous 5xx becomes a hard bounce with the reply; accepted records keep the relay, queue id and Message-ID', async () => {
    const t = await setup(6, { engine: { maxAttempts: 2 } });
    const rejected = t.world.ids[0]!;
    t.sink.reject.add(t.world.emails.get(rejected)!);
    const engine = t.engineFor('w1');
    await engine.start(t.world.accountId, t.campaign.id);
    await engine.runBatch(t.campaign.id);
    const recs = await statusOf(t.store, t.campaign.id);
    expect(recs.get(rejected)).toMatchObject({ status: 'bounced', bounceType: 'hard', attempts: 1 });
    expect(recs.get(rejected)!.smtpReply).toMatch(/^550 5\.1\.1/);
    const ok = recs.get(t.world.ids[2]!)!;
    expect(ok).toMatchObject({ status: 'accepted', relay: expect.stringContaining('127.0.0.1') });
    expect(ok.queueId).toMatch(/^Q[0-9A-F]+$/);
    expect(ok.messageId).toContain(t.world.ids[2]);
    expect(t.sink.accepted()).toBe(5);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
  });

  it('[DEL-02] 451 answers are retried after the back-off and end soft-bounced after the last attempt, the reply kept', async () => {
    const t = await setup(5, { sink: { tempFailShare: 1 }, engine: { maxAttempts: 3, retryBaseMs: 60_000 } });
    const engine = t.engineFor('w1');
    await engine.start(t.world.accountId, t.campaign.id);
    await engine.runBatch(t.campaign.id);
    let recs = [...(await statusOf(t.store, t.campaign.id)).values()];
    expect(recs.every((r) => r.status === 'queued' && r.attempts === 1 && r.smtpReply?.startsWith('451'))).toBe(true);
    // Not due yet: nothing claimable before the back-off.
    expect(await engine.runBatch(t.campaign.id)).toMatchObject({ claimed: 0 });
    t.clock.advance(60_000);
    await engine.runBatch(t.campaign.id);
    t.clock.advance(120_000);
    await engine.runBatch(t.campaign.id);
    recs = [...(await statusOf(t.store, t.campaign.id)).values()];
    expect(recs.every((r) => r.status === 'bounced' && r.bounceType === 'soft' && r.attempts === 3)).toBe(true);
    expect(recs[0]!.smtpReply).toMatch(/^451 4\.3\.0/);
    expect(t.sink.accepted()).toBe(0);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
  });

  for (const mode of ['garbage', 'close-mid-data'] as const) {
    it(`[DEL-02] a relay answering ${mode === 'garbage' ? 'garbage' : 'by closing mid-DATA'}: the recipient is retried, never accepted`, async () => {
      const t = await setup(3, { sink: { mode }, relay: { failuresToDown: 100 } });
      const engine = t.engineFor('w1');
      await engine.start(t.world.accountId, t.campaign.id);
      await engine.runBatch(t.campaign.id);
      let recs = [...(await statusOf(t.store, t.campaign.id)).values()];
      expect(recs.map((r) => r.status)).toEqual(['queued', 'queued', 'queued']);
      expect(recs.every((r) => r.attempts === 1 && r.queueId === null)).toBe(true);
      // The relay recovers: the retry is accepted once.
      t.sink.mode = 'ok';
      t.clock.advance(60_000);
      await engine.drain(t.campaign.id);
      recs = [...(await statusOf(t.store, t.campaign.id)).values()];
      expect(recs.every((r) => r.status === 'accepted' && r.attempts === 2)).toBe(true);
      expect([...t.sink.counts.values()]).toEqual([1, 1, 1]);
    });
  }

  it('[DEL-02] two workers send one campaign together and no recipient is sent twice', async () => {
    const t = await setup(600, { engine: { batchSize: 50 } });
    const a = t.engineFor('worker-a');
    const b = t.engineFor('worker-b');
    await a.start(t.world.accountId, t.campaign.id);
    const [ra, rb] = await Promise.all([a.drain(t.campaign.id), b.drain(t.campaign.id)]);
    expect(ra.sent + rb.sent).toBe(600);
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    expect(t.sink.counts.size).toBe(600);
    expect([...t.sink.counts.values()].every((n) => n === 1)).toBe(true);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
  });

  it('[DEL-03] a worker that dies mid-batch loses no one: its lease runs out and another worker sends its records', async () => {
    const t = await setup(40, { engine: { batchSize: 20, leaseMs: 60_000 } });
    const engine = t.engineFor('survivor');
    await engine.start(t.world.accountId, t.campaign.id);
    // The dead worker claimed 20 and never came back.
    const now = t.clock.now();
    const dead = await t.store.claim(
      t.campaign.id,
      'dead',
      now.toISOString(),
      new Date(now.getTime() + 60_000).toISOString(),
      20,
    );
    expect(dead).toHaveLength(20);
    await engine.drain(t.campaign.id);
    expect(t.sink.accepted()).toBe(20);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sending');
    t.clock.advance(60_001);
    await engine.drain(t.campaign.id);
    expect(t.sink.counts.size).toBe(40);
    expect([...t.sink.counts.values()].every((n) => n === 1)).toBe(true);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
  });

  it('[DEL-03] a relay that keeps failing pauses the campaign, which resumes by itself when the relay is back', async () => {
    const t = await setup(30, { engine: { batchSize: 10 }, relay: { failuresToDown: 3, downForMs: 15_000 } });
    const port = t.sink.port;
    await t.sink.close();
    const engine = t.engineFor('w1', `smtp://127.0.0.1:${port}`);
    await engine.start(t.world.accountId, t.campaign.id);
    await engine.drain(t.campaign.id);
    expect(await t.campaigns.get(t.campaign.id)).toMatchObject({ status: 'paused', pauseReason: 'relay-unavailable' });
    const recs = [...(await statusOf(t.store, t.campaign.id)).values()];
    expect(recs.every((r) => r.status === 'queued')).toBe(true);
    expect(await engine.resumePaused()).toEqual([]);
    const back = await startScriptedSink({ port });
    cleanups.push(() => back.close());
    t.clock.advance(15_000);
    expect(await engine.resumePaused()).toEqual([t.campaign.id]);
    t.clock.advance(3_600_000);
    await engine.drain(t.campaign.id);
    expect(back.counts.size).toBe(30);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
  });

  it("[ACC-08] over the day's warm-up quota the rest waits for the next UTC day (not dropped), and the quota grows", async () => {
    const t = await setup(25, {
      engine: {
        batchSize: 50,
        warmup: { startPerDay: 10, growth: 2, maxPerDay: 1000, maxHardBounceRate: 0.05, maxComplaintRate: 0.003 },
      },
    });
    const engine = t.engineFor('w1');
    await engine.start(t.world.accountId, t.campaign.id);
    await engine.drain(t.campaign.id);
    expect(t.sink.accepted()).toBe(10);
    expect(await t.campaigns.get(t.campaign.id)).toMatchObject({ status: 'paused', pauseReason: 'quota' });
    const waiting = [...(await statusOf(t.store, t.campaign.id)).values()].filter((r) => r.status === 'queued');
    expect(waiting).toHaveLength(15);
    expect(waiting.every((r) => r.reason === 'quota-exceeded')).toBe(true);
    expect(await engine.quota(t.world.accountId)).toEqual({ day: '2026-12-02', quota: 10, used: 10, waiting: 15 });
    expect(await engine.resumePaused()).toEqual([]);
    t.clock.set('2026-12-03T00:00:30.000Z');
    expect(await engine.resumePaused()).toEqual([t.campaign.id]);
    expect((await engine.quota(t.world.accountId)).quota).toBe(20);
    await engine.drain(t.campaign.id);
    expect(t.sink.counts.size).toBe(25);
    expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
    expect(await engine.quota(t.world.accountId)).toMatchObject({ used: 15, waiting: 0 });
  });

  it('[ACC-08, DEL-02] the per-account rate is one token bucket in the database, shared by every worker', async () => {
    const clock = manualClock('2026-12-02T10:00:00.000Z');
    const one = createDeliveryStore(db());
    const two = createDeliveryStore(db());
    const now = clock.now();
    const takes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).takeTokens('acct-bucket', 5, 10, 20, now)),
    );
    expect(takes.reduce((a, b) => a + b, 0)).toBe(20);
    clock.advance(1_000);
    expect(await one.takeTokens('acct-bucket', 50, 10, 20, clock.now())).toBe(10);
    expect(await two.takeTokens('acct-bucket', 50, 10, 20, clock.now())).toBe(0);
  });

  /** An import approved by a reviewer whose imported rows are these contacts. */
  async function approvedImport(accountId: string, listId: string, contactIds: string[]) {
    const id = `imp-${accountId}`;
    const now = '2026-12-01T10:00:00.000Z';
    await db()
      .db.insertInto('imports')
      .values({
        id,
        account_id: accountId,
        status: 'approved',
        file_sha256: 'x',
        file_bytes: 1,
        source: 'csv',
        attestation: JSON.stringify({
          attested: true,
          at: now,
          userId: null,
          ip: null,
          userAgent: null,
          text: 'I attest.',
          version: 1,
        }),
        list_ids: JSON.stringify([listId]),
        file_name: null,
        source_description: null,
        mapping: null,
        encoding: null,
        delimiter: null,
        consent_date: null,
        total_rows: contactIds.length,
        risk_score: null,
        forensics: null,
        hold_reasons: null,
        error: null,
        review_reason: 'ok',
        reviewed_by: 'op',
        reviewed_at: now,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db()
      .db.insertInto('import_rows')
      .values(
        contactIds.map((c, i) => ({
          import_id: id,
          row_number: i + 1,
          email: null,
          outcome: 'imported',
          reason: null,
          contact_id: c,
        })),
      )
      .execute();
    return id;
  }

  for (const bad of [false, true]) {
    it(`[IMP-07] the first campaign to reach a newly approved import sends to a sample first; ${bad ? 'over the hard-bounce threshold the rest is cancelled and the import declined' : 'a healthy sample releases the rest'}`, async () => {
      const t = await setup(260, { engine: { batchSize: 100 } });
      const imported = t.world.ids.slice(0, 200);
      const importId = await approvedImport(t.world.accountId, t.world.listId, imported);
      if (bad) for (const id of imported) t.sink.reject.add(t.world.emails.get(id)!);
      const engine = t.engineFor('w1');
      // 5% of 200 is 10: the policy's minimum of 100 applies.
      expect(await engine.start(t.world.accountId, t.campaign.id)).toEqual({ queued: 160, held: 100 });
      const recs = [...(await statusOf(t.store, t.campaign.id)).values()];
      expect(recs.filter((r) => r.sample)).toHaveLength(100);
      expect(
        recs.filter((r) => r.status === 'held').every((r) => r.reason === 'sample-hold' && imported.includes(r.contactId)),
      ).toBe(true);
      await engine.drain(t.campaign.id);
      await engine.drain(t.campaign.id);
      const after = [...(await statusOf(t.store, t.campaign.id)).values()];
      const store = createDeliveryStore(db());
      if (bad) {
        expect(after.filter((r) => r.status === 'refused' && r.reason === 'sample-declined')).toHaveLength(100);
        expect(after.filter((r) => r.status === 'bounced' && r.bounceType === 'hard')).toHaveLength(100);
        expect(t.sink.accepted()).toBe(60);
        expect(await store.sampleOf(importId)).toMatchObject({ status: 'declined', reason: expect.stringContaining('100.0%') });
        // The customer's import (and the reviewer's list) shows the decline and its reason.
        const shown = await createImportStore(db()).get(t.world.accountId, importId);
        expect(shown!.sample).toMatchObject({
          campaignId: t.campaign.id,
          status: 'declined',
          reason: expect.stringContaining('hard'),
        });
      } else {
        expect(t.sink.counts.size).toBe(260);
        expect(await store.sampleOf(importId)).toMatchObject({ status: 'passed' });
        expect((await createImportStore(db()).get(t.world.accountId, importId))!.sample).toMatchObject({ status: 'passed' });
      }
      expect((await t.campaigns.get(t.campaign.id))!.status).toBe('sent');
    });
  }
});
