// The relay services' webhooks (issue 10 §1): Amazon SES notifications delivered by SNS, and
// SendGrid's event webhook. Each is authenticated first (SNS signature and an allowed topic;
// SendGrid's ECDSA signature and a fresh timestamp), then every event is handed to the inbound
// intake (stored before the 200, processed by the inbound.process job, idempotent on the event
// id). What fails authentication is refused with a stable code and stores nothing.
import { AppError } from '../../core/errors.ts';
import type { Clock, Logger } from '../../core/ports.ts';
import type { InboundIntake, ProviderWebhooks } from '../../core/enforcement/types.ts';
import { SENDGRID_MAX_SKEW_MS, sendgridPublicKey, verifySendgrid } from './sendgrid.ts';
import { createSnsVerifier, isSnsUrl, parseSnsMessage, SNS_FETCH_TIMEOUT_MS, type HttpFetch } from './sns.ts';

/** Most SendGrid events read from one POST (SendGrid batches up to about 1,000). */
export const MAX_SENDGRID_EVENTS = 5_000;

export function createProviderWebhooks(deps: {
  intake: InboundIntake;
  /** SES_SNS_TOPIC_ARNS: the topics we subscribed; empty: the SES webhook is off. */
  sesTopics: string[];
  /** SENDGRID_WEBHOOK_PUBLIC_KEY; undefined: the SendGrid webhook is off. */
  sendgridKey?: string;
  fetch: HttpFetch;
  clock: Clock;
  logger: Logger;
}): ProviderWebhooks {
  const sns = createSnsVerifier(deps.fetch);
  const key = deps.sendgridKey ? sendgridPublicKey(deps.sendgridKey) : null;
  return {
    async ses(body) {
      if (deps.sesTopics.length === 0) throw new AppError('WEBHOOK_NOT_CONFIGURED', 'The SES webhook is not configured.');
      const m = parseSnsMessage(body);
      if (!m) throw new AppError('WEBHOOK_PAYLOAD_INVALID', 'Not an SNS message.');
      if (!deps.sesTopics.includes(m.TopicArn))
        throw new AppError('WEBHOOK_TOPIC_NOT_ALLOWED', 'Messages of this SNS topic are not accepted here.');
      if (!(await sns.verify(m))) throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The SNS signature does not verify.');
      if (m.Type === 'SubscriptionConfirmation') {
        // Confirming is a GET of SubscribeURL — only ever an SNS host of our allowed topic.
        if (!m.SubscribeURL || !isSnsUrl(m.SubscribeURL))
          throw new AppError('WEBHOOK_PAYLOAD_INVALID', 'The subscription URL is not an SNS address.');
        const res = await deps.fetch(m.SubscribeURL, { signal: AbortSignal.timeout(SNS_FETCH_TIMEOUT_MS) });
        deps.logger.info({ topic: m.TopicArn, status: res.status }, 'SNS subscription confirmed');
        return { outcome: 'subscribed', id: null };
      }
      if (m.Type === 'UnsubscribeConfirmation') return { outcome: 'ignored', id: null };
      const receipt = await deps.intake.receiveEvent({ source: 'ses', eventId: m.MessageId, payload: m.Message });
      return { outcome: receipt.duplicate ? 'duplicate' : 'stored', id: receipt.id };
    },
    async sendgrid(body, signature, timestamp) {
      if (!key) throw new AppError('WEBHOOK_NOT_CONFIGURED', 'The SendGrid webhook is not configured.');
      const seconds = Number(timestamp);
      if (!/^\d{1,12}$/.test(timestamp) || Math.abs(deps.clock.now().getTime() - seconds * 1000) > SENDGRID_MAX_SKEW_MS)
        throw new AppError('WEBHOOK_STALE', 'The webhook timestamp is missing or too far from now.');
      if (!verifySendgrid(key, body, signature, timestamp))
        throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The SendGrid signature does not verify.');
      let events: unknown;
      try {
        events = JSON.parse(body);
      } catch {
        throw new AppError('WEBHOOK_PAYLOAD_INVALID', 'The body is not JSON.');
      }
      if (!Array.isArray(events) || events.length > MAX_SENDGRID_EVENTS)
        throw new AppError('WEBHOOK_PAYLOAD_INVALID', `Expected a JSON array of at most ${MAX_SENDGRID_EVENTS} events.`);
      let stored = 0;
      let duplicates = 0;
      for (const e of events) {
        if (!e || typeof e !== 'object' || Array.isArray(e)) continue;
        const id = (e as Record<string, unknown>).sg_event_id;
        const receipt = await deps.intake.receiveEvent({
          source: 'sendgrid',
          eventId: typeof id === 'string' ? id : '',
          payload: JSON.stringify(e),
        });
        if (receipt.duplicate) duplicates++;
        else stored++;
      }
      return { stored, duplicates };
    },
  };
}
