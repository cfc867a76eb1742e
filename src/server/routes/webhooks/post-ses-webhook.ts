// POST /api/v1/webhooks/ses — Amazon SES bounce and complaint notifications delivered by SNS
// (REP-01, REP-02). Only signed messages of the topics in SES_SNS_TOPIC_ARNS; a subscription
// confirmation is confirmed; a notification is stored before the 200 and processed by the worker.
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';

export function registerPostSesWebhook(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/webhooks/ses',
    {
      config: { csrf: false },
      schema: {
        tags: ['webhooks'],
        summary: 'Amazon SES notifications via SNS (signed; topics from SES_SNS_TOPIC_ARNS)',
        body: z.string(),
        response: {
          200: z.object({ outcome: z.enum(['stored', 'duplicate', 'subscribed', 'ignored']), id: z.string().nullable() }),
        },
      },
    },
    async (request) => deps.services.webhooks.ses(request.body),
  );
}
