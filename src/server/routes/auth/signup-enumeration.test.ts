// No account enumeration through signup: an address that already has a user and a new one get
// the same answer in about the same time, on both engines (routes/auth/signup.ts). Both cost an
// argon2 hash and one outbox mail; a new address also costs the account's rows.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp, signupPayload, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { describeEachEngine } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

const ROUNDS = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describeEachEngine('signup timing', (_db, engine) => {
  let t: TestPlatform;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await createTestPlatform(engine);
    owner = await signUp(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function timed(email: string, i: number): Promise<{ ms: number; status: number; body: string }> {
    const payload = signupPayload({ email });
    const started = process.hrtime.bigint();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      // Signup is rate-limited per IP address; each request comes from its own.
      remoteAddress: `10.78.${Math.floor(i / 200)}.${(i % 200) + 1}`,
      payload,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, status: res.statusCode, body: res.body };
  }

  it('[SEC-01] a taken and a new address get the same 202 in about the same time; the taken one is mailed', async () => {
    // Warm-up: the first requests pay for compiling and caches.
    await timed(`warmup-${engine}@example.com`, 0);
    await timed(owner.email, 1);
    const taken: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const a = await timed(owner.email, 2 * i + 2);
      const b = await timed(`new-${engine}-${i}@example.com`, 2 * i + 3);
      expect([a.status, a.body]).toEqual([202, '{"status":"verify-email"}']);
      expect([b.status, b.body]).toEqual([a.status, a.body]);
      taken.push(a.ms);
      fresh.push(b.ms);
    }
    const notices = await t.platform.database.db
      .selectFrom('system_mail')
      .select('id')
      .where('to_address', '=', owner.email)
      .where('template', '=', 'signup-attempt')
      .execute();
    expect(notices).toHaveLength(ROUNDS + 1);
    const k = median(taken);
    const n = median(fresh);
    // Loose enough for a loaded 2-core machine. Without the hash on the taken path, a taken
    // address answered ~10× faster.
    expect(Math.max(k / n, n / k)).toBeLessThan(2);
  });
});
