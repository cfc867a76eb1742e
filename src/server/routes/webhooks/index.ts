// The relay services' webhooks (issue 10 §1): bodies are read as the exact bytes sent (the
// signatures cover them), up to MAX_WEBHOOK_BODY_BYTES; authentication is the signature, not a
// session (no CSRF token: nothing here acts for a signed-in person).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_WEBHOOK_BODY_BYTES } from '../../../core/enforcement/types.ts';
import type { AppDeps } from '../../deps.ts';
import { registerPostSendgridWebhook } from './post-sendgrid-webhook.ts';
import { registerPostSesWebhook } from './post-ses-webhook.ts';
import { registerPostSmsGeneric } from './post-sms-generic.ts';
import { registerPostSmsTwilio } from './post-sms-twilio.ts';

export function webhookRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // In this scope only: every body is kept as text (SNS posts JSON as text/plain).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_WEBHOOK_BODY_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    registerPostSesWebhook(app, deps);
    registerPostSendgridWebhook(app, deps);
    registerPostSmsTwilio(app, deps);
    registerPostSmsGeneric(app, deps);
  };
}
