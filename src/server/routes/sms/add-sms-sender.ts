// POST /api/v1/sms/senders — the owner adds a sender (E.164 number, short code or alphanumeric ID).
// An account write under the standing guard with the `sms` service: a restricted account adds none.
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { AddSmsSenderBody, SmsSenderSchema, TAGS } from './schemas.ts';

export function registerAddSmsSender(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/sms/senders',
    {
      config: { standing: { service: 'sms' } },
      schema: { tags: TAGS, summary: 'Add an SMS sender (owner)', body: AddSmsSenderBody, response: { 201: SmsSenderSchema } },
    },
    async (request, reply) => {
      const auth = requireOwner(request);
      const actor = { type: 'user' as const, id: auth.userId ?? '' };
      return reply.status(201).send(await deps.services.smsSenders.add(auth.accountId, request.body, actor));
    },
  );
}
