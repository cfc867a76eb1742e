// POST /api/v1/webhooks/sms/generic/inbound — a generic HTTP SMS gateway's inbound webhook (issue 11,
// SMS-02): JSON {"from","to","text"}, signed with X-Signature =
// HMAC-SHA256(SMS_WEBHOOK_SECRET, timestamp "." body) and a fresh X-Signature-Timestamp
// (channels/sms/http/generic.ts). A bad or stale signature is refused with its WEBHOOK_* code and
// nothing is recorded; an inbound text is stored and acted on before the 200.
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';
import { signedRequest, smsWebhooks } from './sms-webhook-receiver.ts';

export function registerPostSmsGenericInbound(app: ZodApp, deps: AppDeps) {
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
      return (await deps.services.sms.receiving(() => receiver.receiveInbound(signedRequest(deps, req)))).result;
    },
  );
}
