// The built web app on disk (web/dist) and how its index.html is sent: shared by the /app
// routes.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import { LANGUAGE_COOKIE_NAME } from '../../../../policy/cookies.ts';
import { unavailable } from '../../../core/errors.ts';
import { LANGUAGES } from '../../public/language.ts';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));
/** Vite's hashed bundles: safe to cache for a long time, they change name when they change. */
export const ASSET_MAX_AGE_SECONDS = 365 * 24 * 3600;
/** Longest /app path we look up on disk. */
export const MAX_APP_PATH_LENGTH = 1024;

export type SendIndex = (reply: FastifyReply) => Promise<FastifyReply>;

/**
 * index.html with `<html lang>` set to the language the visitor chose on the public site (the
 * `lang` cookie), so the app starts in it (issue 13 §8); the app reads it before anything else
 * and a signed-in user's saved language wins after that. Without the cookie the file is as built.
 */
export function indexSender(distDir: string): SendIndex {
  return async (reply) => {
    const file = resolve(distDir, 'index.html');
    if (!(await isFile(file))) {
      throw unavailable('WEB_APP_NOT_BUILT', 'The web app is not built yet: run `npm run build:web`, then reload.');
    }
    const chosen = reply.request.cookies?.[LANGUAGE_COOKIE_NAME];
    // index.html names the current bundles, so it is always revalidated.
    reply.header('cache-control', 'no-cache');
    if (!chosen || !(LANGUAGES as readonly string[]).includes(chosen))
      return reply.sendFile('index.html', { cacheControl: false });
    reply.header('vary', 'cookie');
    const html = (await readFile(file, 'utf8')).replace(
      /<html lang="[a-z-]*"/i,
      `<html lang="${chosen}" data-chosen="${chosen}"`,
    );
    return reply.type('text/html; charset=utf-8').send(html);
  };
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
