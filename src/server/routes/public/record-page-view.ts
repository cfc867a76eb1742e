// POST /api/v1/analytics/pageview — our first-party demo analytics (performance category). Only
// /assets/analytics.js calls it, and that script only runs after consent (CK-04). Counts views
// per path in memory (bounded); no cookie is read or stored here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PageViewCounter } from '../../../core/cookie-consent/page-views.ts';

export const MAX_PAGE_VIEW_BODY_BYTES = 1024;
export const PAGE_VIEW_RATE_LIMIT_PER_MINUTE = 120;

export function recordPageView(app: FastifyInstance, pageViews: PageViewCounter): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/analytics/pageview',
    {
      bodyLimit: MAX_PAGE_VIEW_BODY_BYTES,
      // No session and nothing of the caller's changes: a forged call could only add a count.
      config: { csrf: false, rateLimit: { max: PAGE_VIEW_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Count a page view (first-party analytics, only after performance consent)',
        body: z.object({ path: z.string().min(1).max(2048) }).strict(),
        response: { 202: z.object({ path: z.string(), views: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const views = pageViews.record(request.body.path);
      return reply.status(202).send({ path: request.body.path.slice(0, 200), views });
    },
  );
}
