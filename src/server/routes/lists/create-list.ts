// POST /api/v1/lists — a new list: one purpose on one channel (CON-01).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { ListBody } from './schemas.ts';

export function registerCreateList(app: ZodApp, deps: AppDeps): void {
  app.post('/lists', { schema: { tags: ['lists'], summary: 'Create a list', body: ListBody } }, async (request, reply) => {
    const auth = requireAccount(request, 'lists:write');
    const list = await deps.services.lists.create(auth.accountId, request.body);
    return reply.status(201).send(list);
  });
}
