// POST /api/v1/webhooks/sendgrid — SendGrid's signed event webhook (REP-01, REP-02): bounces,
// drops, spam reports and unsubscribes. The ECDSA signature over timestamp + body must verify
// with SENDGRID_WEBHOOK_PUBLIC_KEY and the timestamp be fresh; each event is stored before the 200.
import { z } from 'zod';
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from '../../../channels/webhooks/sendgrid.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export function registerPostSendgridWebhook(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/webhooks/sendgrid',
    {
      config: { csrf: false },
      schema: {
        tags: ['webhooks'],
        summary: 'SendGrid event webhook (signed with the key in SENDGRID_WEBHOOK_PUBLIC_KEY)',
        body: z.string(),
        response: { 200: z.object({ stored: z.number().int(), duplicates: z.number().int() }) },
      },
    },
    async (request) =>
      deps.services.webhooks.sendgrid(
        request.body,
        header(request.headers[SENDGRID_SIGNATURE_HEADER]),
        header(request.headers[SENDGRID_TIMESTAMP_HEADER]),
      ),
  );
}
