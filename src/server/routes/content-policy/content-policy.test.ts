// Operator tuning of the content policy through the HTTP API on both engines (CNT-01): an added
// term changes the next screen's verdict and the verdict names the stored revision; bad overrides
// are refused with a code and store nothing; revisions are append-only in the database; audited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_POLICY_LIMITS } from '../../../core/content/policy-settings.ts';
import { signIn, signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

const BREAD = { subject: 'Fresh bread this week', body: '<p>Our bakery opens at 8 on Saturday. New sourdough this week.</p>' };
const ADMIN = { email: 'policy-admin@assent.test', password: 'policy admin password 123' };
const REVIEWER = { email: 'policy-reviewer@assent.test', password: 'policy reviewer password 123' };
const URL = '/api/v1/operator/content-policy';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`content policy settings [${engine}]`, () => {
    let t: TestPlatform;
    let admin: SignedIn;
    let reviewer: SignedIn;

    beforeAll(async () => {
      t = await createTestPlatform(engine);
      const accounts = t.platform.services.accounts;
      await accounts.createOperator({ email: ADMIN.email, role: 'admin', password: ADMIN.password });
      await accounts.createOperator({ email: REVIEWER.email, role: 'reviewer', password: REVIEWER.password });
      admin = await signIn(t.app, ADMIN.email, ADMIN.password);
      reviewer = await signIn(t.app, REVIEWER.email, REVIEWER.password);
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: SignedIn, payload?: unknown) =>
      t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    const revisions = () => t.platform.database.db.selectFrom('content_policy_revisions').selectAll().orderBy('seq').execute();

    /** A customer with an email list and a verified sending domain; submit() creates and submits a campaign. */
    async function customer(domain: string) {
      const owner = await signUp(t.app);
      const list = await call('POST', '/api/v1/lists', owner, {
        name: 'News',
        purposeText: 'Monthly news by email.',
        channel: 'email',
        frequency: 'monthly',
        senderName: 'Bakery',
      });
      expect(list.statusCode, list.body).toBe(201);
      const d = await call('POST', '/api/v1/sending-domains', owner, { domain });
      expect(d.statusCode, d.body).toBe(201);
      await t.platform.database.db
        .updateTable('sending_domains')
        .set({ status: 'verified', verified_at: t.clock.now().toISOString() })
        .where('id', '=', d.json().id)
        .execute();
      const submit = async (content: { subject: string; body: string }, name: string) => {
        const created = await call('POST', '/api/v1/campaigns', owner, {
          name,
          listId: list.json().id,
          fromName: 'Bakery',
          fromEmail: `news@${domain}`,
          format: 'html',
          ...content,
        });
        expect(created.statusCode, created.body).toBe(201);
        const submitted = await call('POST', `/api/v1/campaigns/${created.json().id}/submit`, owner);
        expect(submitted.statusCode, submitted.body).toBe(200);
        return submitted.json() as { id: string; status: string; verdict: { decision: string; policyRevision: string } };
      };
      return { owner, submit };
    }

    it('[CNT-01] an operator adds a term to a category: a campaign with it, approved before, is held or rejected on submit, and its verdict records the new stored revision (audited)', async () => {
      const c = await customer('policy-tuning-test.ro');
      const before = await call('GET', URL, reviewer);
      expect(before.statusCode, before.body).toBe(200);
      expect(before.json()).toMatchObject({ stored: null, overrides: {} });
      const baseRevision = before.json().revision as string;
      expect(before.json().base.revision).toBe(baseRevision);
      const drugs = before.json().base.categories.find((x: { id: string }) => x.id === 'illegal-drugs');
      expect(drugs).toMatchObject({ names: { en: 'Illegal drugs' }, verdict: 'reject' });
      expect(drugs.holdAt).toBeGreaterThan(0);

      const first = await c.submit(BREAD, 'Bread before');
      expect(first.status).toBe('approved');
      expect(first.verdict.policyRevision).toBe(baseRevision);

      const note = 'Sourdough is street slang for a new drug in our market (test).';
      const put = await call('PUT', URL, admin, {
        overrides: { categories: { 'illegal-drugs': { weightScale: 2, en: { strong: ['sourdough'] } } } },
        note,
      });
      expect(put.statusCode, put.body).toBe(200);
      const revision = put.json().revision as string;
      expect(revision).toBe(`${baseRevision}+op1`);
      expect(put.json().stored).toMatchObject({ revision, seq: 1, note });
      const stored = await revisions();
      expect(stored.map((r) => r.revision)).toEqual([revision]);
      expect(JSON.parse(stored[0]!.overrides)).toEqual({
        categories: { 'illegal-drugs': { weightScale: 2, en: { strong: ['sourdough'] } } },
      });
      expect((await call('GET', URL, reviewer)).json()).toMatchObject({ revision, overrides: put.json().overrides });

      const second = await c.submit(BREAD, 'Bread after');
      expect(['in-review', 'rejected']).toContain(second.status);
      expect(['hold', 'reject']).toContain(second.verdict.decision);
      expect(second.verdict.policyRevision).toBe(revision);
      const got = await call('GET', `/api/v1/campaigns/${second.id}`, c.owner);
      expect(got.json().verdict.findings.map((f: { category: string }) => f.category)).toContain('illegal-drugs');

      const audit = await t.platform.database.db
        .selectFrom('audit_log')
        .select(['actor_type', 'reason', 'details'])
        .where('action', '=', 'content-policy.updated')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_type: 'operator', reason: note });
      expect(JSON.parse(audit[0]!.details)).toMatchObject({ revision, seq: 1, baseRevision });

      // A second save is a new revision; the first stays as it was.
      const again = await call('PUT', URL, admin, { overrides: {}, note: 'Back to the built-in policy.' });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().revision).toBe(`${baseRevision}+op2`);
      expect((await revisions()).map((r) => r.revision)).toEqual([revision, `${baseRevision}+op2`]);
      expect((await c.submit(BREAD, 'Bread again')).status).toBe('approved');
    });

    it('[CNT-01] only operators read the policy and only platform admins change it (403)', async () => {
      const customerUser = await signUp(t.app);
      expect((await call('GET', URL, customerUser)).statusCode).toBe(403);
      const put = await call('PUT', URL, customerUser, { overrides: {}, note: 'no' });
      expect(put.statusCode).toBe(403);
      expect(put.json().error.code).toBe('OPERATOR_ONLY');
      const byReviewer = await call('PUT', URL, reviewer, { overrides: {}, note: 'no' });
      expect(byReviewer.statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
    });

    it('[CNT-01] invalid overrides (unknown category or key, negative weight, too many or too long terms, hold above reject, no note) are 400 CONTENT_POLICY_INVALID and store nothing', async () => {
      const count = (await revisions()).length;
      const tooMany = Array.from({ length: CONTENT_POLICY_LIMITS.maxTermsPerList + 1 }, (_, i) => `term number ${i}`);
      const bad: { overrides: unknown; note?: string }[] = [
        { overrides: { categories: { 'not-a-category': { weightScale: 2 } } } },
        { overrides: { weights: { strong: -1 } } },
        { overrides: { categories: { gambling: { weightScale: -1 } } } },
        { overrides: { categories: { gambling: { en: { strong: tooMany } } } } },
        { overrides: { categories: { gambling: { ro: { topic: ['x'.repeat(CONTENT_POLICY_LIMITS.maxTermLength + 1)] } } } } },
        { overrides: { categories: { gambling: { holdAt: 5, rejectAt: 3 } } } },
        { overrides: { something: 1 } },
        { overrides: { weights: { unknownWeight: 1 } } },
        { overrides: { categories: { gambling: { en: { strong: ['ab*'] } } } } },
        { overrides: { categories: { gambling: { en: { strong: ['casino ~'] } } } } },
        { overrides: [] },
        { overrides: {}, note: '   ' },
      ];
      for (const b of bad) {
        const res = await call('PUT', URL, admin, { note: 'A test of bad input.', ...b });
        expect(res.statusCode, `${JSON.stringify(b)} → ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('CONTENT_POLICY_INVALID');
      }
      expect((await revisions()).length).toBe(count);
    });

    it('[CNT-01] revisions are append-only: the database refuses UPDATE and DELETE', async () => {
      const put = await call('PUT', URL, admin, { overrides: { holdAt: 2.5 }, note: 'A slightly higher hold threshold.' });
      expect(put.statusCode, put.body).toBe(200);
      const db = t.platform.database.db;
      await expect(
        db
          .updateTable('content_policy_revisions')
          .set({ note: 'rewritten' })
          .where('revision', '=', put.json().revision)
          .execute(),
      ).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('content_policy_revisions').execute()).rejects.toThrow(/append-only/);
      await expect(sql`update content_policy_revisions set overrides = '{}'`.execute(db)).rejects.toThrow(/append-only/);
      const rows = await revisions();
      expect(rows.at(-1)).toMatchObject({ revision: put.json().revision, note: 'A slightly higher hold threshold.' });
    });
  });
}
