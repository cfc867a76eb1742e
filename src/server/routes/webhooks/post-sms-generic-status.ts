// POST /api/v1/webhooks/sms/generic/status — a generic HTTP SMS gateway's delivery status (issue 11):
// JSON {"id","status"}, signed as the inbound webhook is (X-Signature = HMAC-SHA256 of SMS_WEBHOOK_SECRET
// over timestamp "." body, a fresh X-Signature-Timestamp); a bad or stale one records nothing.
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';
import { signedRequest, smsWebhooks } from './sms-webhook-receiver.ts';

export function registerPostSmsGenericStatus(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/webhooks/sms/generic/status',
    {
      config: { csrf: false },
      schema: {
        tags: ['webhooks'],
        summary: 'Delivery status from the generic HTTP gateway (signed)',
        body: z.string(),
        response: { 200: z.object({ receipts: z.number().int() }) },
      },
    },
    async (req) => smsWebhooks(deps, 'http').receiveStatus(signedRequest(deps, req)),
  );
}
