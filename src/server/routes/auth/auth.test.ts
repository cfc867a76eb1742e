// Auth routes over the real platform on both engines (SEC-01, SEC-03, ACC-01, ACC-02).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, signIn, signUp, signupPayload } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { MAX_BODY_BYTES } from '../../app.ts';
import { LOGIN_RATE_LIMIT_MAX } from './login.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`auth routes [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });
    const db = () => t.platform.database.db;

    it('[SEC-01] a signed-in user changes the password with the current one; other sessions end, this one stays', async () => {
      const owner = await signUp(t.app);
      const other = await signIn(t.app, owner.email, owner.password);
      const me = (h: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: h });
      const change = (payload: Record<string, string>, headers: Record<string, string> = owner.headers) =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload });

      const wrong = await change({ currentPassword: 'not-the-password', newPassword: 'a-new-long-password' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('CURRENT_PASSWORD_WRONG');
      const noCsrf = await change(
        { currentPassword: owner.password, newPassword: 'a-new-long-password' },
        { cookie: `assent_session=${owner.sessionCookie}` },
      );
      expect(noCsrf.statusCode).toBe(403);
      expect((await me(other.headers)).statusCode).toBe(200);

      const ok = await change({ currentPassword: owner.password, newPassword: 'a-new-long-password' });
      expect(ok.statusCode).toBe(200);
      expect((await me(owner.headers)).statusCode).toBe(200);
      expect((await me(other.headers)).statusCode).toBe(401);
      const oldLogin = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: owner.email, password: owner.password },
      });
      expect(oldLogin.statusCode).toBe(401);
      expect((await signIn(t.app, owner.email, 'a-new-long-password')).userId).toBe(owner.userId);
    });

    /** The account the owner of this address belongs to (signup's answer does not name it). */
    const accountOf = async (email: string) =>
      db()
        .selectFrom('accounts')
        .innerJoin('memberships', 'memberships.account_id', 'accounts.id')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['accounts.id', 'accounts.review'])
        .where('users.email', '=', email)
        .executeTakeFirstOrThrow();

    it('[ACC-01] signup stores two acceptances with version, time, IP and user agent; the owner then signs in', async () => {
      const payload = signupPayload();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload,
        headers: { 'user-agent': 'Browser/7.0' },
      });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ status: 'verify-email' });
      expect(cookieFrom(res, 'assent_session')).toBeUndefined();
      const account = await accountOf(String(payload.email));
      expect(account.review).toBe('none');
      const rows = await db()
        .selectFrom('policy_acceptances')
        .selectAll()
        .where('account_id', '=', account.id)
        .orderBy('document')
        .execute();
      expect(rows.map((r) => [r.document, r.version, r.ip, r.user_agent, r.accepted_at])).toEqual([
        ['anti-spam', '2026-11-01', '127.0.0.1', 'Browser/7.0', t.clock.now().toISOString()],
        ['terms', '2026-11-01', '127.0.0.1', 'Browser/7.0', t.clock.now().toISOString()],
      ]);
      const owner = await signIn(t.app, String(payload.email), String(payload.password));
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.headers });
      expect(me.json()).toMatchObject({
        user: { email: payload.email, emailVerified: false },
        account: { id: account.id, role: 'owner', featureNews: true },
      });
      // A verification mail is queued in the outbox, as critical mail with the /app/verify-email link.
      const mail = await db().selectFrom('system_mail').selectAll().where('to_address', '=', String(payload.email)).execute();
      expect(mail.map((m) => [m.template, m.category])).toEqual([['verify-email', 'critical']]);
      expect(mail[0]?.text_body).toContain('http://assent.test/app/verify-email?token=');
    });

    for (const [box, code] of [
      ['acceptTerms', 'TERMS_NOT_ACCEPTED'],
      ['acceptAntiSpam', 'ANTI_SPAM_NOT_ACCEPTED'],
    ] as const) {
      for (const value of [false, undefined]) {
        it(`[ACC-01] signup with ${box}=${String(value)} answers 400 ${code} and stores nothing`, async () => {
          const payload = signupPayload({ [box]: value });
          const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload });
          expect(res.statusCode).toBe(400);
          expect(res.json().error.code).toBe(code);
          expect(
            await db().selectFrom('users').select('id').where('email', '=', String(payload.email)).executeTakeFirst(),
          ).toBeUndefined();
          expect(
            await db().selectFrom('accounts').select('id').where('name', '=', String(payload.companyName)).executeTakeFirst(),
          ).toBeUndefined();
        });
      }
    }

    it('[ACC-02] refuses a not-accepted industry with 422 and the clause; lists industries with their policy', async () => {
      const payload = signupPayload({ industry: 'debt-collection' });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'INDUSTRY_NOT_ACCEPTED',
        details: {
          clause: 'Assent Anti-Spam Policy, section 7 (/legal/anti-spam#not-accepted): we do not accept debt collection.',
        },
      });
      expect(
        await db().selectFrom('users').select('id').where('email', '=', String(payload.email)).executeTakeFirst(),
      ).toBeUndefined();
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/industries' })).json() as Array<{
        id: string;
        policy: string;
        label: { ro: string };
      }>;
      expect(list.find((i) => i.id === 'debt-collection')?.policy).toBe('refused');
      expect(list.find((i) => i.id === 'dating')?.policy).toBe('review');
      expect(list.find((i) => i.id === 'retail')?.label.ro).toBe('Comerț și magazine online');
    });

    it('[ACC-02] a review industry creates the account with review pending and the reason', async () => {
      const payload = signupPayload({ industry: 'lead-generation' });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload });
      expect([res.statusCode, res.json()]).toEqual([202, { status: 'verify-email' }]);
      const account = await accountOf(String(payload.email));
      expect(account.review).toBe('pending');
      const owner = await signIn(t.app, String(payload.email), String(payload.password));
      const shown = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: owner.headers });
      expect(shown.json()).toMatchObject({
        review: 'pending',
        reviewReason: expect.stringMatching(
          /^Assent Anti-Spam Policy, section 8 \(\/legal\/anti-spam#high-risk\): .*lead generation/,
        ),
      });
    });

    it('[SEC-03] a taken address (any case) gets the same 202 as a new one, creates and changes nothing, and its user is mailed', async () => {
      const owner = await signUp(t.app);
      const before = await db().selectFrom('users').selectAll().where('id', '=', owner.userId).executeTakeFirstOrThrow();
      const count = async (table: 'accounts' | 'users' | 'policy_acceptances' | 'sessions') =>
        Number(
          (
            await db()
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const counts = async () => Promise.all((['accounts', 'users', 'policy_acceptances', 'sessions'] as const).map(count));
      const countsBefore = await counts();
      const taken = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: signupPayload({ email: owner.email.toUpperCase(), password: 'an-attackers-password', language: 'ro' }),
      });
      expect(await counts()).toEqual(countsBefore);
      const fresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupPayload() });
      for (const res of [taken, fresh]) {
        expect(res.statusCode).toBe(202);
        expect(res.json()).toEqual({ status: 'verify-email' });
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      expect(taken.body).toBe(fresh.body);
      // Nothing of the existing user changed: same password, same account.
      expect(await db().selectFrom('users').selectAll().where('id', '=', owner.userId).executeTakeFirstOrThrow()).toEqual(before);
      expect((await signIn(t.app, owner.email, owner.password)).accountId).toBe(owner.accountId);
      // The user is told, in their own language (not the form's), with a sign-in and a reset link.
      const mail = await db()
        .selectFrom('system_mail')
        .selectAll()
        .where('to_address', '=', owner.email)
        .where('template', '=', 'signup-attempt')
        .execute();
      expect(mail.map((m) => [m.category, m.language])).toEqual([['critical', 'en']]);
      expect(mail[0]?.text_body).toContain('http://assent.test/app/login');
      expect(mail[0]?.text_body).toContain('http://assent.test/app/reset-password');
    });

    it('[SEC-01] wrong password and unknown user get identical 401 bodies; the password is stored as argon2id', async () => {
      const owner = await signUp(t.app);
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: owner.email, password: 'not-the-password' },
      });
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `nobody-${owner.email}`, password: 'not-the-password' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.body).toBe(unknown.body);
      expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
      const row = await db().selectFrom('users').select('password_hash').where('id', '=', owner.userId).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(owner.password);
    });

    it('[SEC-01] the session cookie is httpOnly, SameSite=Lax, path / and stored only as a digest', async () => {
      const owner = await signUp(t.app);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: owner.email, password: owner.password },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().account.id).toBe(owner.accountId);
      const cookie = res.cookies.find((c) => c.name === 'assent_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      const sessions = await db().selectFrom('sessions').select('id').where('user_id', '=', owner.userId).execute();
      expect(sessions.map((s) => s.id)).not.toContain(cookie?.value);
    });

    it('[SEC-01] a cookie-authenticated POST without the CSRF token is refused with 403 CSRF_INVALID; with it, it works', async () => {
      const owner = await signUp(t.app);
      const cookie = `assent_session=${owner.sessionCookie}`;
      const without = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/account',
        headers: { cookie },
        payload: { name: 'Hijacked' },
      });
      expect(without.statusCode).toBe(403);
      expect(without.json().error.code).toBe('CSRF_INVALID');
      const forged = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/account',
        headers: { ...owner.headers, 'x-csrf-token': 'forged' },
        payload: { name: 'Hijacked' },
      });
      expect(forged.json().error.code).toBe('CSRF_INVALID');
      const account = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: { cookie } });
      expect(account.json().name).not.toBe('Hijacked');
      const ok = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/account',
        headers: owner.headers,
        payload: { name: 'Renamed SRL', featureNews: false },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ name: 'Renamed SRL', featureNews: false });
      const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: owner.headers });
      expect(logout.statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    });

    it('[SEC-01] the CSRF secret cookie is httpOnly and strict', async () => {
      const owner = await signUp(t.app);
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/csrf',
        headers: { cookie: `assent_session=${owner.sessionCookie}` },
      });
      expect(res.cookies.find((c) => c.name === 'assent_csrf')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    });

    it('[SEC-01] rate-limits login attempts per IP and email with 429 RATE_LIMITED', async () => {
      const owner = await signUp(t.app);
      // From another address than signUp's own sign-in, so the count starts at zero.
      const remoteAddress = '198.51.100.9';
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          payload: { email: owner.email, password: 'guess-guess-guess' },
        });
      for (let i = 0; i < LOGIN_RATE_LIMIT_MAX; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      // Even the right password waits now.
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress,
            payload: { email: owner.email, password: owner.password },
          })
        ).statusCode,
      ).toBe(429);
    });

    it('[SEC-03] malformed JSON, an unknown field and an oversized body get 400/400/413 with stable codes', async () => {
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": ',
      });
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'INVALID_JSON']);
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: signupPayload({ isAdmin: true }),
      });
      expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const huge = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: signupPayload({ declaredSending: 'x'.repeat(MAX_BODY_BYTES + 1) }),
      });
      expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'BODY_TOO_LARGE']);
      const short = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: signupPayload({ password: 'short' }),
      });
      expect([short.statusCode, short.json().error.code]).toEqual([400, 'PASSWORD_TOO_SHORT']);
    });

    const mailedToken = async (to: string, template: string) => {
      const row = await db()
        .selectFrom('system_mail')
        .select('text_body')
        .where('to_address', '=', to)
        .where('template', '=', template)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      return /token=([A-Za-z0-9_-]+)/.exec(row.text_body)?.[1] ?? '';
    };

    it('[SEC-01] password reset: 202 for any email; the mailed token sets a new password once and ends sessions', async () => {
      const owner = await signUp(t.app);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/password-reset/request',
            payload: { email: 'nobody@example.com' },
          })
        ).statusCode,
      ).toBe(202);
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: owner.email } }))
          .statusCode,
      ).toBe(202);
      // The mail is queued after the answer (request-password-reset.ts): wait for it.
      let token = '';
      for (let i = 0; i < 100 && !token; i += 1) {
        token = await mailedToken(owner.email, 'password-reset').catch(() => '');
        if (!token) await new Promise((r) => setTimeout(r, 20));
      }
      const stored = await db()
        .selectFrom('user_tokens')
        .select('id')
        .where('user_id', '=', owner.userId)
        .where('purpose', '=', 'password-reset')
        .execute();
      expect(stored.map((r) => r.id)).not.toContain(token);
      const confirm = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset/confirm',
          payload: { token, password: 'brand-new-password' },
        });
      expect((await confirm()).statusCode).toBe(200);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `assent_session=${owner.sessionCookie}` } }))
          .statusCode,
      ).toBe(401);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: owner.email, password: 'brand-new-password' },
          })
        ).statusCode,
      ).toBe(200);
      const again = await confirm();
      expect([again.statusCode, again.json().error.code]).toEqual([400, 'TOKEN_INVALID']);
    });

    it('verifies the email address with the mailed token, once', async () => {
      const owner = await signUp(t.app);
      const token = await mailedToken(owner.email, 'verify-email');
      const verify = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
      expect((await verify()).statusCode).toBe(200);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `assent_session=${owner.sessionCookie}` },
      });
      expect(me.json().user.emailVerified).toBe(true);
      expect((await verify()).json().error.code).toBe('TOKEN_INVALID');
    });

    it('[ACC-03] switching to an account the user is not a member of answers 404', async () => {
      const a = await signUp(t.app);
      const b = await signUp(t.app);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/account',
        headers: a.headers,
        payload: { accountId: b.accountId },
      });
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'ACCOUNT_NOT_FOUND']);
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: a.headers });
      expect(me.json().account.id).toBe(a.accountId);
    });
  });
}
