// The operator console's read model on both engines (issue 13 §4, §9): the dashboard's counts
// match what was seeded, and every operator listing names the account beside its id.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { campaignSender, type CampaignSender } from '../../../../test/helpers/campaigns.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { seedAccount } from '../../../db/repositories/standing-fixtures.ts';
import type { Standing } from '../../../core/standing/machine.ts';

const ACTION = { warned: 'warn', restricted: 'restrict', suspended: 'suspend', blocked: 'block' } as const;
const OPERATOR = { email: 'ops@assent.test', password: 'operator password 123' };
/** Dating promotion to a retail account: the content screen holds it for a person. */
const HELD_CONTENT = {
  subject: 'Singles near you want to meet tonight',
  body: '<p>2,345 single women in your city are online right now. Create your free dating profile and start chatting in 60 seconds.</p>',
};

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`operator dashboard and account names (${engine})`, () => {
    let t: TestPlatform;
    let ops: SignedIn;
    let sender: CampaignSender;
    let senderName: string;
    const seeded: Record<string, { id: string; name: string }> = {};
    /** Mail waiting before the outbox is seeded (verification mail, standing notices: no relay in tests). */
    let backlogBefore = 0;

    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: ops.headers });
    const at = () => t.clock.now().toISOString();

    async function account(name: string, standing: Standing, review: 'none' | 'pending' = 'none') {
      const { accountId } = await seedAccount(t.database.db, { name, review });
      // Through the standing service, so each change is in the audit log with the account.
      if (standing !== 'active')
        await t.platform.services.standing.transition({
          accountId,
          action: ACTION[standing],
          reason: 'Seeded for the dashboard test',
          actor: { type: 'system', id: 'test' },
          ...(standing === 'restricted' ? { services: ['email'] } : {}),
        });
      seeded[name] = { id: accountId, name };
      return accountId;
    }

    async function heldImport(accountId: string, fileName: string, score: number) {
      const id = randomUUID();
      await t.database.db
        .insertInto('imports')
        .values({
          id,
          account_id: accountId,
          status: 'held',
          file_name: fileName,
          file_sha256: randomUUID().replace(/-/g, ''),
          file_bytes: 100,
          source: 'own-form',
          source_description: null,
          attestation: JSON.stringify({
            attested: true,
            at: at(),
            userId: null,
            ip: null,
            userAgent: null,
            text: 'I attest.',
            version: 1,
          }),
          list_ids: '[]',
          mapping: null,
          encoding: 'utf-8',
          delimiter: ',',
          consent_date: null,
          total_rows: 10,
          risk_score: score,
          forensics: JSON.stringify({ score, reasons: [], stats: {}, samples: {} }),
          hold_reasons: JSON.stringify(['risk score']),
          error: null,
          review_reason: null,
          reviewed_by: null,
          reviewed_at: null,
          created_by: null,
          created_at: at(),
          updated_at: at(),
        })
        .execute();
      return id;
    }

    async function outbox(accountId: string | null, status: 'queued' | 'sent' | 'held' | 'failed', to = 'seeded@example.test') {
      await t.database.db
        .insertInto('system_mail')
        .values({
          id: randomUUID(),
          account_id: accountId,
          to_address: to,
          template: 'notice',
          category: 'critical',
          language: 'en',
          subject: 'A notice',
          text_body: 'Hello',
          html_body: '<p>Hello</p>',
          status,
          attempts: 0,
          last_error: null,
          created_at: at(),
          sent_at: status === 'sent' ? at() : null,
          next_attempt_at: null,
        })
        .execute();
    }

    async function incident(accountId: string | null, summary: string, closed = false) {
      await t.database.db
        .insertInto('incidents')
        .values({
          id: randomUUID(),
          kind: 'policy-block',
          subject_kind: accountId ? 'account' : 'ip',
          subject: accountId ?? '192.0.2.1',
          account_id: accountId,
          summary,
          details: '{}',
          occurrences: 1,
          opened_at: at(),
          last_seen_at: at(),
          closed_at: closed ? at() : null,
          closed_by: closed ? 'someone' : null,
          close_note: closed ? 'done' : null,
        })
        .execute();
    }

    beforeAll(async () => {
      t = await createTestPlatform(engine);
      await t.platform.services.accounts.createOperator({ email: OPERATOR.email, role: 'reviewer', password: OPERATOR.password });
      ops = await signIn(t.app, OPERATOR.email, OPERATOR.password);
      // A real customer whose campaign the content screen holds (and whose signup made it active).
      sender = await campaignSender(t);
      senderName = (
        await t.database.db
          .selectFrom('accounts')
          .select('name')
          .where('id', '=', sender.owner.accountId)
          .executeTakeFirstOrThrow()
      ).name;
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/campaigns',
        headers: sender.owner.headers,
        payload: {
          name: 'Singles night',
          listId: sender.listId,
          fromName: 'Bakery',
          fromEmail: 'news@bakery-assent-test.ro',
          format: 'html',
          ...HELD_CONTENT,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const submitted = await t.app.inject({
        method: 'POST',
        url: `/api/v1/campaigns/${created.json().id}/submit`,
        headers: sender.owner.headers,
        payload: {},
      });
      expect(submitted.json()).toMatchObject({ status: 'in-review', verdict: { decision: 'hold' } });

      const brasov = await account('Brutăria Brașov', 'warned');
      const cluj = await account('Cluj Books', 'restricted');
      await account('Iași Travel', 'suspended');
      await account('Timișoara Shop', 'blocked');
      await account('Oradea Wines', 'active', 'pending');
      // The standing changes above queued their notices: the seeded mail comes on top of it.
      backlogBefore = (await get('/api/v1/operator/dashboard')).json().outboxBacklog;
      await heldImport(brasov, 'brasov.csv', 55);
      await heldImport(cluj, 'cluj.csv', 70);
      await outbox(brasov, 'queued');
      await outbox(null, 'queued', 'platform@example.test');
      await outbox(cluj, 'held');
      await outbox(cluj, 'sent');
      await outbox(cluj, 'failed');
      await incident(brasov, 'Policy block at a mailbox provider');
      await incident(null, 'Sending IP listed');
      await incident(cluj, 'Closed long ago', true);
    }, 60_000);

    afterAll(async () => {
      await t?.close();
    });

    it('counts accounts by standing, what waits for review, the outbox backlog and the open incidents', async () => {
      const res = await get('/api/v1/operator/dashboard');
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      // Active: the campaign sender and Oradea Wines (pending review is not a standing).
      expect(d.accountsByStanding).toEqual({ active: 2, warned: 1, restricted: 1, suspended: 1, blocked: 1 });
      expect(d.signupsPending).toBe(1);
      expect(d.importsHeld).toBe(2);
      expect(d.campaignsHeld).toBe(1);
      // Sent, failed and suppressed mail is not backlog; queued and held mail is.
      expect(d.outboxBacklog).toBe(backlogBefore + 3);
      expect(d.outboxOldest).toBe(at());
      expect(d.openIncidents).toBe(2);
      expect(d.recentIncidents.map((i: { summary: string }) => i.summary).sort()).toEqual([
        'Policy block at a mailbox provider',
        'Sending IP listed',
      ]);
      const named = d.recentIncidents.find((i: { accountId: string | null }) => i.accountId === seeded['Brutăria Brașov']!.id);
      expect(named.accountName).toBe('Brutăria Brașov');
    });

    it('is for operators only', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/operator/dashboard', headers: sender.owner.headers });
      expect(res.statusCode).toBe(403);
    });

    it('names the account in the import review queue', async () => {
      const items = (await get('/api/v1/operator/imports?status=held')).json().items as Array<{
        fileName: string;
        accountName: string | null;
      }>;
      expect(items.map((i) => [i.fileName, i.accountName]).sort()).toEqual([
        ['brasov.csv', 'Brutăria Brașov'],
        ['cluj.csv', 'Cluj Books'],
      ]);
    });

    it('names the account in the outbox, the incidents, the audit log and the campaign reviews', async () => {
      const mail = (await get('/api/v1/operator/outbox')).json() as Array<{
        to: string;
        accountId: string | null;
        accountName: string | null;
      }>;
      expect(
        mail.filter((m) => m.accountId === seeded['Cluj Books']!.id && m.to === 'seeded@example.test').map((m) => m.accountName),
      ).toEqual(['Cluj Books', 'Cluj Books', 'Cluj Books']);
      expect(mail.filter((m) => m.to === 'platform@example.test').map((m) => [m.accountId, m.accountName])).toEqual([
        [null, null],
      ]);

      const incidents = (await get('/api/v1/operator/incidents')).json() as Array<{
        summary: string;
        accountName: string | null;
      }>;
      expect(Object.fromEntries(incidents.map((i) => [i.summary, i.accountName]))).toEqual({
        'Policy block at a mailbox provider': 'Brutăria Brașov',
        'Sending IP listed': null,
        'Closed long ago': 'Cluj Books',
      });

      const audit = (await get('/api/v1/operator/audit')).json() as Array<{
        action: string;
        accountId: string | null;
        accountName: string | null;
      }>;
      const standingChanges = audit.filter((e) => e.action.startsWith('standing.'));
      expect(standingChanges.map((e) => e.accountName).sort()).toEqual([
        'Brutăria Brașov',
        'Cluj Books',
        'Iași Travel',
        'Timișoara Shop',
      ]);

      const reviews = (await get('/api/v1/operator/campaign-reviews')).json().items as Array<{ accountName: string | null }>;
      expect(reviews.map((r) => r.accountName)).toEqual([senderName]);
    });
  });
}
