// The cookie banner's configuration as JSON (built from policy/cookies.ts), loaded by
// /assets/consent.js: CSP forbids inline scripts, so the config cannot be inlined in the page.
import type { FastifyInstance } from 'fastify';
import { bannerConfig } from '../../public/banner-config.ts';

export function getConsentConfig(app: FastifyInstance, revision: number): void {
  const body = JSON.stringify(bannerConfig(revision));
  app.get('/assets/consent-config.json', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(body);
  });
}
