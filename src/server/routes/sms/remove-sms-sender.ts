// DELETE /api/v1/sms/senders/:id — the owner removes a sender; texts sent to it then find no account.
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { SmsSenderIdParams, TAGS } from './schemas.ts';

export function registerRemoveSmsSender(app: ZodApp, deps: AppDeps): void {
  app.delete(
    '/sms/senders/:id',
    { schema: { tags: TAGS, summary: 'Remove an SMS sender (owner)', params: SmsSenderIdParams } },
    async (request, reply) => {
      const auth = requireOwner(request);
      await deps.services.smsSenders.remove(auth.accountId, request.params.id, { type: 'user', id: auth.userId ?? '' });
      return reply.status(204).send();
    },
  );
}
