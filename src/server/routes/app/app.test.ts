// The web app at /app: files from web/dist, the SPA fallback for client-side routes, and a clear
// answer when nothing is built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { errorHandler } from '../../errors.ts';
import { appRoutes, WEB_DIST_DIR } from './index.ts';

const ROOT = join(WEB_DIST_DIR, '..', '..');

beforeAll(() => {
  // `npm test` builds first; a lone `vitest run` of this file builds here if needed.
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
    const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'ignore' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
}, 120_000);

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`web app at /app (${engine})`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('serves the SPA at /app and the same index.html for deep client-side paths', async () => {
      const root = await t.app.inject({ method: 'GET', url: '/app' });
      expect(root.statusCode).toBe(200);
      expect(root.headers['content-type']).toMatch(/^text\/html/);
      expect(root.body).toContain('<div id="root"></div>');
      const deep = await t.app.inject({ method: 'GET', url: '/app/some/deep/path?x=1' });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toBe(root.body);
      const slash = await t.app.inject({ method: 'GET', url: '/app/' });
      expect(slash.body).toBe(root.body);
    });

    it('serves the bundles it names, needs no inline script under the CSP, and 404s a missing bundle', async () => {
      const html = (await t.app.inject({ method: 'GET', url: '/app/' })).body;
      const src = /<script type="module" crossorigin src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(src).toBeDefined();
      // helmet's CSP allows script-src 'self' only: every <script> must have a src.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      const js = await t.app.inject({ method: 'GET', url: src! });
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect(js.headers['cache-control']).toContain('immutable');
      expect(js.headers['content-security-policy']).toContain("script-src 'self'");
      const missing = await t.app.inject({ method: 'GET', url: '/app/assets/nope-123.js' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });

    it('does not serve files outside web/dist', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/app/%2e%2e/%2e%2e/package.json' });
      expect(r.body).not.toContain('"devDependencies"');
    });

    it('answers 503 WEB_APP_NOT_BUILT with what to run when web/dist is missing', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'assent-nodist-'));
      const bare = Fastify();
      bare.setErrorHandler(errorHandler);
      await bare.register(appRoutes(t.platform, { distDir: join(empty, 'dist') }));
      try {
        const r = await bare.inject({ method: 'GET', url: '/app/dashboard' });
        expect(r.statusCode).toBe(503);
        expect(r.json().error.code).toBe('WEB_APP_NOT_BUILT');
        expect(r.json().error.message).toContain('npm run build:web');
      } finally {
        await bare.close();
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });
}
