// POST /api/v1/webhooks/sms/twilio/status — Twilio's status callback (issue 11): the delivery status
// of a message we sent, verified like the inbound webhook (X-Twilio-Signature under the auth token
// of SMS_PROVIDER; a bad signature is 401 WEBHOOK_SIGNATURE_INVALID and nothing is recorded). Not
// rate-limited: the signature is the gate, and Twilio does not resend a dropped callback.
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';
import { signedRequest, smsWebhooks } from './sms-webhook-receiver.ts';

export function registerPostSmsTwilioStatus(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/webhooks/sms/twilio/status',
    {
      config: { csrf: false },
      schema: {
        tags: ['webhooks'],
        summary: 'Twilio message status callback (signed)',
        body: z.string(),
        response: { 200: z.object({ receipts: z.number().int() }) },
      },
    },
    async (req) => smsWebhooks(deps, 'twilio').receiveStatus(signedRequest(deps, req)),
  );
}
