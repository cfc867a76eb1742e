// POST /api/v1/webhooks/sms/twilio/inbound and …/status — Twilio's messaging webhooks (issue 11,
// SMS-02): a text a person sent to one of our numbers, and the delivery status of one we sent.
// Authentication is X-Twilio-Signature over the URL Twilio requested (PUBLIC_URL + the path and
// query) and the form parameters, under the auth token of SMS_PROVIDER (channels/sms/http/twilio.ts);
// a bad signature is 401 WEBHOOK_SIGNATURE_INVALID and nothing is recorded. An inbound text is
// stored and acted on before the answer (an empty TwiML <Response/>: our reply, if any, goes through
// the API, never as TwiML). Like the relay webhooks, not rate-limited: the signature is the gate,
// and a limit would drop a campaign's status callbacks, which Twilio does not resend.
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import type { SmsWebhookReceiver } from '../../../core/sms/inbound.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export function smsWebhooks(deps: AppDeps, kind: 'twilio' | 'http'): SmsWebhookReceiver {
  const receiver = deps.services.sms.webhooks(kind);
  if (!receiver)
    throw notFound('WEBHOOK_NOT_CONFIGURED', `SMS_PROVIDER is not ${kind === 'twilio' ? 'Twilio' : 'a generic HTTP gateway'}.`);
  return receiver;
}

export function registerPostSmsTwilio(app: ZodApp, deps: AppDeps) {
  const request = (req: { url: string; headers: Record<string, string | string[] | undefined>; body: string }) => ({
    url: `${deps.config.publicUrl}${req.url}`,
    headers: req.headers,
    rawBody: req.body,
  });
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
      await deps.services.sms.receiving(() => receiver.receiveInbound(request(req)));
      return reply.type('text/xml; charset=utf-8').send(EMPTY_TWIML);
    },
  );
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
    async (req) => smsWebhooks(deps, 'twilio').receiveStatus(request(req)),
  );
}
