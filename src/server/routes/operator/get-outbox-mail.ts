// GET /api/v1/operator/outbox/:id — one system mail as the relay is (or would be) handed it: to,
// from, subject, headers, the text and the HTML part (ACC-07). Without SMTP_URL this is how an
// operator reads a verification or password-reset mail waiting in the outbox.
import { z } from 'zod';
import { outboxMessage } from '../../../core/system-mail/delivery.ts';
import { notFound } from '../../../core/errors.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { OutboxEntrySchema, SECURITY, TAGS, toOutboxEntry, type ZodApp } from './shapes.ts';
import { accountNameLookup } from './account-names.ts';

export const OutboxMailSchema = OutboxEntrySchema.extend({
  from: z.string(),
  headers: z.record(z.string(), z.string()),
  text: z.string(),
  html: z.string(),
});

/** One outbox mail in full (the web app's Outbox drawer reads this type). */
export type OutboxMail = z.infer<typeof OutboxMailSchema>;

export function registerGetOutboxMail(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/outbox/:id',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'One system mail in full, as it is handed to the relay',
        params: z.object({ id: z.string().min(1).max(100) }).strict(),
        response: { 200: OutboxMailSchema },
      },
    },
    async (request) => {
      requireOperator(request);
      const row = await deps.services.systemMail.get(request.params.id);
      if (!row) throw notFound('OUTBOX_MAIL_NOT_FOUND', 'No such mail in the outbox.');
      const message = outboxMessage(row, deps.config.mailFrom);
      return {
        ...toOutboxEntry(row, await names([row.accountId])),
        from: message.from,
        to: message.to,
        subject: message.subject,
        headers: message.headers ?? {},
        text: message.text,
        html: message.html,
      };
    },
  );
}
