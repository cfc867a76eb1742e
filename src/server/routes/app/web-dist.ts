// The built web app on disk (web/dist) and how its index.html is sent: shared by the /app
// routes.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import { unavailable } from '../../../core/errors.ts';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));
/** Vite's hashed bundles: safe to cache for a long time, they change name when they change. */
export const ASSET_MAX_AGE_SECONDS = 365 * 24 * 3600;
/** Longest /app path we look up on disk. */
export const MAX_APP_PATH_LENGTH = 1024;

export type SendIndex = (reply: FastifyReply) => Promise<FastifyReply>;

export function indexSender(distDir: string): SendIndex {
  return async (reply) => {
    if (!(await isFile(resolve(distDir, 'index.html')))) {
      throw unavailable('WEB_APP_NOT_BUILT', 'The web app is not built yet: run `npm run build:web`, then reload.');
    }
    // index.html names the current bundles, so it is always revalidated.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  };
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
