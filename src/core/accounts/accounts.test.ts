// The accounts core over real repositories on both engines, real argon2id, and recording fakes
// only for the two collaborator seams (system mail, standing gate).
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createAccountsStore } from '../../db/repositories/accounts.ts';
import { createArgon2Hasher } from '../../security/argon2-hasher.ts';
import { createTokenKit, sha256Hex } from '../../security/tokens.ts';
import { AppError, forbidden } from '../errors.ts';
import { silentLogger } from '../ports.ts';
import type { SystemMailRequest } from '../system-mail/ports.ts';
import type { RestrictableService } from '../standing/ports.ts';
import { SESSION_TTL_MS } from './limits.ts';
import { ANTI_SPAM_VERSION, TERMS_VERSION } from './policy-versions.ts';
import { createAccountsService } from './service.ts';
import type { SignupInput, SignupResult } from './signup.ts';

const meta = { ip: '203.0.113.7', userAgent: 'Vitest/1.0' };
const signupInput = (over: Partial<SignupInput> = {}): SignupInput => ({
  email: 'Owner@Example.com',
  password: 'a-long-enough-password',
  name: 'Ana',
  companyName: 'Example SRL',
  postalAddress: 'Str. Lunga 1, Cluj',
  industry: 'retail',
  declaredSending: 'Monthly newsletter to our customers',
  acceptTerms: true,
  acceptAntiSpam: true,
  ...over,
});

/** The result of a signup that created the account (the tests' addresses are new). */
async function newAccount(p: Promise<SignupResult>): Promise<Extract<SignupResult, { outcome: 'created' }>> {
  const r = await p;
  if (r.outcome !== 'created') throw new Error(`expected a created account, got ${r.outcome}`);
  return r;
}

async function rejects(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describeEachEngine('accounts core', (db) => {
  let n = 0;
  const clock = manualClock();
  const mail: SystemMailRequest[] = [];
  const blocked = new Set<string>();
  const standing = {
    async assertServiceAllowed(accountId: string, service: RestrictableService) {
      if (blocked.has(accountId)) throw forbidden('ACCOUNT_BLOCKED', 'blocked', { service });
    },
  };
  const argon2 = createArgon2Hasher();
  const hashed: string[] = [];
  const service = () =>
    createAccountsService({
      store: createAccountsStore(db().db),
      hasher: { hash: async (p) => (hashed.push(p), argon2.hash(p)), verify: argon2.verify },
      tokens: createTokenKit(),
      clock,
      logger: silentLogger,
      systemMail: { enqueue: async (m) => (mail.push(m), `mail-${mail.length}`) },
      standing,
      publicUrl: 'http://assent.test',
    });
  const email = () => `user${++n}@example.com`;

  it('[ACC-01] stores the terms and anti-spam acceptances with version, time, IP and user agent', async () => {
    const s = service();
    const r = await newAccount(s.signup(signupInput({ email: email() }), meta));
    const rows = await s.acceptances(r.account.id);
    expect(rows.map((a) => [a.document, a.version, a.ip, a.userAgent, a.acceptedAt])).toEqual([
      ['anti-spam', ANTI_SPAM_VERSION, meta.ip, meta.userAgent, clock.now().toISOString()],
      ['terms', TERMS_VERSION, meta.ip, meta.userAgent, clock.now().toISOString()],
    ]);
    expect(r.account.review).toBe('none');
  });

  it('[ACC-01] refuses signup unless both boxes are true and stores nothing', async () => {
    const s = service();
    const e = email();
    expect((await rejects(s.signup(signupInput({ email: e, acceptTerms: false }), meta))).code).toBe('TERMS_NOT_ACCEPTED');
    expect((await rejects(s.signup(signupInput({ email: e, acceptAntiSpam: undefined }), meta))).code).toBe(
      'ANTI_SPAM_NOT_ACCEPTED',
    );
    expect(await db().db.selectFrom('users').select('id').where('email', '=', e).executeTakeFirst()).toBeUndefined();
  });

  it('[ACC-02] refuses a not-accepted industry with its clause and holds a review industry', async () => {
    const s = service();
    const err = await rejects(s.signup(signupInput({ email: email(), industry: 'forex' }), meta));
    expect(err.code).toBe('INDUSTRY_NOT_ACCEPTED');
    expect(err.details?.clause).toMatch(/forex/i);
    const held = await newAccount(s.signup(signupInput({ email: email(), industry: 'gambling' }), meta));
    expect(held.account.review).toBe('pending');
    expect((await s.getAccount(held.account.id)).reviewReason).toMatch(/gambling/i);
  });

  it('[SEC-03] a taken address creates nothing, changes nothing and mails its user instead; both cases hash the password', async () => {
    const s = service();
    const e = email();
    const first = await newAccount(s.signup(signupInput({ email: e, name: 'Ana' }), meta));
    const before = await db().db.selectFrom('users').selectAll().where('email', '=', e).executeTakeFirstOrThrow();
    const accounts = async () => (await db().db.selectFrom('accounts').select('id').execute()).length;
    const accountsBefore = await accounts();
    hashed.length = 0;
    const again = await s.signup(
      signupInput({ email: e.toUpperCase(), password: 'someone-elses-password', companyName: 'Other SRL', language: 'ro' }),
      meta,
    );
    expect(again).toEqual({ outcome: 'address-taken' });
    // The same argon2 work as a new signup: the submitted password was hashed.
    expect(hashed).toEqual(['someone-elses-password']);
    expect(await accounts()).toBe(accountsBefore);
    expect(await db().db.selectFrom('users').selectAll().where('email', '=', e).execute()).toEqual([before]);
    expect(await s.acceptances(first.account.id)).toHaveLength(2);
    const notice = mail.findLast((m) => m.to === e && m.template === 'signup-attempt');
    expect(notice).toMatchObject({
      category: 'critical',
      language: 'en',
      data: { name: 'Ana', signInLink: 'http://assent.test/app/login', resetLink: 'http://assent.test/app/reset-password' },
    });
    expect(mail.filter((m) => m.to === e).map((m) => m.template)).toEqual(['verify-email', 'signup-attempt']);
  });

  it('[SEC-01] stores an argon2id hash, answers wrong password and unknown email alike', async () => {
    const s = service();
    const e = email();
    await s.signup(signupInput({ email: e }), meta);
    const row = await db().db.selectFrom('users').select('password_hash').where('email', '=', e).executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    const wrong = await rejects(s.login(e, 'not-the-password', meta));
    const unknown = await rejects(s.login('nobody@example.com', 'not-the-password', meta));
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
    const ok = await s.login(e.toUpperCase(), 'a-long-enough-password', meta);
    expect((await s.resolveSession(ok.token))?.accountRole).toBe('owner');
  });

  it('[SEC-01] stores only the session digest and lets the session expire', async () => {
    const s = service();
    const e = email();
    const r = await newAccount(s.signup(signupInput({ email: e }), meta));
    expect(await db().db.selectFrom('sessions').select('id').where('user_id', '=', r.user.id).execute()).toEqual([]);
    const session = await s.login(e, 'a-long-enough-password', meta);
    const stored = await db().db.selectFrom('sessions').select('id').where('user_id', '=', r.user.id).execute();
    expect(stored.map((x) => x.id)).toEqual([sha256Hex(session.token)]);
    clock.advance(SESSION_TTL_MS + 1);
    expect(await s.resolveSession(session.token)).toBeNull();
  });

  it('[SEC-01] verify-email and password-reset tokens are single-use', async () => {
    const s = service();
    const e = email();
    const r = await newAccount(s.signup(signupInput({ email: e }), meta));
    const session = await s.login(e, 'a-long-enough-password', meta);
    const verify = mail.findLast((m) => m.template === 'verify-email' && m.to === e);
    expect(verify?.category).toBe('critical');
    const token = new URL(String(verify?.data.link)).searchParams.get('token') ?? '';
    await s.verifyEmail(token);
    expect((await s.me(r.user.id, r.account.id)).user.emailVerified).toBe(true);
    expect((await rejects(s.verifyEmail(token))).code).toBe('TOKEN_INVALID');

    await s.requestPasswordReset(e);
    const reset = mail.findLast((m) => m.template === 'password-reset' && m.to === e);
    const resetToken = new URL(String(reset?.data.link)).searchParams.get('token') ?? '';
    await s.confirmPasswordReset(resetToken, 'a-brand-new-password');
    expect(await s.resolveSession(session.token)).toBeNull();
    expect((await rejects(s.confirmPasswordReset(resetToken, 'another-new-password'))).code).toBe('TOKEN_INVALID');
    await expect(s.login(e, 'a-brand-new-password', meta)).resolves.toBeTruthy();
  });

  it('[SEC-01] API keys: shown once, stored hashed, revoked keys refused, blocked accounts refused', async () => {
    const s = service();
    const r = await newAccount(s.signup(signupInput({ email: email() }), meta));
    const created = await s.createApiKey(r.account.id, r.user.id, { name: 'CI', scopes: ['contacts:read'] });
    expect(created.key.startsWith('ak_')).toBe(true);
    const row = await db().db.selectFrom('api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(sha256Hex(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect((await s.listApiKeys(r.account.id))[0]).not.toHaveProperty('key');
    expect(await s.authenticateApiKey(created.key)).toEqual({
      apiKeyId: created.id,
      accountId: r.account.id,
      scopes: ['contacts:read'],
    });
    blocked.add(r.account.id);
    expect((await rejects(s.authenticateApiKey(created.key))).code).toBe('ACCOUNT_BLOCKED');
    blocked.delete(r.account.id);
    await s.revokeApiKey(r.account.id, created.id);
    expect((await rejects(s.authenticateApiKey(created.key))).code).toBe('API_KEY_REVOKED');
    expect((await rejects(s.authenticateApiKey('ak_nope'))).code).toBe('API_KEY_INVALID');
  });

  it('[ACC-03] invites a member, who accepts with a new password, and another account cannot touch them', async () => {
    const s = service();
    const a = await newAccount(s.signup(signupInput({ email: email() }), meta));
    const b = await newAccount(s.signup(signupInput({ email: email() }), meta));
    const invitee = email();
    await s.invite(a.account.id, a.user.id, { email: invitee, role: 'member' });
    const inv = mail.findLast((m) => m.template === 'invitation' && m.to === invitee);
    const token = new URL(String(inv?.data.link)).searchParams.get('token') ?? '';
    const session = await s.acceptInvitation({ token, password: 'member-password-1', signedInUserId: null }, meta);
    expect(session.principal).toMatchObject({ accountId: a.account.id, accountRole: 'member' });
    expect((await s.team(a.account.id)).members.map((m) => m.email)).toContain(invitee);
    expect((await rejects(s.removeMember(b.account.id, b.user.id, session.principal.userId))).kind).toBe('not-found');
    expect((await s.team(a.account.id)).members.map((m) => m.email)).toContain(invitee);
    await s.removeMember(a.account.id, a.user.id, session.principal.userId);
    expect(await s.resolveSession(session.token)).toBeNull();
  });
});
