// The gate's recorded refusals are counted on /metrics by reason and channel (DEL-01).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { createAccountRow, emailList } from '../../../db/repositories/permission.testkit.ts';
import { SEND_REFUSALS_METRIC } from './get-metrics.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`send refusals on /metrics [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('[DEL-01] each refusal of a send adds to the counter of its reason; a dry run adds nothing', async () => {
      const s = t.platform.services;
      const accountId = await createAccountRow(t.database);
      const list = await s.lists.create(accountId, emailList());
      const a = (await s.contacts.upsert(accountId, { email: 'a@example.org' })).contact.id;
      const b = (await s.contacts.upsert(accountId, { email: 'b@example.org' })).contact.id;
      await s.consent.record(accountId, [
        { contactId: b, listId: list.id, channel: 'email', kind: 'requested', sourceType: 'form', textShown: 'Yes, news.' },
      ]);
      const metric = async (reason: string) => {
        // From this machine (inject's loopback address): no metrics token needed.
        const res = await t.app.inject({ method: 'GET', url: '/metrics' });
        expect(res.statusCode).toBe(200);
        const line = res.body
          .split('\n')
          .find((l) => l.startsWith(`${SEND_REFUSALS_METRIC}{reason="${reason}",channel="email"}`));
        return line ? Number(line.split(' ').at(-1)) : 0;
      };
      await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [a, b, 'unknown-contact'] });
      expect(await metric('no-consent')).toBe(2);
      expect(await metric('pending-confirmation')).toBe(1);
      await s.gate.dryRun(accountId, list.id);
      expect(await metric('pending-confirmation')).toBe(1);
    });
  });
}
