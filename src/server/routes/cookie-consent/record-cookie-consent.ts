// POST /api/v1/cookie-consent — the banner reports every choice, refusals and dismissals
// included (CK-05). Public and CSRF-exempt (see route-config.ts); body bounded, rate-limited.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConsentChoiceSchema } from '../../../core/cookie-consent/service.ts';
import { clientIp, userAgent } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { MAX_COOKIE_CONSENT_BODY_BYTES, publicConsentRouteConfig } from './route-config.ts';

export function recordCookieConsent(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/cookie-consent',
    {
      bodyLimit: MAX_COOKIE_CONSENT_BODY_BYTES,
      config: publicConsentRouteConfig,
      schema: {
        tags: ['cookie-consent'],
        summary: 'Log a cookie choice made on the banner (CK-05)',
        body: ConsentChoiceSchema,
        response: {
          201: z.object({ id: z.string(), at: z.string(), revision: z.number().int(), categories: z.array(z.string()) }),
        },
      },
    },
    async (request, reply) => {
      const record = await deps.services.cookieConsent.record(request.body, {
        ip: clientIp(request),
        userAgent: userAgent(request),
        source: 'banner',
      });
      return reply.status(201).send({ id: record.id, at: record.at, revision: record.revision, categories: record.categories });
    },
  );
}
