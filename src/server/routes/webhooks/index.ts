// The relay services' webhooks (issue 10 §1): bodies are read as the exact bytes sent (the
// signatures cover them), up to MAX_WEBHOOK_BODY_BYTES; authentication is the signature, not a
// session (no CSRF token: nothing here acts for a signed-in person).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_WEBHOOK_BODY_BYTES } from '../../../core/enforcement/types.ts';
import type { AppDeps } from '../../deps.ts';
import { registerPostSendgridWebhook } from './post-sendgrid-webhook.ts';
import { registerPostSesWebhook } from './post-ses-webhook.ts';
import { registerPostSmsGenericInbound } from './post-sms-generic-inbound.ts';
import { registerPostSmsGenericStatus } from './post-sms-generic-status.ts';
import { registerPostSmsTwilioInbound } from './post-sms-twilio-inbound.ts';
import { registerPostSmsTwilioStatus } from './post-sms-twilio-status.ts';

export function webhookRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // In this scope only: every body is kept as text (SNS posts JSON as text/plain).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_WEBHOOK_BODY_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    registerPostSesWebhook(app, deps);
    registerPostSendgridWebhook(app, deps);
    registerPostSmsTwilioInbound(app, deps);
    registerPostSmsTwilioStatus(app, deps);
    registerPostSmsGenericInbound(app, deps);
    registerPostSmsGenericStatus(app, deps);
  };
}
