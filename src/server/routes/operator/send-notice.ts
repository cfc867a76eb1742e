// POST /api/v1/operator/notices — a notice to one account or to every account's owners (ACC-07).
import { z } from 'zod';
import { SYSTEM_MAIL_CATEGORIES, MAX_NOTICE_BODY_LENGTH, MAX_NOTICE_SUBJECT_LENGTH } from '../../../core/system-mail/types.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, operatorActor, type ZodApp } from './shapes.ts';

export function registerSendNotice(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/operator/notices',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Send a notice; feature news skips accounts that turned it off, critical notices reach everyone',
        body: z
          .object({
            accountId: z.string().min(1).max(100).optional(),
            all: z.literal(true).optional(),
            category: z.enum(SYSTEM_MAIL_CATEGORIES),
            subject: z.string().max(MAX_NOTICE_SUBJECT_LENGTH),
            body: z.string().max(MAX_NOTICE_BODY_LENGTH),
          })
          .strict(),
        response: { 202: z.object({ queued: z.number(), suppressed: z.number() }) },
      },
    },
    async (request, reply) => {
      // Notices to every customer are an admin's call; a reviewer may write to one account.
      const auth = requireOperator(request, request.body.all ? 'admin' : 'reviewer');
      const { accountId, all, category, subject, body } = request.body;
      const result = await deps.services.systemMail.sendNotice({
        ...(accountId ? { accountId } : {}),
        ...(all ? { all } : {}),
        category,
        subject,
        body,
        actor: operatorActor(auth),
      });
      return reply.status(202).send(result);
    },
  );
}
