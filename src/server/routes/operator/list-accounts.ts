// GET /api/v1/operator/accounts?standing=&review=&q= — the operator's account list.
import { z } from 'zod';
import { STANDINGS } from '../../../core/standing/machine.ts';
import { ACCOUNT_REVIEWS } from '../../../core/standing/types.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { OperatorAccountSchema, SECURITY, TAGS, toOperatorAccount, type ZodApp } from './shapes.ts';

export const MAX_ACCOUNT_QUERY_LENGTH = 200;

export function registerListAccounts(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/operator/accounts',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'List customer accounts with their standing and signup review',
        querystring: z
          .object({
            standing: z.enum(STANDINGS).optional(),
            review: z.enum(ACCOUNT_REVIEWS).optional(),
            q: z.string().max(MAX_ACCOUNT_QUERY_LENGTH).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          })
          .strict(),
        response: { 200: z.array(OperatorAccountSchema) },
      },
    },
    async (request) => {
      requireOperator(request);
      const { standing, review, q, limit } = request.query;
      const rows = await deps.services.standing.listAccounts({
        ...(standing ? { standing } : {}),
        ...(review ? { review } : {}),
        ...(q?.trim() ? { q: q.trim() } : {}),
        ...(limit ? { limit } : {}),
      });
      return rows.map(toOperatorAccount);
    },
  );
}
