// Route tests for the public site: every link of the footer answers a page, in both languages.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

describe('public site routes', () => {
  let t: TestPlatform;

  beforeAll(async () => {
    t = await createTestPlatform('sqlite', { config: { abuseEmail: 'abuse@assent.example' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function footerLinks(url: string): Promise<string[]> {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const footer = /<footer[\s\S]*<\/footer>/.exec(res.body)?.[0] ?? '';
    return [...footer.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
  }

  it('every footer link of the public pages answers 200 HTML, in English and Romanian', async () => {
    const links = new Set<string>();
    for (const page of ['/', '/legal/terms', '/legal/anti-spam', '/legal/cookies', '/report-spam']) {
      for (const lang of ['en', 'ro']) for (const link of await footerLinks(`${page}?lang=${lang}`)) links.add(link);
    }
    expect([...links].some((l) => l.startsWith('/report-spam'))).toBe(true);
    for (const link of links) {
      const res = await t.app.inject({ method: 'GET', url: link.split('#')[0] ?? link });
      expect(res.statusCode, link).toBe(200);
      expect(res.headers['content-type'], link).toMatch(/^text\/html/);
    }
  });

  it('the report-spam page tells a recipient how to stop the mail and where to report it, en and ro', async () => {
    const en = await t.app.inject({ method: 'GET', url: '/report-spam', headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('href="mailto:abuse@assent.example"');
    expect(en.body).toContain('unsubscribe link');
    expect(en.body).toContain('href="/legal/anti-spam#determining-spam"');
    const ro = await t.app.inject({ method: 'GET', url: '/report-spam?lang=ro' });
    expect(ro.statusCode).toBe(200);
    expect(ro.body).toContain('<html lang="ro">');
    expect(ro.body).toContain('Raportează spam');
    expect(ro.body).toContain('href="mailto:abuse@assent.example"');
    expect(ro.body).toContain('href="/legal/anti-spam?lang=ro#determining-spam"');
  });

  it('the site shows the same logo and favicon as the web app (web/public), and /favicon.ico answers', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg" />');
    expect(home.body).toMatch(/<a class="brand"[^>]*><img src="\/assets\/logo.svg" alt="Assent"/);
    for (const [url, file] of [
      ['/favicon.svg', 'favicon.svg'],
      ['/favicon.ico', 'favicon.svg'],
      ['/assets/logo.svg', 'logo.svg'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^image\/svg\+xml/);
      expect(res.body, url).toBe(readFileSync(new URL(`../../../../web/public/${file}`, import.meta.url), 'utf8'));
    }
  });
});
