// POST /api/v1/webhooks/sms/twilio/inbound — Twilio's inbound messaging webhook (issue 11, SMS-02):
// a text a person sent to one of our numbers.
// Authentication is X-Twilio-Signature over the URL Twilio requested (PUBLIC_URL + the path and
// query) and the form parameters, under the auth token of SMS_PROVIDER (channels/sms/http/twilio.ts);
// a bad signature is 401 WEBHOOK_SIGNATURE_INVALID and nothing is recorded. An inbound text is
// stored and acted on before the answer (an empty TwiML <Response/>: our reply, if any, goes through
// the API, never as TwiML). Like the relay webhooks, not rate-limited: the signature is the gate,
// and a limit would drop a campaign's status callbacks, which Twilio does not resend.
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';
import { signedRequest, smsWebhooks } from './sms-webhook-receiver.ts';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export function registerPostSmsTwilioInbound(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/webhooks/sms/twilio/inbound',
    {
      config: { csrf: false },
      schema: {
        tags: ['webhooks'],
        summary: 'Twilio inbound SMS (signed with the auth token of SMS_PROVIDER)',
        body: z.string(),
      },
    },
    async (req, reply) => {
      const receiver = smsWebhooks(deps, 'twilio');
      await deps.services.sms.receiving(() => receiver.receiveInbound(signedRequest(deps, req)));
      return reply.type('text/xml; charset=utf-8').send(EMPTY_TWIML);
    },
  );
}
