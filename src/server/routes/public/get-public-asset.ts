// Our own static files and the self-hosted cookie banner (vanilla-cookieconsent's dist files):
// everything the public pages load comes from this origin (CK-01: no third-party script). A
// fixed allowlist, so no request path ever reaches the file system. The logo and the favicon are
// the web app's own files (web/public, copied into its build by Vite): one drawing for the site
// and the app (issue 13 §10).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../../core/errors.ts';

const require = createRequire(import.meta.url);
const OWN = (name: string) => fileURLToPath(new URL(`../../public/assets/${name}`, import.meta.url));
const BRAND = (name: string) => fileURLToPath(new URL(`../../../../web/public/${name}`, import.meta.url));
const JS = 'text/javascript; charset=utf-8';
const SVG = 'image/svg+xml';
const CSS = 'text/css; charset=utf-8';

export const PUBLIC_ASSETS: Record<string, { file: () => string; type: string }> = {
  '/assets/site.css': { file: () => OWN('site.css'), type: CSS },
  '/assets/consent.js': { file: () => OWN('consent.js'), type: JS },
  '/assets/analytics.js': { file: () => OWN('analytics.js'), type: JS },
  '/assets/logo.svg': { file: () => BRAND('logo.svg'), type: SVG },
  '/favicon.svg': { file: () => BRAND('favicon.svg'), type: SVG },
  // Browsers ask for /favicon.ico on their own; they render an SVG answer as well.
  '/favicon.ico': { file: () => BRAND('favicon.svg'), type: SVG },
  '/assets/cookieconsent/cookieconsent.umd.js': {
    file: () => require.resolve('vanilla-cookieconsent/dist/cookieconsent.umd.js'),
    type: JS,
  },
  '/assets/cookieconsent/cookieconsent.css': {
    file: () => require.resolve('vanilla-cookieconsent/dist/cookieconsent.css'),
    type: CSS,
  },
};

export function getPublicAsset(app: FastifyInstance): void {
  // Read once per app on first use; the files ship with the code.
  const cache = new Map<string, { body: Buffer; etag: string }>();
  for (const [path, asset] of Object.entries(PUBLIC_ASSETS)) {
    app.get(path, { schema: { hide: true } }, async (request, reply) => {
      let entry = cache.get(path);
      if (!entry) {
        const body = await readFile(asset.file()).catch(() => {
          throw notFound('ASSET_MISSING', `The file behind ${path} is missing from this installation.`);
        });
        entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
        cache.set(path, entry);
      }
      void reply.header('etag', entry.etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
      return reply.type(asset.type).send(entry.body);
    });
  }
}
