// Account standing over real SQLite and PostgreSQL: transitions, their audit entries, the gate,
// block consequences (ACC-04, ACC-05, ACC-06) and the signup review (ACC-02).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createTestDatabase } from '../../../test/helpers/engines.ts';
import * as auditRepositoryModule from '../../db/repositories/audit.ts';
import { createAuditRepository } from '../../db/repositories/audit.ts';
import { createStandingRepository } from '../../db/repositories/standing.ts';
import { seedAccount } from '../../db/repositories/standing-fixtures.ts';
import { createSystemMailRepository } from '../../db/repositories/system-mail.ts';
import { createQueue } from '../../queue/index.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import type { AuditLog } from '../audit/types.ts';
import { AppError } from '../errors.ts';
import { silentLogger, type Queue } from '../ports.ts';
import { RESTRICTABLE_SERVICES, type RestrictableService } from './ports.ts';
import { createSystemMailService } from '../system-mail/system-mail-service.ts';
import { createTemplateRenderer } from '../system-mail/templates.ts';
import { createStandingService, type StandingService } from './standing-service.ts';
import type { StandingEvent } from './types.ts';

const operator = { type: 'operator' as const, id: 'op-1' };

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describeEachEngine('standing service', (database, engine) => {
  const clock = manualClock('2026-11-22T10:00:00.000Z');
  let queue: Queue;
  let audit: AuditLog;
  let standing: StandingService;
  const blocked: StandingEvent[] = [];

  beforeAll(() => {
    const db = database().db;
    queue = createQueue(database(), { logger: silentLogger, clock });
    audit = createAuditLog({ store: createAuditRepository(db), clock });
    const systemMail = createSystemMailService({
      store: createSystemMailRepository(db),
      queue,
      renderer: createTemplateRenderer({ publicUrl: 'http://assent.test' }),
      audit,
      clock,
      logger: silentLogger,
    });
    standing = createStandingService({ store: createStandingRepository(db), audit, systemMail, clock, logger: silentLogger });
    standing.onBlocked((e) => void blocked.push(e));
  });
  afterAll(async () => {
    await queue.stop();
  });

  it('[ACC-04] walks active → warned → restricted → suspended → blocked → active, each step audited with actor, reason, rule and time', async () => {
    const { accountId } = await seedAccount(database().db);
    const steps = [
      { action: 'warn', expect: 'warned', reason: 'Complaint rate 0.2% over the last campaign', rule: 'complaint-rate' },
      {
        action: 'restrict',
        expect: 'restricted',
        reason: 'Imported a list without proof of consent',
        rule: 'anti-spam-2',
        services: ['import'],
      },
      { action: 'suspend', expect: 'suspended', reason: 'Repeated bounces above 5%', rule: undefined },
      { action: 'block', expect: 'blocked', reason: 'Purchased list confirmed', rule: 'anti-spam-2' },
      { action: 'reinstate', expect: 'active', reason: 'Appeal accepted after review', rule: undefined },
    ] as const;
    for (const [i, step] of steps.entries()) {
      clock.set(`2026-11-22T1${i}:00:00.000Z`);
      const account = await standing.transition({
        accountId,
        action: step.action,
        reason: step.reason,
        rule: step.rule ?? null,
        ...('services' in step ? { services: [...step.services] } : {}),
        actor: operator,
      });
      expect(account.standing).toBe(step.expect);
    }
    const log = (await audit.list({ accountId, actionPrefix: 'standing.' })).reverse();
    expect(log.map((e) => e.action)).toEqual([
      'standing.warn',
      'standing.restrict',
      'standing.suspend',
      'standing.block',
      'standing.reinstate',
    ]);
    for (const [i, entry] of log.entries()) {
      expect(entry).toMatchObject({
        actorType: 'operator',
        actorId: 'op-1',
        accountId,
        reason: steps[i]!.reason,
        rule: steps[i]!.rule ?? null,
        at: `2026-11-22T1${i}:00:00.000Z`,
      });
    }
    expect(log[1]!.details).toMatchObject({ from: 'warned', to: 'restricted', restrictedServices: ['import'] });
    expect(log.map((e) => e.seq)).toEqual([...log.map((e) => e.seq)].sort((a, b) => a - b));
    const view = await standing.getStanding(accountId);
    expect(view).toMatchObject({
      standing: 'active',
      restrictedServices: [],
      reason: 'Appeal accepted after review',
      since: '2026-11-22T14:00:00.000Z',
    });
  });

  it('[ACC-04] the audit log is append-only: rows only grow, the database refuses UPDATE and DELETE, the repository offers neither', async () => {
    const { accountId } = await seedAccount(database().db);
    const countRows = async () =>
      Number(
        (
          await database()
            .db.selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countRows();
    await standing.transition({ accountId, action: 'warn', reason: 'First warning', actor: operator });
    await standing.transition({ accountId, action: 'suspend', reason: 'Ignored the warning', actor: operator });
    expect(await countRows()).toBe(before + 2);
    await expect(
      database().db.updateTable('audit_log').set({ reason: 'rewritten' }).where('account_id', '=', accountId).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(database().db.deleteFrom('audit_log').where('account_id', '=', accountId).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await countRows()).toBe(before + 2);
    const reasons = (await audit.list({ accountId })).map((e) => e.reason);
    expect(reasons).toEqual(['Ignored the warning', 'First warning']);
    // No update or delete in the store or the module.
    expect(Object.keys(createAuditRepository(database().db)).sort()).toEqual(['insert', 'list']);
    expect(Object.keys(auditRepositoryModule).filter((k) => /update|delete|remove|edit/i.test(k))).toEqual([]);
    expect(Object.keys(audit).sort()).toEqual(['append', 'list']);
  });

  it('[ACC-04] restricting "import" refuses import with SERVICE_RESTRICTED while email still passes', async () => {
    const { accountId } = await seedAccount(database().db);
    await standing.assertServiceAllowed(accountId, 'import');
    await standing.transition({
      accountId,
      action: 'restrict',
      reason: 'Import of a scraped list',
      services: ['import'],
      actor: operator,
    });
    const err = await refusal(standing.assertServiceAllowed(accountId, 'import'));
    expect(err).toMatchObject({ kind: 'forbidden', code: 'SERVICE_RESTRICTED' });
    expect(err.details).toMatchObject({ service: 'import', standing: 'restricted', reason: 'Import of a scraped list' });
    await expect(standing.assertServiceAllowed(accountId, 'email')).resolves.toBeUndefined();
    await expect(standing.assertServiceAllowed(accountId, 'sms')).resolves.toBeUndefined();
  });

  it('[ACC-04] [ACC-05] the write guard: blocked and suspended refuse every write with the reason; restricted only its services', async () => {
    const { accountId } = await seedAccount(database().db);
    await expect(standing.assertWriteAllowed(accountId)).resolves.toBeUndefined();
    await standing.transition({ accountId, action: 'restrict', reason: 'Scraped import', services: ['import'], actor: operator });
    await expect(standing.assertWriteAllowed(accountId)).resolves.toBeUndefined();
    await expect(standing.assertWriteAllowed(accountId, ['email'])).resolves.toBeUndefined();
    expect(await refusal(standing.assertWriteAllowed(accountId, ['email', 'import']))).toMatchObject({
      code: 'SERVICE_RESTRICTED',
      details: { service: 'import', reason: 'Scraped import' },
    });
    await standing.transition({ accountId, action: 'suspend', reason: 'Complaints over 0.3%', actor: operator });
    expect(await refusal(standing.assertWriteAllowed(accountId))).toMatchObject({
      kind: 'forbidden',
      code: 'ACCOUNT_SUSPENDED',
      details: { standing: 'suspended', reason: 'Complaints over 0.3%', service: null },
    });
    await standing.transition({ accountId, action: 'block', reason: 'Bought list', actor: operator });
    expect(await refusal(standing.assertWriteAllowed(accountId))).toMatchObject({
      code: 'ACCOUNT_BLOCKED',
      details: { standing: 'blocked', reason: 'Bought list' },
    });
    await standing.transition({ accountId, action: 'reinstate', reason: 'Appeal accepted', actor: operator });
    await expect(standing.assertWriteAllowed(accountId, ['import'])).resolves.toBeUndefined();
  });

  it('[ACC-04] refuses transitions the machine does not allow, empty reasons and reinstatement by a rule', async () => {
    const { accountId } = await seedAccount(database().db);
    expect(
      await refusal(standing.transition({ accountId, action: 'reinstate', reason: 'nothing to lift', actor: operator })),
    ).toMatchObject({ kind: 'conflict', code: 'INVALID_TRANSITION' });
    expect(await refusal(standing.transition({ accountId, action: 'warn', reason: '   ', actor: operator }))).toMatchObject({
      code: 'REASON_REQUIRED',
    });
    expect(
      await refusal(standing.transition({ accountId, action: 'warn', reason: 'x'.repeat(1001), actor: operator })),
    ).toMatchObject({ code: 'REASON_TOO_LONG' });
    expect(
      await refusal(standing.transition({ accountId, action: 'restrict', reason: 'no services named', actor: operator })),
    ).toMatchObject({ code: 'SERVICES_REQUIRED' });
    await standing.transition({
      accountId,
      action: 'suspend',
      reason: 'bounces',
      actor: { type: 'system', id: 'bounce-monitor' },
    });
    expect(
      await refusal(standing.transition({ accountId, action: 'warn', reason: 'too late for a warning', actor: operator })),
    ).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(
      await refusal(
        standing.transition({ accountId, action: 'reinstate', reason: 'auto', actor: { type: 'system', id: 'rule' } }),
      ),
    ).toMatchObject({ code: 'OPERATOR_ONLY' });
    expect((await standing.getStanding(accountId)).standing).toBe('suspended');
    expect((await audit.list({ accountId })).length).toBe(1);
  });

  it('[ACC-05] a block refuses every service at once and tells the blocked listeners', async () => {
    const { accountId } = await seedAccount(database().db);
    await standing.transition({
      accountId,
      action: 'block',
      reason: 'Sent to a purchased list',
      rule: 'anti-spam-2',
      actor: operator,
    });
    for (const service of RESTRICTABLE_SERVICES) {
      const err = await refusal(standing.assertServiceAllowed(accountId, service as RestrictableService));
      expect(err).toMatchObject({ kind: 'forbidden', code: 'ACCOUNT_BLOCKED' });
    }
    expect(blocked.map((e) => e.accountId)).toContain(accountId);
    const [entry] = await audit.list({ accountId, actionPrefix: 'standing.block' });
    expect(entry!.details).toMatchObject({ from: 'active', to: 'blocked', refundEligible: false });
    // No claim about a mail queue that does not exist yet (issue 7 §3).
    expect(entry!.details).not.toHaveProperty('queuedMail');
    expect(await refusal(standing.transition({ accountId, action: 'block', reason: 'again', actor: operator }))).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('[ACC-06] a block marks the account not refund-eligible and the billing record carries the no-refund note', async () => {
    const { accountId } = await seedAccount(database().db);
    expect((await standing.getStanding(accountId)).refundEligible).toBe(true);
    await standing.transition({ accountId, action: 'block', reason: 'Anti-Spam Policy violation', actor: operator });
    expect((await standing.getStanding(accountId)).refundEligible).toBe(false);
    const billing = await standing.getBilling(accountId);
    expect(billing).toMatchObject({
      accountId,
      refundEligible: false,
      refundNote: 'blocked for violation of the Anti-Spam Policy: no refund',
    });
    const row = await database()
      .db.selectFrom('accounts')
      .select('refund_eligible')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(Number(row.refund_eligible)).toBe(0);
    // Lifting the block does not give the refund back.
    await standing.transition({ accountId, action: 'reinstate', reason: 'Appeal accepted', actor: operator });
    expect((await standing.getBilling(accountId))?.refundEligible).toBe(false);
  });

  it('[ACC-02] a signup held for review may not send email or SMS until an operator approves it; a refusal keeps it off', async () => {
    const held = await seedAccount(database().db, { review: 'pending' });
    expect(await refusal(standing.assertServiceAllowed(held.accountId, 'email'))).toMatchObject({ code: 'ACCOUNT_UNDER_REVIEW' });
    expect(await refusal(standing.assertServiceAllowed(held.accountId, 'sms'))).toMatchObject({ code: 'ACCOUNT_UNDER_REVIEW' });
    await expect(standing.assertServiceAllowed(held.accountId, 'import')).resolves.toBeUndefined();
    await standing.decideSignupReview({
      accountId: held.accountId,
      decision: 'approve',
      reason: 'Industry checked: a bakery',
      actor: operator,
    });
    await expect(standing.assertServiceAllowed(held.accountId, 'email')).resolves.toBeUndefined();
    expect(
      await refusal(
        standing.decideSignupReview({ accountId: held.accountId, decision: 'refuse', reason: 'late', actor: operator }),
      ),
    ).toMatchObject({ code: 'REVIEW_NOT_PENDING' });

    const refused = await seedAccount(database().db, { review: 'pending' });
    await standing.decideSignupReview({
      accountId: refused.accountId,
      decision: 'refuse',
      reason: 'Declared sending to bought lists',
      actor: operator,
    });
    expect(await refusal(standing.assertServiceAllowed(refused.accountId, 'email'))).toMatchObject({
      code: 'ACCOUNT_UNDER_REVIEW',
    });
    const [entry] = await audit.list({ accountId: refused.accountId });
    expect(entry).toMatchObject({
      action: 'signup-review.refuse',
      actorType: 'operator',
      reason: 'Declared sending to bought lists',
    });
  });

  it('[ACC-04] queues a critical standing notice to every owner of the account (not to members)', async () => {
    const seeded = await seedAccount(database().db, {
      owners: [`a-${engine}@example.test`, `b-${engine}@example.test`],
      members: [`m-${engine}@example.test`],
    });
    await standing.transition({ accountId: seeded.accountId, action: 'warn', reason: 'Complaints above 0.1%', actor: operator });
    const rows = await database().db.selectFrom('system_mail').selectAll().where('account_id', '=', seeded.accountId).execute();
    expect(rows.map((r) => r.to_address).sort()).toEqual(seeded.ownerEmails.sort());
    for (const r of rows) {
      expect(r).toMatchObject({ template: 'standing-changed', category: 'critical', status: 'queued' });
      expect(r.text_body).toContain('Complaints above 0.1%');
    }
  });
});

describe('standing gate when the database does not answer', () => {
  let closed: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    closed = await createTestDatabase('sqlite');
    await closed.close();
  });

  it('[ACC-04] fails closed with POLICY_UNAVAILABLE', async () => {
    const clock = manualClock();
    const db = closed.db;
    const audit = createAuditLog({ store: createAuditRepository(db), clock });
    const standing = createStandingService({
      store: createStandingRepository(db),
      audit,
      systemMail: null as never,
      clock,
      logger: silentLogger,
    });
    expect(await refusal(standing.assertServiceAllowed('any', 'email'))).toMatchObject({
      kind: 'unavailable',
      code: 'POLICY_UNAVAILABLE',
    });
  });
});
