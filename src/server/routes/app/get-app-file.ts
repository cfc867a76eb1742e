// GET /app/* — a file of the build as it is, or index.html for a client-side route (the SPA
// fallback).
import { resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../../core/errors.ts';
import { ASSET_MAX_AGE_SECONDS, isFile, MAX_APP_PATH_LENGTH, type SendIndex } from './web-dist.ts';

export function getAppFile(app: FastifyInstance, distDir: string, sendIndex: SendIndex): void {
  app.get<{ Params: { '*': string } }>('/app/*', { schema: { hide: true } }, async (request, reply) => {
    const rel = (request.params['*'] ?? '').slice(0, MAX_APP_PATH_LENGTH);
    const full = resolve(distDir, rel);
    if (rel && full.startsWith(distDir + sep) && (await isFile(full))) {
      const hashed = rel.startsWith('assets/');
      return reply.sendFile(rel, { maxAge: hashed ? ASSET_MAX_AGE_SECONDS * 1000 : 0, immutable: hashed });
    }
    // A missing bundle must not be answered with HTML (the browser would try to run it).
    if (rel.startsWith('assets/')) throw notFound('NOT_FOUND', `No file /app/${rel}; reload the page to get the current build.`);
    return sendIndex(reply);
  });
}
