// Campaigns on both engines: the state machine (no path reaches approved without a verdict),
// re-screen on edit (CNT-05), bad input codes, the gate's campaign refusals (DEL-01, MSG-03) and
// the report mail when a campaign finishes (ACC-07). The sending-domain gate and the send engine
// are small fakes here (other areas); the store, lists, segments, gate and audit are real.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createCampaignStore } from '../../db/repositories/campaigns.ts';
import { createAccountRow, emailList, permissionServices, smsList } from '../../db/repositories/permission.testkit.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { createAuditRepository } from '../../db/repositories/audit.ts';
import { AppError } from '../errors.ts';
import { createGateService } from '../gate/service.ts';
import { createGateStore } from '../../db/repositories/gate.ts';
import { silentLogger } from '../ports.ts';
import type { SystemMailRequest } from '../system-mail/ports.ts';
import { createBasicRenderer } from './basic-renderer.ts';
import { contentHash, createContentReview } from './review.ts';
import { createCampaignService, type CampaignEngine } from './service.ts';
import { CAMPAIGN_STATUSES, type CampaignStatus, type ContentReview } from './types.ts';
import type { CampaignInput, SmsCampaignInput } from './schemas.ts';
import { MAX_SMS_SEGMENTS } from '../sms/segments.ts';

const BENIGN = '<p>Our bakery opens at 8 on Saturday. New sourdough this week.</p>';

describeEachEngine('campaigns', (db) => {
  const clock = manualClock('2026-12-01T10:00:00.000Z');

  async function world(options: { review?: ContentReview; verified?: Set<string> } = {}) {
    const database = db();
    const p = permissionServices(database, clock);
    const accountId = await createAccountRow(database);
    const list = await p.lists.create(accountId, emailList());
    const verified = options.verified ?? new Set(['bakery.example']);
    const mails: SystemMailRequest[] = [];
    const started: string[] = [];
    const kicked: string[] = [];
    const store = createCampaignStore(database);
    const ref = {} as { service: ReturnType<typeof createCampaignService> };
    const engine: CampaignEngine = {
      async start(a, id) {
        started.push(id);
        await ref.service.access.setStatus(a, id, 'sending', { from: ['approved', 'scheduled'] });
        return { queued: 0, held: 0 };
      },
      async kick(id) {
        kicked.push(id);
      },
      async progress(_a, campaignId) {
        return {
          campaignId,
          total: 3,
          byStatus: { queued: 0, sending: 0, accepted: 2, deferred: 0, bounced: 1, refused: 0, held: 0 },
          bounced: { hard: 1, soft: 0 },
          refusedByReason: {},
          timeline: [],
        };
      },
    };
    const domains = {
      verifiedFor: async (_a: string, from: string) => (verified.has(from.split('@')[1]!) ? ({ id: 'd1' } as never) : null),
    };
    const gate = createGateService({
      store: createGateStore(database),
      standing: { assertServiceAllowed: async () => {} },
      clock,
      logger: silentLogger,
      preconditions: () => ({ check: (a, id) => ref.service.precondition(a, id) }),
    });
    const service = (ref.service = createCampaignService({
      store,
      lists: p.lists,
      segments: p.segments,
      domains,
      review: options.review ?? createContentReview({ clock }),
      renderer: createBasicRenderer(),
      gate,
      engine: () => engine,
      contacts: p.contacts,
      systemMail: { enqueue: async (m) => (mails.push(m), 'mail-1') },
      ownerEmails: async () => [{ email: 'owner@bakery.example', language: 'en' }],
      audit: createAuditLog({ store: createAuditRepository(database.db), clock }),
      clock,
      logger: silentLogger,
    }));
    const input = (over: Partial<CampaignInput> = {}): CampaignInput => ({
      name: 'December',
      listId: list.id,
      subject: 'Fresh bread this week',
      fromName: 'Bakery',
      fromEmail: 'news@bakery.example',
      format: 'html',
      body: BENIGN,
      ...over,
    });
    return { p, accountId, list, service, gate, input, mails, started, kicked, verified, database };
  }

  const code = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (err instanceof AppError) return err.code;
      throw err;
    }
    return 'no error';
  };

  const holdReview: ContentReview = {
    async review(c) {
      const real = await createContentReview({ clock }).review(c);
      return { ...real, decision: 'hold', findings: [{ category: 'test', rule: 'hold' }] };
    },
  };

  it('submit screens the campaign: allowed content is approved with its verdict, content hash and policy revision', async () => {
    const { service, accountId, input } = await world();
    const c = await service.create(accountId, input());
    expect(c.status).toBe('draft');
    const approved = await service.submit(accountId, c.id);
    expect(approved.status).toBe('approved');
    expect(approved.verdict?.decision).toBe('allow');
    expect(approved.verdict?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(approved.verdict?.policyRevision).toBeTruthy();
  });

  it('no path reaches approved without a verdict: every move from every state through the service API', async () => {
    const { service, accountId, input } = await world({ review: holdReview });
    const reached = new Set<CampaignStatus>();
    for (const from of CAMPAIGN_STATUSES) {
      const c = await service.create(accountId, input());
      // Put the campaign in `from` through the store's compare-and-set, as the engine would.
      const store = createCampaignStore(db());
      await store.update(accountId, c.id, ['draft'], { status: from }, clock.now().toISOString());
      const moves: Array<() => Promise<unknown>> = [
        () => service.submit(accountId, c.id),
        () => service.send(accountId, c.id),
        () => service.send(accountId, c.id, { at: '2026-12-24T10:00:00Z' }),
        () => service.pause(accountId, c.id),
        () => service.resume(accountId, c.id),
        () => service.cancel(accountId, c.id),
        () => service.update(accountId, c.id, { subject: 'Changed' }),
        () => service.access.setStatus(accountId, c.id, 'approved'),
      ];
      for (const move of moves) {
        await move().catch(() => {});
        const now = await service.get(accountId, c.id);
        reached.add(now.status);
        if (now.status === 'approved' || now.status === 'scheduled') {
          // Only a verdict the service wrote can lead here; the screen held everything, so none may.
          throw new Error(`reached ${now.status} from ${from} without an allowing verdict`);
        }
      }
    }
    expect(reached.has('in-review')).toBe(true);
  });

  it('an operator approves a held campaign; the decision is audited and binds to the content', async () => {
    const { service, accountId, input, database } = await world({ review: holdReview });
    const c = await service.submit(accountId, (await service.create(accountId, input())).id);
    expect(c.status).toBe('in-review');
    expect((await service.heldReviews()).map((h) => h.campaign.id)).toContain(c.id);
    const approved = await service.operatorDecide('operator-1', c.id, 'approve', 'Ordinary bakery news.');
    expect(approved.status).toBe('approved');
    expect(approved.verdict?.decidedBy).toBe('operator-1');
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'campaign.review-approved')
      .execute();
    expect(audit).toHaveLength(1);
    expect(await code(service.operatorDecide('operator-1', c.id, 'approve', 'again'))).toBe('CAMPAIGN_NOT_HELD');
  });

  it('[CNT-05] an edit of an approved (or scheduled) campaign clears the verdict, bumps the version and screens it again', async () => {
    const { service, accountId, input } = await world({});
    const c = await service.submit(accountId, (await service.create(accountId, input())).id);
    const scheduled = await service.send(accountId, c.id, { at: '2026-12-24T10:00:00Z', timeZone: 'Europe/Bucharest' });
    expect(scheduled.status).toBe('scheduled');
    const edited = await service.update(accountId, c.id, { body: '<p>Now with rye bread too.</p>' });
    expect(edited.version).toBe(c.version + 1);
    expect(edited.scheduledAt).toBeNull();
    // Screened again at once: approved anew, bound to the new content.
    expect(edited.status).toBe('approved');
    expect(edited.verdict?.contentHash).not.toBe(c.verdict?.contentHash);
    const renamed = await service.update(accountId, c.id, { name: 'December (v2)' });
    expect(renamed.version).toBe(edited.version);
  });

  it('bad input answers stable codes: schedule in the past, segment of another list, unverified From, unknown list', async () => {
    const { service, accountId, input, p } = await world();
    const other = await p.lists.create(accountId, emailList('Other'));
    const seg = await p.segments.create(accountId, {
      name: 'Other list people',
      filter: { all: [{ type: 'consent', listId: other.id, status: 'active' }] },
    });
    expect(await code(service.create(accountId, input({ segmentId: seg.id })))).toBe('SEGMENT_OTHER_LIST');
    expect(await code(service.create(accountId, input({ fromEmail: 'news@elsewhere.example' })))).toBe('DOMAIN_UNVERIFIED');
    expect(await code(service.create(accountId, input({ listId: 'no-such-list' })))).toBe('LIST_NOT_FOUND');
    const c = await service.submit(accountId, (await service.create(accountId, input())).id);
    expect(await code(service.send(accountId, c.id, { at: '2026-11-30T10:00:00Z' }))).toBe('SCHEDULE_IN_PAST');
    expect(await code(service.send(accountId, c.id, { at: '2026-12-24T10:00:00Z', timeZone: 'Mars/Olympus' }))).toBe(
      'TIME_ZONE_INVALID',
    );
    expect(await code(service.testSend(accountId, c.id, 'stranger@example.com'))).toBe('TEST_SEND_RECIPIENT');
    expect(await code(service.pause(accountId, c.id))).toBe('CAMPAIGN_STATE');
  });

  async function sendable(w: Awaited<ReturnType<typeof world>>) {
    const contact = (await w.p.contacts.upsert(w.accountId, { email: 'ana@example.com' })).contact.id;
    await w.p.consent.record(w.accountId, [
      {
        contactId: contact,
        listId: w.list.id,
        channel: 'email',
        kind: 'granted',
        sourceType: 'form',
        textShown: 'Yes, email me.',
      },
    ]);
    const c = await w.service.submit(w.accountId, (await w.service.create(w.accountId, w.input())).id);
    const decide = async () =>
      (
        await w.gate.authorizeSend({
          accountId: w.accountId,
          listId: w.list.id,
          channel: 'email',
          contactIds: [contact],
          contextId: c.id,
        })
      ).get(contact);
    const counts = async () => (await w.gate.refusalCounts(w.accountId, { contextId: c.id })).refused;
    return { c, contact, decide, counts };
  }

  it('[DEL-01] content-unapproved: a campaign not approved, or edited after approval, is refused, recorded and counted', async () => {
    const w = await world({ review: holdReview });
    const { c, decide, counts } = await sendable(w);
    expect(c.status).toBe('in-review');
    expect(await decide()).toEqual({ allowed: false, reason: 'content-unapproved' });
    await w.service.operatorDecide('op', c.id, 'approve', 'fine');
    expect(await decide()).toEqual({ allowed: true });
    // Edit after approval, behind the service's back: the verdict no longer matches the content hash.
    await createCampaignStore(db()).update(
      w.accountId,
      c.id,
      ['approved'],
      { body: '<p>changed</p>' },
      clock.now().toISOString(),
    );
    expect(await decide()).toEqual({ allowed: false, reason: 'content-unapproved' });
    expect((await counts())['content-unapproved']).toBe(2);
  });

  it('[DEL-01] domain-unverified: a From domain no longer verified refuses the send, recorded and counted', async () => {
    const w = await world();
    const { decide, counts } = await sendable(w);
    expect(await decide()).toEqual({ allowed: true });
    w.verified.clear();
    expect(await decide()).toEqual({ allowed: false, reason: 'domain-unverified' });
    expect((await counts())['domain-unverified']).toBe(1);
  });

  it('[DEL-01, MSG-03] no-postal-address: sending is refused while the account has no postal address', async () => {
    const w = await world();
    const { c, decide, counts } = await sendable(w);
    await w.database.db.updateTable('accounts').set({ postal_address: ' ' }).where('id', '=', w.accountId).execute();
    expect(await decide()).toEqual({ allowed: false, reason: 'no-postal-address' });
    expect((await counts())['no-postal-address']).toBe(1);
    const dry = await w.service.dryRun(w.accountId, c.id);
    expect(dry.campaignRefusal).toBe('no-postal-address');
    expect(dry.allowed).toBe(0);
    expect(dry.refused['no-postal-address']).toBe(dry.total);
  });

  it('the dry run counts the audience by reason, narrowed by the segment', async () => {
    const w = await world();
    const { c } = await sendable(w);
    const dry = await w.service.dryRun(w.accountId, c.id);
    expect(dry).toMatchObject({ total: 1, allowed: 1, campaignRefusal: null });
  });

  it('send now starts the engine; pause, resume and cancel follow the state machine; the scheduler starts due campaigns', async () => {
    const w = await world();
    const c = await w.service.submit(w.accountId, (await w.service.create(w.accountId, w.input())).id);
    const sending = await w.service.send(w.accountId, c.id);
    expect(sending.status).toBe('sending');
    expect(sending.startedAt).not.toBeNull();
    expect((await w.service.pause(w.accountId, c.id)).pauseReason).toBe('owner');
    expect(w.kicked).toEqual([]);
    expect((await w.service.resume(w.accountId, c.id)).status).toBe('sending');
    // The pause ended the send jobs: resuming sends new ones out, or the rest would never go.
    expect(w.kicked).toEqual([c.id]);
    expect((await w.service.cancel(w.accountId, c.id)).finishedAt).not.toBeNull();

    const later = await w.service.submit(w.accountId, (await w.service.create(w.accountId, w.input())).id);
    await w.service.send(w.accountId, later.id, { at: '2026-12-01T10:05:00Z' });
    expect(await w.service.startScheduled()).toEqual([]);
    clock.advance(6 * 60_000);
    expect(await w.service.startScheduled()).toEqual([later.id]);
    expect((await w.service.get(w.accountId, later.id)).status).toBe('sending');
  });

  it('[ACC-07] when a campaign finishes, the campaign-report mail is queued to the owner with the figures', async () => {
    const w = await world();
    const c = await w.service.submit(w.accountId, (await w.service.create(w.accountId, w.input())).id);
    await w.service.send(w.accountId, c.id);
    const done = await w.service.access.setStatus(w.accountId, c.id, 'sent', { from: 'sending' });
    expect(done?.status).toBe('sent');
    await w.service.onFinished(done!);
    expect(w.mails).toHaveLength(1);
    expect(w.mails[0]).toMatchObject({
      to: 'owner@bakery.example',
      template: 'campaign-report',
      data: { campaignName: 'December', sent: 3, delivered: 2, bounced: 1, unsubscribed: 0 },
    });
    const report = await w.service.report(w.accountId, c.id);
    expect(report).toMatchObject({ audience: 3, accepted: 2, bounced: { hard: 1, soft: 0 }, unsubscribed: 0, clicks: null });
  });
  // SMS campaigns (issue 11 §6): a campaign to an SMS list is a text and a sender ID, screened by
  // the same review, bound to its content hash, and not sendable until SMS sending lands.
  async function smsWorld() {
    const w = await world();
    const list = await w.p.lists.create(w.accountId, smsList());
    const sms = (over: Partial<SmsCampaignInput> = {}): SmsCampaignInput => ({
      name: 'Weekend',
      listId: list.id,
      senderId: 'Brutaria',
      body: 'Paine proaspata sambata de la 8. Raspunde STOP pentru dezabonare.',
      ...over,
    });
    return { ...w, smsListId: list.id, sms };
  }

  it('a campaign to an SMS list is an SMS draft: text and sender ID only, no email fields, email lists unchanged', async () => {
    const w = await smsWorld();
    const c = await w.service.create(w.accountId, w.sms());
    expect(c).toMatchObject({
      channel: 'sms',
      senderId: 'Brutaria',
      format: 'text',
      subject: '',
      fromEmail: '',
      status: 'draft',
    });
    expect((await w.service.get(w.accountId, c.id)).channel).toBe('sms');
    const email = await w.service.create(w.accountId, w.input());
    expect(email).toMatchObject({ channel: 'email', senderId: null });
    // A row written without a channel (every campaign before migration 0069) reads back as email.
    const {
      channel: _c,
      sender_id: _s,
      ...old
    } = await w.database.db.selectFrom('campaigns').selectAll().where('id', '=', email.id).executeTakeFirstOrThrow();
    await w.database.db
      .insertInto('campaigns')
      .values({ ...old, id: `${email.id}-old` })
      .execute();
    expect(await createCampaignStore(w.database).get(w.accountId, `${email.id}-old`)).toMatchObject({ channel: 'email' });
    // Email fields on an SMS campaign (and a sender ID on an email one) are refused, not ignored.
    expect(await code(w.service.create(w.accountId, { ...w.input(), listId: w.smsListId }))).toBe('CAMPAIGN_CHANNEL_FIELDS');
    expect(await code(w.service.update(w.accountId, c.id, { subject: 'Hi' }))).toBe('CAMPAIGN_CHANNEL_FIELDS');
    expect(await code(w.service.update(w.accountId, email.id, { senderId: 'Brutaria' }))).toBe('CAMPAIGN_CHANNEL_FIELDS');
    // A campaign keeps its channel: it cannot move to a list of the other channel.
    expect(await code(w.service.update(w.accountId, c.id, { listId: w.list.id }))).toBe('CAMPAIGN_CHANNEL_MISMATCH');
    expect(await code(w.service.update(w.accountId, email.id, { listId: w.smsListId }))).toBe('CAMPAIGN_CHANNEL_MISMATCH');
  });

  it('an SMS text over MAX_SMS_SEGMENTS parts and a malformed sender ID are refused with their codes', async () => {
    const w = await smsWorld();
    // UCS-2 (ș): 67 characters a part, so MAX_SMS_SEGMENTS * 67 + 1 characters need one part more.
    const long = 'ș'.repeat(MAX_SMS_SEGMENTS * 67 + 1);
    expect(await code(w.service.create(w.accountId, w.sms({ body: long })))).toBe('SMS_TOO_MANY_SEGMENTS');
    const fits = await w.service.create(w.accountId, w.sms({ body: 'ș'.repeat(MAX_SMS_SEGMENTS * 67) }));
    expect(fits.channel).toBe('sms');
    expect(await code(w.service.update(w.accountId, fits.id, { body: long }))).toBe('SMS_TOO_MANY_SEGMENTS');
    for (const bad of ['Brutaria Centrala', 'Brutăria', '+0712345678', '12', '+40 7'])
      expect(await code(w.service.create(w.accountId, w.sms({ senderId: bad }))), bad).toBe('SMS_SENDER_INVALID');
    // The senders area's one rule: a number is stored in E.164, a short code is a sender too.
    expect((await w.service.create(w.accountId, w.sms({ senderId: '+40 712 345 678' }))).senderId).toBe('+40712345678');
    expect((await w.service.create(w.accountId, w.sms({ senderId: '12345' }))).senderId).toBe('12345');
  });

  it('[CNT-05] submit screens the SMS text and approves it with its content hash; an edit un-approves and screens again', async () => {
    const w = await smsWorld();
    const c = await w.service.create(w.accountId, w.sms());
    const approved = await w.service.submit(w.accountId, c.id);
    expect(approved.status).toBe('approved');
    expect(approved.verdict?.decision).toBe('allow');
    expect(approved.verdict?.contentHash).toBe(contentHash(approved));
    const edited = await w.service.update(w.accountId, c.id, { body: 'Paine cu secara sambata. STOP pentru dezabonare.' });
    expect(edited.version).toBe(2);
    expect(edited.verdict?.contentHash).toBe(contentHash(edited));
    expect(edited.verdict?.contentHash).not.toBe(approved.verdict?.contentHash);
    // Only the sender ID changed: not content, the verdict stands.
    const renamed = await w.service.update(w.accountId, c.id, { senderId: 'Brutarie' });
    expect(renamed).toMatchObject({ version: 2, status: 'approved', senderId: 'Brutarie' });
  });

  it('the screen applies the link rules to SMS text: a shortener is held, an IP-address link rejected, as in email', async () => {
    const w = await smsWorld();
    const short = await w.service.submit(
      w.accountId,
      (await w.service.create(w.accountId, w.sms({ body: 'Meniul de weekend: bit.ly/3xYzAbc STOP pentru dezabonare.' }))).id,
    );
    expect(short.status).toBe('in-review');
    expect(short.verdict?.decision).toBe('hold');
    expect(JSON.stringify(short.verdict?.findings)).toContain('deception.url-shortener');
    const ip = await w.service.submit(
      w.accountId,
      (await w.service.create(w.accountId, w.sms({ body: 'Confirma contul: http://203.0.113.7/login STOP pentru dezabonare.' })))
        .id,
    );
    expect(ip.status).toBe('rejected');
    expect(JSON.stringify(ip.verdict?.findings)).toContain('deception.ip-address-url');
  });

  it('an approved SMS campaign is not sendable yet: send, schedule, dry run and test send answer CAMPAIGN_CHANNEL_NOT_SENDABLE; the gate refuses it', async () => {
    const w = await smsWorld();
    const c = await w.service.submit(w.accountId, (await w.service.create(w.accountId, w.sms())).id);
    expect(c.status).toBe('approved');
    expect(await code(w.service.send(w.accountId, c.id))).toBe('CAMPAIGN_CHANNEL_NOT_SENDABLE');
    expect(await code(w.service.send(w.accountId, c.id, { at: '2026-12-24T10:00:00Z' }))).toBe('CAMPAIGN_CHANNEL_NOT_SENDABLE');
    expect(await code(w.service.dryRun(w.accountId, c.id))).toBe('CAMPAIGN_CHANNEL_NOT_SENDABLE');
    expect(await code(w.service.testSend(w.accountId, c.id, 'owner@bakery.example'))).toBe('CAMPAIGN_CHANNEL_NOT_SENDABLE');
    expect(await w.service.precondition(w.accountId, c.id)).toBe('content-unapproved');
    expect(w.started).toEqual([]);
    expect((await w.service.get(w.accountId, c.id)).status).toBe('approved');
    expect((await w.service.preview(w.accountId, c.id)).text).toBe(c.body);
  });
});
