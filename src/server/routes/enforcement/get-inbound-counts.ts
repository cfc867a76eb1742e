// GET /api/v1/operator/inbound — how many inbound items (bounces, reports, webhooks) are in each status.
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';

export function registerGetInboundCounts(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/operator/inbound',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Inbound items per status (received, processed, untraceable, failed)',
        response: {
          200: z.object({ received: z.number(), processed: z.number(), untraceable: z.number(), failed: z.number() }),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      const counts = await deps.services.enforcement.inboundCounts();
      return {
        received: counts.received,
        processed: counts.processed,
        untraceable: counts.untraceable,
        failed: counts.failed,
      };
    },
  );
}
