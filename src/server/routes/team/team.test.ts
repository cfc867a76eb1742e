// Team routes over the real platform on both engines (ACC-03).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, csrfFor, signIn, signUp } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`team [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });
    const invitationToken = async (to: string) => {
      const row = await t.platform.database.db
        .selectFrom('system_mail')
        .select('text_body')
        .where('to_address', '=', to)
        .where('template', '=', 'invitation')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      return /token=([A-Za-z0-9_-]+)/.exec(row.text_body)?.[1] ?? '';
    };

    it('[ACC-03] the owner invites a member who accepts, signs in, and cannot create API keys', async () => {
      const owner = await signUp(t.app);
      const email = `member-${owner.accountId}@example.com`;
      const invite = await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/invitations',
        headers: owner.headers,
        payload: { email, role: 'member' },
      });
      expect(invite.statusCode).toBe(201);
      const team = await t.app.inject({ method: 'GET', url: '/api/v1/team', headers: owner.headers });
      expect(team.json().invitations).toEqual([{ id: invite.json().id, email, role: 'member', expiresAt: expect.any(String) }]);

      const token = await invitationToken(email);
      const accept = await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/invitations/accept',
        payload: { token, password: 'member-password-1', name: 'Mara' },
      });
      expect(accept.statusCode).toBe(200);
      expect(accept.json()).toMatchObject({
        user: { email, emailVerified: true },
        account: { id: owner.accountId, role: 'member' },
      });
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/invitations/accept',
        payload: { token, password: 'member-password-1' },
      });
      expect(again.json().error.code).toBe('INVITATION_INVALID');

      const csrf = await csrfFor(t.app, cookieFrom(accept, 'assent_session') ?? '');
      const memberHeaders = { cookie: csrf.cookie, 'x-csrf-token': csrf.token };
      const key = await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: memberHeaders,
        payload: { name: 'mine', scopes: ['*'] },
      });
      expect([key.statusCode, key.json().error.code]).toEqual([403, 'OWNER_ONLY']);
      const invite2 = await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/invitations',
        headers: memberHeaders,
        payload: { email: 'x@example.com', role: 'owner' },
      });
      expect([invite2.statusCode, invite2.json().error.code]).toEqual([403, 'OWNER_ONLY']);
      const members = (await t.app.inject({ method: 'GET', url: '/api/v1/team', headers: memberHeaders })).json().members;
      expect(new Map(members.map((m: { email: string; role: string }) => [m.email, m.role]))).toEqual(
        new Map([
          [owner.email, 'owner'],
          [email, 'member'],
        ]),
      );
    });

    it('[ACC-03] an existing user joins a second account and can switch between them', async () => {
      const a = await signUp(t.app);
      const b = await signUp(t.app);
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/invitations',
        headers: b.headers,
        payload: { email: a.email, role: 'member' },
      });
      const token = await invitationToken(a.email);
      const noProof = await t.app.inject({ method: 'POST', url: '/api/v1/team/invitations/accept', payload: { token } });
      expect([noProof.statusCode, noProof.json().error.code]).toEqual([401, 'INVALID_CREDENTIALS']);
      const accept = await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/invitations/accept',
        headers: { cookie: `assent_session=${a.sessionCookie}` },
        payload: { token },
      });
      expect(accept.statusCode).toBe(200);
      const session = await signIn(t.app, a.email, a.password);
      const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers })).json();
      expect(me.accounts.map((x: { id: string }) => x.id).sort()).toEqual([a.accountId, b.accountId].sort());
      const sw = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/account',
        headers: session.headers,
        payload: { accountId: b.accountId },
      });
      expect(sw.json().account).toMatchObject({ id: b.accountId, role: 'member' });
    });

    it('[ACC-03] the owner removes a member, whose session loses the account', async () => {
      const owner = await signUp(t.app);
      const email = `leaver-${owner.accountId}@example.com`;
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/invitations',
        headers: owner.headers,
        payload: { email, role: 'member' },
      });
      const accept = await t.app.inject({
        method: 'POST',
        url: '/api/v1/team/invitations/accept',
        payload: { token: await invitationToken(email), password: 'leaver-password-1' },
      });
      const memberId = accept.json().user.id;
      const self = await t.app.inject({ method: 'DELETE', url: `/api/v1/team/members/${owner.userId}`, headers: owner.headers });
      expect(self.json().error.code).toBe('CANNOT_REMOVE_SELF');
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/team/members/${memberId}`, headers: owner.headers });
      expect(del.statusCode).toBe(204);
      const team = (await t.app.inject({ method: 'GET', url: '/api/v1/team', headers: owner.headers })).json();
      expect(team.members.map((m: { userId: string }) => m.userId)).toEqual([owner.userId]);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `assent_session=${cookieFrom(accept, 'assent_session')}` },
      });
      expect(me.statusCode).toBe(401);
    });
  });
}
