// A blocked or suspended account's public forms collect nothing (ACC-09): the hosted page, the JSON
// endpoints and the confirmation link answer a neutral "not available" and store and mail nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { signToken } from '../../../core/tokens/signed-token.ts';
import type { StandingAction } from '../../../core/standing/machine.ts';
import {
  accountWithLists,
  createPublishedForm,
  definition,
  openForm,
  postForm,
  storedCounts,
  type FormFixture,
} from '../forms/testing.ts';

const operator = { type: 'operator' as const, id: 'op-forms' };

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`public forms of a blocked account [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });
    const move = (accountId: string, action: StandingAction, reason: string) =>
      t.platform.services.standing.transition({ accountId, action, reason, actor: operator });

    async function pendingConfirmationToken(fx: FormFixture, formId: string, email: string): Promise<string> {
      const page = await openForm(t.app, formId);
      t.clock.advance(5_000);
      const res = await postForm(t.app, formId, { _version: page.version, _started: page.started, email, box_news: 'yes' });
      expect(res.body).toContain('Check your inbox');
      const row = await t.database.db
        .selectFrom('form_confirmations')
        .select(['id', 'created_at'])
        .where('account_id', '=', fx.owner.accountId)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      return signToken(t.platform.config.secret, 'confirm', [row.id, Math.floor(Date.parse(row.created_at) / 1000)]);
    }

    for (const action of ['block', 'suspend'] as const) {
      it(`[ACC-09] after "${action}" the hosted page, the JSON endpoints and the confirm link answer "not available" and record and mail nothing`, async () => {
        const fx = await accountWithLists(t.app);
        const formId = await createPublishedForm(t.app, fx.owner, definition(fx.lists));
        const page = await openForm(t.app, formId);
        const token = await pendingConfirmationToken(fx, formId, `pending-${action}@example.org`);
        await move(fx.owner.accountId, action, 'Sent to a purchased list');
        t.clock.advance(5_000);
        const before = await storedCounts(t.database);

        const hosted = await t.app.inject({ method: 'GET', url: `/f/${formId}` });
        expect(hosted.statusCode).toBe(404);
        expect(hosted.body).toContain('This form is not available.');
        expect(hosted.body).not.toMatch(/blocked|suspended|purchased/i);
        const posted = await postForm(t.app, formId, {
          _version: page.version,
          _started: page.started,
          email: `new-${action}@example.org`,
          box_news: 'yes',
          box_deals: 'yes',
        });
        expect(posted.statusCode).toBe(404);
        expect(posted.body).toContain('This form is not available.');

        const json = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${formId}` });
        expect(json.statusCode).toBe(404);
        expect(json.json().error).toEqual({ code: 'FORM_UNAVAILABLE', message: 'This form is not available.' });
        const submitted = await t.app.inject({
          method: 'POST',
          url: `/api/v1/public/forms/${formId}/submissions`,
          payload: { version: Number(page.version), startToken: page.started, fields: { email: 'json@example.org' } },
        });
        expect(submitted.statusCode).toBe(404);
        expect(submitted.json().error.code).toBe('FORM_UNAVAILABLE');

        for (const method of ['GET', 'POST'] as const) {
          const confirm = await t.app.inject({ method, url: `/confirm/${token}` });
          expect(confirm.statusCode).toBe(404);
          expect(confirm.body).toContain('This form is not available.');
        }
        expect(await storedCounts(t.database)).toEqual(before);

        // Reinstated, the same form takes sign-ups again.
        await move(fx.owner.accountId, 'reinstate', 'Appeal accepted');
        expect((await t.app.inject({ method: 'GET', url: `/f/${formId}` })).statusCode).toBe(200);
      });
    }
  });
}
