// The enforcement and reputation API end to end on both engines (REP-01, REP-03, REP-07, BL-03):
// real operator and customer sessions over app.inject(), data seeded through the real stores.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { campaignSender, type CampaignSender } from '../../../../test/helpers/campaigns.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import type { ComplaintRow, EnforcementStore } from '../../../core/enforcement/ports.ts';
import { createEnforcementStore } from '../../../db/repositories/enforcement.ts';
import { createReputationStore } from '../../../db/repositories/reputation.ts';

const PASSWORD = 'correct horse battery staple';
const REPORT = 'Feedback-Type: abuse\r\nUser-Agent: SomeISP/1.0\r\n\r\nThis message is spam.';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`enforcement and reputation API (${engine})`, () => {
    let t: TestPlatform;
    let store: EnforcementStore;
    let admin: SignedIn;
    let reviewer: SignedIn;
    let a: CampaignSender;
    let b: SignedIn;
    /** A campaign of account a with 100 records: 3 hard bounces, the rest accepted. */
    let campaign: { id: string; contacts: string[] };

    type Caller = { headers: Record<string, string> } | null;
    const call = (who: Caller, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });

    async function sendCampaign(s: CampaignSender, sent: number, hardBounces: number) {
      const created = await call(s.owner, 'POST', '/api/v1/campaigns', {
        name: 'News',
        listId: s.listId,
        subject: `Spring offers ${engine}`,
        fromName: 'Bakery',
        fromEmail: `news@${(s.domain as unknown as { domain: string }).domain}`,
        format: 'html',
        body: '<p>Our spring offers.</p>',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      const at = t.clock.now().toISOString();
      const contacts = Array.from({ length: sent }, () => randomUUID());
      await t.database.db
        .insertInto('delivery_records')
        .values(
          contacts.map((contactId, i) => ({
            campaign_id: id,
            contact_id: contactId,
            account_id: s.owner.accountId,
            status: i < hardBounces ? 'bounced' : 'accepted',
            reason: null,
            attempts: 1,
            bounce_type: i < hardBounces ? 'hard' : null,
            smtp_reply: i < hardBounces ? '550 5.1.1 No such user' : '250 2.0.0 Ok',
            queue_id: null,
            relay: '127.0.0.1:25',
            message_id: `<${contactId}@example.test>`,
            sample: 0,
            next_attempt_at: at,
            claimed_by: null,
            lease_until: null,
            updated_at: at,
          })),
        )
        .execute();
      return { id, contacts };
    }

    /** A stored report (inbound item) and a complaint traced from it. */
    async function complaint(over: Partial<ComplaintRow> = {}): Promise<ComplaintRow> {
      const inboundId = randomUUID();
      const at = t.clock.now().toISOString();
      await t.platform.database.db
        .insertInto('inbound_messages')
        .values({
          id: inboundId,
          source: 'smtp',
          mailbox: 'feedback',
          dedupe_key: `test:${inboundId}`,
          envelope: null,
          raw: Buffer.from(REPORT),
          size: REPORT.length,
          status: 'processed',
          outcome: null,
          received_at: at,
          processed_at: at,
        })
        .execute();
      const row: ComplaintRow = {
        id: randomUUID(),
        inboundId,
        seq: 1,
        source: 'arf',
        feedbackType: 'abuse',
        accountId: a.owner.accountId,
        campaignId: campaign.id,
        contactId: campaign.contacts[50]!,
        tracedBy: 'verp',
        counted: true,
        reporter: 'someisp.example',
        comment: null,
        reviewStatus: 'open',
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
        receivedAt: at,
        ...over,
      };
      expect(await store.addComplaint(row)).toBe(true);
      return row;
    }

    const audit = async (accountId: string, action: string) =>
      (await call(admin, 'GET', `/api/v1/operator/audit?accountId=${accountId}`))
        .json()
        .filter((e: { action: string }) => e.action === action);

    beforeAll(async () => {
      t = await createTestPlatform(engine);
      store = createEnforcementStore(t.platform.database);
      for (const role of ['admin', 'reviewer'] as const)
        await t.platform.services.accounts.createOperator({ email: `${role}-${engine}@assent.test`, role, password: PASSWORD });
      admin = await signIn(t.app, `admin-${engine}@assent.test`, PASSWORD);
      reviewer = await signIn(t.app, `reviewer-${engine}@assent.test`, PASSWORD);
      a = await campaignSender(t, `bakery-${engine}-enforcement.ro`);
      b = await signUp(t.app);
      campaign = await sendCampaign(a, 100, 3);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('[REP-03] [BL-03] [REP-01] [REP-07] a customer gets 403 OPERATOR_ONLY on every enforcement operator endpoint, nobody 401', async () => {
      const id = randomUUID();
      const requests: [string, string, object?][] = [
        ['GET', '/api/v1/operator/complaints'],
        ['GET', `/api/v1/operator/complaints/${id}`],
        ['POST', `/api/v1/operator/complaints/${id}/review`, { decision: 'dismiss', note: 'mine' }],
        ['GET', '/api/v1/operator/incidents'],
        ['POST', `/api/v1/operator/incidents/${id}/close`, { note: 'mine' }],
        ['GET', '/api/v1/operator/bounces'],
        ['GET', '/api/v1/operator/inbound'],
        ['GET', `/api/v1/operator/accounts/${a.owner.accountId}/reputation`],
        ['POST', `/api/v1/operator/accounts/${a.owner.accountId}/reputation/lift-hold`, { reason: 'me' }],
      ];
      for (const [method, url, body] of requests) {
        const res = await call(a.owner, method as 'GET', url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('OPERATOR_ONLY');
        expect((await call(null, method as 'GET', url, body)).statusCode, `${method} ${url} anonymous`).toBe(401);
      }
      // State changes also need the CSRF token: a session cookie alone is refused before the handler.
      const noToken = await t.app.inject({
        method: 'POST',
        url: `/api/v1/operator/incidents/${id}/close`,
        headers: { cookie: admin.headers.cookie! },
        payload: { note: 'x' },
      });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().error.code).toBe('CSRF_INVALID');
    });

    it('[REP-03] [BL-03] [REP-01] [REP-07] the endpoints are in the OpenAPI document with their schemas and tags', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const expected: [string, string, string][] = [
        ['get', '/api/v1/operator/complaints', 'operator'],
        ['get', '/api/v1/operator/complaints/{id}', 'operator'],
        ['post', '/api/v1/operator/complaints/{id}/review', 'operator'],
        ['get', '/api/v1/operator/incidents', 'operator'],
        ['post', '/api/v1/operator/incidents/{id}/close', 'operator'],
        ['get', '/api/v1/operator/bounces', 'operator'],
        ['get', '/api/v1/operator/inbound', 'operator'],
        ['get', '/api/v1/operator/accounts/{id}/reputation', 'operator'],
        ['post', '/api/v1/operator/accounts/{id}/reputation/lift-hold', 'operator'],
        ['get', '/api/v1/account/reputation', 'account'],
        ['get', '/api/v1/account/suppressions', 'account'],
      ];
      for (const [method, path, tag] of expected) {
        const op = doc.paths?.[path]?.[method];
        expect(op, `${method} ${path}`).toBeTruthy();
        expect(op.tags).toEqual([tag]);
        expect(op.responses['200'].content['application/json'].schema).toBeTruthy();
      }
      const review = doc.paths['/api/v1/operator/complaints/{id}/review'].post;
      expect(review.requestBody.content['application/json'].schema.properties.decision.enum).toEqual(['confirm', 'dismiss']);
    });

    it('[REP-03] the complaint queue filters by status and account', async () => {
      const mine = await complaint();
      const other = await complaint({
        accountId: b.accountId,
        campaignId: null,
        contactId: null,
        tracedBy: 'none',
        counted: false,
      });
      const done = await complaint();
      expect(
        (await call(reviewer, 'POST', `/api/v1/operator/complaints/${done.id}/review`, { decision: 'confirm', note: 'ok' }))
          .statusCode,
      ).toBe(200);

      const ids = async (q: string) =>
        ((await call(reviewer, 'GET', `/api/v1/operator/complaints${q}`)).json() as { id: string }[]).map((c) => c.id);
      const openOfA = await ids(`?status=open&accountId=${a.owner.accountId}`);
      expect(openOfA).toContain(mine.id);
      expect(openOfA).not.toContain(other.id);
      expect(openOfA).not.toContain(done.id);
      expect(await ids(`?accountId=${b.accountId}`)).toEqual([other.id]);
      expect(await ids(`?status=confirmed&accountId=${a.owner.accountId}`)).toEqual([done.id]);
      expect(await ids('?status=open')).toEqual(expect.arrayContaining([mine.id, other.id]));
      expect((await ids(`?status=open&limit=1`)).length).toBe(1);
      expect((await call(reviewer, 'GET', '/api/v1/operator/complaints?status=closed')).statusCode).toBe(400);
    });

    it('[REP-03] the detail shows the traced delivery, the campaign it is about and the report excerpt', async () => {
      const c = await complaint();
      const res = await call(reviewer, 'GET', `/api/v1/operator/complaints/${c.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const detail = res.json();
      expect(detail.complaint).toMatchObject({ id: c.id, reviewStatus: 'open', counted: true, tracedBy: 'verp' });
      expect(detail.delivery).toMatchObject({
        accountId: a.owner.accountId,
        campaignId: campaign.id,
        contactId: campaign.contacts[50],
        status: 'accepted',
        messageId: `<${campaign.contacts[50]}@example.test>`,
        fromDomain: `bakery-${engine}-enforcement.ro`,
      });
      expect(detail.campaign).toMatchObject({
        id: campaign.id,
        subject: `Spring offers ${engine}`,
        bodyTruncated: false,
      });
      expect(detail.campaign.bodyExcerpt).toContain('Our spring offers.');
      expect(detail.report).toMatchObject({ source: 'smtp' });
      expect(detail.report.excerpt).toContain('Feedback-Type: abuse');
      const missing = await call(reviewer, 'GET', `/api/v1/operator/complaints/${randomUUID()}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('COMPLAINT_NOT_FOUND');
    });

    it('[REP-03] confirming is audited and once only: a second decision is 409 COMPLAINT_ALREADY_REVIEWED', async () => {
      const c = await complaint();
      const url = `/api/v1/operator/complaints/${c.id}/review`;
      const first = await call(reviewer, 'POST', url, { decision: 'confirm', note: 'Traced by VERP to a real send' });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({
        id: c.id,
        reviewStatus: 'confirmed',
        counted: true,
        reviewedBy: reviewer.userId,
        reviewNote: 'Traced by VERP to a real send',
      });
      for (const decision of ['confirm', 'dismiss']) {
        const again = await call(admin, 'POST', url, { decision, note: 'again' });
        expect(again.statusCode).toBe(409);
        expect(again.json().error.code).toBe('COMPLAINT_ALREADY_REVIEWED');
      }
      const rows = await audit(a.owner.accountId, 'complaint.confirm');
      expect(rows.find((e: { details: { complaintId: string } }) => e.details.complaintId === c.id)).toMatchObject({
        actorType: 'operator',
        actorId: reviewer.userId,
        reason: 'Traced by VERP to a real send',
      });
      const missing = await call(reviewer, 'POST', `/api/v1/operator/complaints/${randomUUID()}/review`, {
        decision: 'confirm',
        note: 'x',
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('COMPLAINT_NOT_FOUND');
      const bad = await call(reviewer, 'POST', url, { decision: 'maybe', note: 'x' });
      expect(bad.statusCode).toBe(400);
      // An empty note is refused before anything changes.
      const fresh = await complaint();
      const empty = await call(reviewer, 'POST', `/api/v1/operator/complaints/${fresh.id}/review`, {
        decision: 'dismiss',
        note: '   ',
      });
      expect(empty.statusCode).toBe(400);
      expect((await call(reviewer, 'GET', `/api/v1/operator/complaints/${fresh.id}`)).json().complaint.reviewStatus).toBe('open');
    });

    it('[REP-03] [REP-07] dismissing a counted complaint takes it out of the rates: counted=false, one complaint fewer', async () => {
      const c = await complaint();
      const complaintsOf = async () =>
        (await call(a.owner, 'GET', '/api/v1/account/reputation'))
          .json()
          .measures.find((m: { scope: string; window: string }) => m.scope === 'account' && m.window === 'day').complaints;
      const before = await complaintsOf();
      const res = await call(reviewer, 'POST', `/api/v1/operator/complaints/${c.id}/review`, {
        decision: 'dismiss',
        note: 'The trace pointed at a forwarded copy',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ reviewStatus: 'dismissed', counted: false });
      const detail = (await call(reviewer, 'GET', `/api/v1/operator/complaints/${c.id}`)).json();
      expect(detail.complaint).toMatchObject({ reviewStatus: 'dismissed', counted: false });
      expect(await complaintsOf()).toBe(before - 1);
    });

    it('[BL-03] incidents list by open/closed and account; closing is audited and a second close is 409 INCIDENT_CLOSED', async () => {
      const at = t.clock.now().toISOString();
      const base = {
        details: { zone: 'zen.example' },
        occurrences: 1,
        openedAt: at,
        lastSeenAt: at,
        closedAt: null,
        closedBy: null,
        closeNote: null,
      };
      const ofA = await store.openIncident({
        ...base,
        id: randomUUID(),
        kind: 'blocklist',
        subjectKind: 'domain',
        subject: `bakery-${engine}-enforcement.ro`,
        accountId: a.owner.accountId,
        summary: 'The sending domain is listed',
      });
      const platform = await store.openIncident({
        ...base,
        id: randomUUID(),
        kind: 'policy-block',
        subjectKind: 'ip',
        subject: '192.0.2.10',
        accountId: null,
        summary: 'A receiver blocks the platform IP',
      });
      const ids = async (q: string) =>
        ((await call(reviewer, 'GET', `/api/v1/operator/incidents${q}`)).json() as { id: string }[]).map((i) => i.id);
      expect(await ids('?open=true')).toEqual(expect.arrayContaining([ofA.id, platform.id]));
      expect(await ids(`?accountId=${a.owner.accountId}`)).toEqual([ofA.id]);

      const url = `/api/v1/operator/incidents/${ofA.id}/close`;
      const closed = await call(reviewer, 'POST', url, { note: 'Delisted after the cleanup' });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({ id: ofA.id, closedBy: reviewer.userId, closeNote: 'Delisted after the cleanup' });
      expect(closed.json().closedAt).toBe(t.clock.now().toISOString());
      const again = await call(admin, 'POST', url, { note: 'again' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('INCIDENT_CLOSED');
      const missing = await call(admin, 'POST', `/api/v1/operator/incidents/${randomUUID()}/close`, { note: 'x' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('INCIDENT_NOT_FOUND');

      expect(await ids('?open=true')).not.toContain(ofA.id);
      expect(await ids('?open=true')).toContain(platform.id);
      expect(await ids('?open=false')).toEqual([ofA.id]);
      const rows = await audit(a.owner.accountId, 'incident.close');
      expect(rows[0]).toMatchObject({
        actorId: reviewer.userId,
        reason: 'Delisted after the cleanup',
        details: { incidentId: ofA.id },
      });
    });

    it('[REP-01] bounce events filter by account and kind', async () => {
      const at = t.clock.now().toISOString();
      const bounce = (accountId: string, kind: 'hard' | 'soft' | 'policy-block') => ({
        id: randomUUID(),
        inboundId: randomUUID(),
        seq: 1,
        accountId,
        campaignId: campaign.id,
        contactId: randomUUID(),
        kind,
        status: kind === 'hard' ? '5.1.1' : '4.2.2',
        reason: kind === 'hard' ? 'bad-mailbox' : 'mailbox-full',
        reply: kind === 'hard' ? '550 5.1.1 No such user' : '452 4.2.2 Mailbox full',
        at,
      });
      const hardA = bounce(a.owner.accountId, 'hard');
      const softA = bounce(a.owner.accountId, 'soft');
      const hardB = bounce(b.accountId, 'hard');
      for (const row of [hardA, softA, hardB]) expect(await store.addBounce(row)).toBe(true);
      const list = async (q: string) => (await call(reviewer, 'GET', `/api/v1/operator/bounces${q}`)).json() as { id: string }[];
      expect((await list(`?accountId=${a.owner.accountId}&kind=hard`)).map((r) => r.id)).toEqual([hardA.id]);
      expect((await list(`?accountId=${a.owner.accountId}`)).map((r) => r.id).sort()).toEqual([hardA.id, softA.id].sort());
      const hard = await list('?kind=hard');
      expect(hard.map((r) => r.id)).toEqual(expect.arrayContaining([hardA.id, hardB.id]));
      expect(hard[0]).toMatchObject({ kind: 'hard' });
      expect((await call(reviewer, 'GET', '/api/v1/operator/bounces?kind=bogus')).statusCode).toBe(400);
    });

    it('[REP-01] inbound counts per status', async () => {
      const res = await call(reviewer, 'GET', '/api/v1/operator/inbound');
      expect(res.statusCode, res.body).toBe(200);
      const counts = res.json();
      const rows = await t.database.db.selectFrom('inbound_messages').select('status').execute();
      expect(counts).toEqual({
        received: rows.filter((r) => r.status === 'received').length,
        processed: rows.filter((r) => r.status === 'processed').length,
        untraceable: 0,
        failed: 0,
      });
      expect(counts.processed).toBeGreaterThan(0);
    });

    it('[REP-07] the operator sees an account’s measures, crossings and thresholds; an unknown account is 404', async () => {
      const res = await call(reviewer, 'GET', `/api/v1/operator/accounts/${a.owner.accountId}/reputation`);
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      expect(view.accountId).toBe(a.owner.accountId);
      const day = view.measures.find((m: { scope: string; window: string }) => m.scope === 'account' && m.window === 'day');
      expect(day).toMatchObject({ id: a.owner.accountId, sent: 100, hardBounces: 3, hardBounceRate: 0.03 });
      expect(view.measures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ scope: 'campaign', id: campaign.id, window: '7d', sent: 100 }),
          expect.objectContaining({ scope: 'domain', id: `bakery-${engine}-enforcement.ro`, window: 'day' }),
        ]),
      );
      expect(view.thresholds).toMatchObject({ hardBounceRate: { warn: 0.02 }, dailyComplaintCap: 50 });
      expect(view.crossings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ scope: 'account', metric: 'hard-bounce-rate', action: 'warn', rule: 'REP-06.warn' }),
        ]),
      );
      const missing = await call(reviewer, 'GET', `/api/v1/operator/accounts/${randomUUID()}/reputation`);
      expect(missing.statusCode).toBe(404);
    });

    it('[REP-07] a customer sees its own rates with the crossings in plain words, never another account’s', async () => {
      const mine = (await call(a.owner, 'GET', '/api/v1/account/reputation')).json();
      expect(mine.accountId).toBe(a.owner.accountId);
      const crossing = mine.crossings.find(
        (x: { scope: string; metric: string }) => x.scope === 'account' && x.metric === 'hard-bounce-rate',
      );
      expect(crossing.reason).toMatch(
        /^The hard-bounce rate of the account .* is 3% of 100 messages, at or over the 2% limit: this is a warning\.$/,
      );
      const res = await call(b, 'GET', '/api/v1/account/reputation');
      expect(res.statusCode).toBe(200);
      const theirs = res.json();
      expect(theirs.accountId).toBe(b.accountId);
      expect(theirs.crossings).toEqual([]);
      expect(theirs.hold).toBeNull();
      expect(theirs.measures.every((m: { scope: string; id: string }) => m.scope === 'account' && m.id === b.accountId)).toBe(
        true,
      );
      expect(JSON.stringify(theirs)).not.toContain(campaign.id);
      expect(JSON.stringify(theirs)).not.toContain(a.owner.accountId);
      // No way to name another account: unknown query fields are ignored, the answer stays the caller's.
      const named = (await call(b, 'GET', `/api/v1/account/reputation?accountId=${a.owner.accountId}`)).json();
      expect(named.accountId).toBe(b.accountId);
      expect((await call(null, 'GET', '/api/v1/account/reputation')).statusCode).toBe(401);
    });

    it('[REP-07] an admin lifts a hold: it is gone from both views and the lift is audited with the operator’s id', async () => {
      const reputation = createReputationStore(t.platform.database);
      expect(
        await reputation.addHold({
          accountId: a.owner.accountId,
          rule: 'REP-06.review',
          reason: 'The hard-bounce rate is over the review limit',
          heldAt: t.clock.now().toISOString(),
        }),
      ).toBe(true);
      expect((await call(a.owner, 'GET', '/api/v1/account/reputation')).json().hold).toMatchObject({
        rule: 'REP-06.review',
        reason: 'The hard-bounce rate is over the review limit',
      });
      const url = `/api/v1/operator/accounts/${a.owner.accountId}/reputation/lift-hold`;
      const byReviewer = await call(reviewer, 'POST', url, { reason: 'Looks fine' });
      expect(byReviewer.statusCode).toBe(403);
      expect(byReviewer.json().error.code).toBe('OPERATOR_ONLY');
      const empty = await call(admin, 'POST', url, { reason: '' });
      expect(empty.statusCode).toBe(400);
      expect(await reputation.getHold(a.owner.accountId)).not.toBeNull();

      const lifted = await call(admin, 'POST', url, { reason: 'List cleaned; bounces explained' });
      expect(lifted.statusCode, lifted.body).toBe(200);
      expect(lifted.json()).toEqual({ lifted: true });
      expect(await reputation.getHold(a.owner.accountId)).toBeNull();
      expect((await call(a.owner, 'GET', '/api/v1/account/reputation')).json().hold).toBeNull();
      expect((await call(admin, 'GET', `/api/v1/operator/accounts/${a.owner.accountId}/reputation`)).json().hold).toBeNull();
      const rows = await audit(a.owner.accountId, 'reputation.hold-lifted');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorType: 'operator', actorId: admin.userId, reason: 'List cleaned; bounces explained' });

      expect((await call(admin, 'POST', url, { reason: 'again' })).json()).toEqual({ lifted: false });
      expect(await audit(a.owner.accountId, 'reputation.hold-lifted')).toHaveLength(1);
      expect(
        (await call(admin, 'POST', `/api/v1/operator/accounts/${randomUUID()}/reputation/lift-hold`, { reason: 'x' })).statusCode,
      ).toBe(404);
    });

    it('[REP-01] a customer lists its own suppressions with reason and source', async () => {
      await t.platform.services.suppression.add(a.owner.accountId, `bounced-${engine}@example.test`, 'hard-bounce', 'bounce:abc');
      await t.platform.services.suppression.add(b.accountId, `other-${engine}@example.test`, 'complaint', 'complaint:xyz');
      const res = await call(a.owner, 'GET', '/api/v1/account/suppressions');
      expect(res.statusCode, res.body).toBe(200);
      const rows = res.json() as { reason: string; source: string | null; addressHash: string }[];
      expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'hard-bounce', source: 'bounce:abc' })]));
      expect(rows.some((r) => r.source === 'complaint:xyz')).toBe(false);
      const page = (await call(a.owner, 'GET', `/api/v1/account/suppressions?limit=1&after=${'0'.repeat(64)}`)).json();
      expect(page).toHaveLength(1);
      expect((await call(a.owner, 'GET', '/api/v1/account/suppressions?after=nothex')).statusCode).toBe(400);
    });
  });
}
