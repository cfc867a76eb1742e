// POST /api/v1/webhooks/sms/generic/inbound and …/status — a generic HTTP SMS gateway's webhooks
// (issue 11, SMS-02): JSON {"from","to","text"} and {"id","status"}, signed with X-Signature =
// HMAC-SHA256(SMS_WEBHOOK_SECRET, timestamp "." body) and a fresh X-Signature-Timestamp
// (channels/sms/http/generic.ts). A bad or stale signature is refused with its WEBHOOK_* code and
// nothing is recorded; an inbound text is stored and acted on before the 200.
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';
import { smsWebhooks } from './post-sms-twilio.ts';

export function registerPostSmsGeneric(app: ZodApp, deps: AppDeps) {
  const request = (req: { url: string; headers: Record<string, string | string[] | undefined>; body: string }) => ({
    url: `${deps.config.publicUrl}${req.url}`,
    headers: req.headers,
    rawBody: req.body,
  });
  app.post(
    '/api/v1/webhooks/sms/generic/inbound',
    {
      config: { csrf: false },
      schema: {
        tags: ['webhooks'],
        summary: 'Inbound SMS from the generic HTTP gateway (signed with SMS_WEBHOOK_SECRET)',
        body: z.string(),
        response: { 200: z.object({ messages: z.number().int() }) },
      },
    },
    async (req) => {
      const receiver = smsWebhooks(deps, 'http');
      return (await deps.services.sms.receiving(() => receiver.receiveInbound(request(req)))).result;
    },
  );
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
    async (req) => smsWebhooks(deps, 'http').receiveStatus(request(req)),
  );
}
