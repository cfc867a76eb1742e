// One language choice (issue 13 §8, I18N-01): the signed-in user's language is saved (PATCH /me)
// and the app's index.html starts in the language chosen on the public site (the `lang` cookie).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp } from '../../../../test/helpers/accounts.ts';
import { describeEachEngine } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { WEB_DIST_DIR } from '../app/index.ts';

beforeAll(() => {
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
    const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
      cwd: join(WEB_DIST_DIR, '..', '..'),
      stdio: 'ignore',
    });
    if (r.status !== 0) throw new Error('vite build failed');
  }
}, 120_000);

describeEachEngine('one language choice', (_db, engine) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('[I18N-01] a signed-in user saves their language; /me answers it; only en and ro; CSRF-checked', async () => {
    const owner = await signUp(t.app);
    const me = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: owner.headers })).json().user.language;
    expect(await me()).toBe('en');
    const set = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: owner.headers, payload: { language: 'ro' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(await me()).toBe('ro');
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: owner.headers, payload: { language: 'fr' } });
    expect(bad.statusCode).toBe(400);
    const noCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: owner.headers.cookie! },
      payload: { language: 'en' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await me()).toBe('ro');
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { language: 'en' } })).statusCode).toBe(401);
  });

  it('[I18N-01] the app starts in the language picked on the public site; without a pick, as built', async () => {
    const picked = await t.app.inject({ method: 'GET', url: '/lang/ro?next=/app' });
    expect(picked.statusCode).toBe(303);
    const cookie = String(picked.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe('lang=ro');
    const ro = await t.app.inject({ method: 'GET', url: '/app/login', headers: { cookie } });
    expect(ro.statusCode).toBe(200);
    expect(ro.body).toContain('<html lang="ro" data-chosen="ro"');
    const plain = await t.app.inject({ method: 'GET', url: '/app/login' });
    expect(plain.body).toContain('<html lang="en">');
    expect(plain.body).not.toContain('data-chosen');
    const forged = await t.app.inject({ method: 'GET', url: '/app/login', headers: { cookie: 'lang="><script>' } });
    expect(forged.body).not.toContain('<script>"');
    expect(forged.body).not.toContain('data-chosen');
  });
});
