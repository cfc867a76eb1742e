// The web app (React SPA, built by Vite into web/dist) at /app. Files that exist are served as
// they are; any other /app/* path is a client-side route and gets index.html (the SPA
// fallback). Without a build the answer says how to make one.
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getAppFile } from './get-app-file.ts';
import { getApp } from './get-app.ts';
import { indexSender, WEB_DIST_DIR } from './web-dist.ts';

export { WEB_DIST_DIR } from './web-dist.ts';

export function appRoutes(_deps: AppDeps, options: { distDir?: string } = {}): FastifyPluginAsync {
  const distDir = resolve(options.distDir ?? WEB_DIST_DIR);
  return async (app) => {
    // serve: false — we only want reply.sendFile (path-traversal safe, ETag, ranges); the
    // routes decide what to send.
    await app.register(fastifyStatic, { root: distDir, serve: false });
    const sendIndex = indexSender(distDir);
    getApp(app, sendIndex);
    getAppFile(app, distDir, sendIndex);
  };
}
