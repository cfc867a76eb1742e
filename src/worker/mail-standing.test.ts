// Mail in an account's name and the standing guard (ACC-09): a double opt-in confirmation queued
// before the account was blocked is not sent when its delivery job runs. Both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform.ts';
import { accountWithLists, createPublishedForm, definition, openForm, postForm } from '../server/routes/forms/testing.ts';

const operator = { type: 'operator' as const, id: 'op-mail-hold' };

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`queued mail in a blocked account's name [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });

    async function queuedConfirmation(): Promise<{ accountId: string; id: string }> {
      const fx = await accountWithLists(t.app);
      const formId = await createPublishedForm(t.app, fx.owner, definition(fx.lists));
      const page = await openForm(t.app, formId);
      t.clock.advance(5_000);
      const res = await postForm(t.app, formId, {
        _version: page.version,
        _started: page.started,
        email: 'visitor@example.org',
        box_news: 'yes',
      });
      expect(res.body).toContain('Check your inbox');
      const outbox = await t.platform.services.systemMail.listOutbox({ accountId: fx.owner.accountId });
      const mail = outbox.find((m) => m.template === 'consent-confirm' && m.status === 'queued');
      expect(mail).toBeDefined();
      return { accountId: fx.owner.accountId, id: mail!.id };
    }

    it('[ACC-09] [ACC-05] a confirmation queued before the block is not sent: the row fails with the reason', async () => {
      const { accountId, id } = await queuedConfirmation();
      await t.platform.services.standing.transition({ accountId, action: 'block', reason: 'Bought list', actor: operator });
      expect(await t.platform.services.systemMailDelivery.deliver(id)).toBe('failed');
      const row = await t.platform.services.systemMail.get(id);
      expect(row).toMatchObject({ status: 'failed' });
      expect(row!.lastError).toMatch(/^Not sent: This account is blocked/);
    });

    it("[ACC-09] an active account's confirmation goes on to delivery (here: waits for a relay)", async () => {
      const { id } = await queuedConfirmation();
      expect(await t.platform.services.systemMailDelivery.deliver(id)).toBe('waiting');
      expect((await t.platform.services.systemMail.get(id))!.status).toBe('queued');
    });
  });
}
