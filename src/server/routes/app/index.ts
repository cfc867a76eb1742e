// The web app (React SPA, built by Vite into web/dist) at /app. Files that exist are served as
// they are; any other /app/* path is a client-side route and gets index.html (the SPA
// fallback). Without a build the answer says how to make one.
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { notFound, unavailable } from '../../../core/errors.ts';
import type { AppDeps } from '../../deps.ts';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));
/** Vite's hashed bundles: safe to cache for a long time, they change name when they change. */
export const ASSET_MAX_AGE_SECONDS = 365 * 24 * 3600;
/** Longest /app path we look up on disk. */
export const MAX_APP_PATH_LENGTH = 1024;

export function appRoutes(_deps: AppDeps, options: { distDir?: string } = {}): FastifyPluginAsync {
  const distDir = resolve(options.distDir ?? WEB_DIST_DIR);
  return async (app) => {
    // serve: false — we only want reply.sendFile (path-traversal safe, ETag, ranges); the
    // routes below decide what to send.
    await app.register(fastifyStatic, { root: distDir, serve: false });

    const sendIndex = async (reply: FastifyReply) => {
      if (!(await isFile(resolve(distDir, 'index.html')))) {
        throw unavailable('WEB_APP_NOT_BUILT', 'The web app is not built yet: run `npm run build:web`, then reload.');
      }
      // index.html names the current bundles, so it is always revalidated.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    };

    app.get('/app', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));

    app.get<{ Params: { '*': string } }>('/app/*', { schema: { hide: true } }, async (request, reply) => {
      const rel = (request.params['*'] ?? '').slice(0, MAX_APP_PATH_LENGTH);
      const full = resolve(distDir, rel);
      if (rel && full.startsWith(distDir + sep) && (await isFile(full))) {
        const hashed = rel.startsWith('assets/');
        return reply.sendFile(rel, { maxAge: hashed ? ASSET_MAX_AGE_SECONDS * 1000 : 0, immutable: hashed });
      }
      // A missing bundle must not be answered with HTML (the browser would try to run it).
      if (rel.startsWith('assets/'))
        throw notFound('NOT_FOUND', `No file /app/${rel}; reload the page to get the current build.`);
      return sendIndex(reply);
    });
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
