// Running jobs consult the standing guard (ACC-09): an import running when its account is blocked
// stops at its next batch, records nothing more, and its status says why. Both engines, the real
// standing service and ledger; the batch size is made small so the file spans many batches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform.ts';
import { createImportService } from '../core/imports/service.ts';
import { silentLogger, type Queue } from '../core/ports.ts';
import { createConsentStore } from '../db/repositories/consent.ts';
import { createImportStore } from '../db/repositories/imports.ts';

const operator = { type: 'operator' as const, id: 'op-import-stop' };
const BATCH = 3;
const ROWS = 30;

async function* bytesOf(s: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(s, 'utf8');
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`a running import and the standing guard [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });

    function importsWithSmallBatches() {
      const s = t.platform.services;
      return createImportService({
        store: createImportStore(t.database),
        consentStore: createConsentStore(t.database),
        queue: { send: async () => 'job' } as unknown as Queue,
        clock: t.clock,
        logger: silentLogger,
        standing: s.standing,
        audit: s.audit,
        systemMail: { enqueue: async () => 'mail' },
        gate: s.gate,
        batchRows: BATCH,
      });
    }

    const eventsOf = async (accountId: string) =>
      Number(
        (
          await t.database.db
            .selectFrom('consent_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('account_id', '=', accountId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    async function startImport(imports: ReturnType<typeof importsWithSmallBatches>) {
      const owner = await signUp(t.app);
      const list = await t.platform.services.lists.create(owner.accountId, {
        name: 'News',
        purposeText: 'Monthly product news by email.',
        channel: 'email',
        frequency: 'monthly',
        senderName: 'Shop',
        doubleOptIn: false,
      });
      const rows = Array.from({ length: ROWS }, (_, i) => `reader.${i}@example.org,2026-05-01`).join('\n');
      const rec = await imports.start({
        accountId: owner.accountId,
        declaration: { source: 'signup-form', attest: true },
        listIds: [list.id],
        who: { at: t.clock.now().toISOString(), userId: owner.userId, ip: '203.0.113.9', userAgent: 'vitest' },
        file: bytesOf(`email,consent date\n${rows}\n`),
        fileName: 'readers.csv',
      });
      return { owner, rec };
    }

    it('[ACC-09] [ACC-05] an import running when the account is blocked stops at its next batch, records nothing more, and says why', async () => {
      const imports = importsWithSmallBatches();
      const { owner, rec } = await startImport(imports);
      let batches = 0;
      const done = await imports.process(rec.id, async () => {
        batches += 1;
        if (batches === 1) {
          await t.platform.services.standing.transition({
            accountId: owner.accountId,
            action: 'block',
            reason: 'List bought from a broker',
            actor: operator,
          });
        }
      });
      expect(batches).toBe(1);
      expect(done).toMatchObject({
        status: 'failed',
        lastCommittedRow: expect.any(Number),
        error: { code: 'ACCOUNT_BLOCKED', details: { reason: 'List bought from a broker', service: 'import' } },
      });
      const stored = await imports.get(owner.accountId, rec.id);
      expect(stored.status).toBe('failed');
      expect(stored.error?.code).toBe('ACCOUNT_BLOCKED');
      expect(stored.imported).toBeLessThanOrEqual(BATCH);
      // Only the first batch's consent exists: nothing was recorded after the block.
      const events = await eventsOf(owner.accountId);
      expect(events).toBeGreaterThan(0);
      expect(events).toBeLessThanOrEqual(BATCH);
      // Running the job again (a retry, a restarted worker) records nothing either.
      await imports.process(rec.id);
      expect(await eventsOf(owner.accountId)).toBe(events);
    });

    it('[ACC-09] a queued import of a suspended account does not start: failed with the reason, nothing recorded', async () => {
      const imports = importsWithSmallBatches();
      const { owner, rec } = await startImport(imports);
      await t.platform.services.standing.transition({
        accountId: owner.accountId,
        action: 'suspend',
        reason: 'Complaint rate 0.9%',
        actor: operator,
      });
      const done = await imports.process(rec.id);
      expect(done).toMatchObject({
        status: 'failed',
        error: { code: 'ACCOUNT_SUSPENDED', details: { reason: 'Complaint rate 0.9%' } },
      });
      expect(await eventsOf(owner.accountId)).toBe(0);
    });
  });
}
