// The SMS webhooks' shared parts (issue 11, SMS-02): the configured receiver of one provider kind
// (404 WEBHOOK_NOT_CONFIGURED when SMS_PROVIDER is another), and the request as the adapters
// verify it — the URL the provider requested (PUBLIC_URL + path and query), headers, exact body.
import { notFound } from '../../../core/errors.ts';
import type { SmsWebhookReceiver } from '../../../core/sms/inbound.ts';
import type { AppDeps } from '../../deps.ts';

export function smsWebhooks(deps: AppDeps, kind: 'twilio' | 'http'): SmsWebhookReceiver {
  const receiver = deps.services.sms.webhooks(kind);
  if (!receiver)
    throw notFound('WEBHOOK_NOT_CONFIGURED', `SMS_PROVIDER is not ${kind === 'twilio' ? 'Twilio' : 'a generic HTTP gateway'}.`);
  return receiver;
}

export function signedRequest(
  deps: AppDeps,
  req: { url: string; headers: Record<string, string | string[] | undefined>; body: string },
) {
  return { url: `${deps.config.publicUrl}${req.url}`, headers: req.headers, rawBody: req.body };
}
