// The SMS provider of SMS_PROVIDER (issue 11) and the inbound path attached to it: built here, in
// the composition root, because it picks an adapter. The provider is opened on first use, never on
// construction: an SMPP provider binds as soon as it exists, and every `assent` command builds the
// services. `assent all` / `assent worker` start it (roles.ts); an HTTP gateway is also opened by
// its first webhook. Every inbound text, whichever way it came, goes to smsInbound.handle.
import { createGenericHttpProvider } from '../channels/sms/http/generic.ts';
import { createTwilioProvider } from '../channels/sms/http/twilio.ts';
import type { HttpSmsProvider } from '../channels/sms/http/webhook.ts';
import { createSmppProvider } from '../channels/sms/smpp/client.ts';
import { parseSmppUrl } from '../channels/sms/smpp/config.ts';
import type { SmsConfig } from '../config/config.ts';
import type { Clock, Logger } from '../core/ports.ts';
import type { InboundOutcome, SmsChannel, SmsInboundService, SmsProviderKind } from '../core/sms/inbound.ts';
import type { SmsMessage, SmsProvider, SubmitOutcome } from '../core/sms/ports.ts';

/** The webhook paths (src/server/routes/webhooks/post-sms-*.ts); Twilio is told the status one. */
export const SMS_WEBHOOK_PATHS = {
  twilio: { inbound: '/api/v1/webhooks/sms/twilio/inbound', status: '/api/v1/webhooks/sms/twilio/status' },
  http: { inbound: '/api/v1/webhooks/sms/generic/inbound', status: '/api/v1/webhooks/sms/generic/status' },
} as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function smsProviderKind(config: SmsConfig | undefined): SmsProviderKind | null {
  if (!config) return null;
  const scheme = new URL(config.provider).protocol;
  if (scheme === 'smpp:' || scheme === 'ssmpp:') return 'smpp';
  return scheme === 'twilio:' ? 'twilio' : 'http';
}

/** Builds the adapter for the URL (throws with a sentence for a bad SMPP URL: fail loudly at start). */
function openProvider(config: SmsConfig, deps: { clock: Clock; logger: Logger; publicUrl: string }): SmsProvider {
  const url = new URL(config.provider);
  const kind = smsProviderKind(config);
  if (kind === 'smpp')
    return createSmppProvider({ config: parseSmppUrl(config.provider), clock: deps.clock, logger: deps.logger });
  if (kind === 'twilio') {
    // twilio://SID:TOKEN@api.twilio.com; a loopback host (a stub in tests) is spoken to over http.
    const scheme = LOOPBACK.has(url.hostname) ? 'http' : 'https';
    return createTwilioProvider({
      config: {
        accountSid: decodeURIComponent(url.username),
        authToken: decodeURIComponent(url.password),
        baseUrl: `${scheme}://${url.host}`,
        statusCallbackUrl: `${deps.publicUrl}${SMS_WEBHOOK_PATHS.twilio.status}`,
      },
      clock: deps.clock,
      logger: deps.logger,
    });
  }
  return createGenericHttpProvider({
    config: { url: config.provider, token: config.gatewayToken, webhookSecret: config.webhookSecret ?? '' },
    clock: deps.clock,
    logger: deps.logger,
  });
}

export function createSmsChannel(deps: {
  config: SmsConfig | undefined;
  inbound: () => SmsInboundService;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
}): SmsChannel & { submit(message: SmsMessage): Promise<SubmitOutcome> } {
  const kind = smsProviderKind(deps.config);
  let provider: SmsProvider | null = null;
  const pending = new Set<Promise<InboundOutcome>>();
  let capture: Promise<InboundOutcome>[] | null = null;
  let closed = false;

  function open(): SmsProvider | null {
    if (provider || !deps.config || closed) return provider;
    const p = openProvider(deps.config, deps);
    p.onInbound((message) => {
      const handled = deps.inbound().handle(message);
      capture?.push(handled);
      pending.add(handled);
      void handled.finally(() => pending.delete(handled));
    });
    p.onReceipt((receipt) => deps.logger.debug({ receipt }, 'SMS receipt'));
    provider = p;
    deps.logger.info({ provider: p.name }, 'SMS provider opened');
    return p;
  }

  return {
    kind,
    start() {
      open();
    },
    webhooks(want) {
      if (kind !== want) return null;
      return open() as HttpSmsProvider;
    },
    async receiving(fn) {
      const started: Promise<InboundOutcome>[] = [];
      capture = started;
      let result;
      try {
        result = fn();
      } finally {
        capture = null;
      }
      return { result, outcomes: await Promise.all(started) };
    },
    async submit(message) {
      const p = open();
      if (!p) return { outcome: 'unavailable', reason: 'no SMS provider configured (SMS_PROVIDER)' };
      return p.submit(message);
    },
    async close() {
      closed = true;
      await Promise.allSettled([...pending]);
      const p = provider;
      provider = null;
      await p?.close();
    },
  };
}
