// GET /api/v1/forms — the account's forms.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { FormSummarySchema, SECURITY, summary } from './shapes.ts';

export function listForms(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/forms',
    {
      schema: {
        tags: ['forms'],
        security: SECURITY,
        summary: 'List sign-up forms',
        response: { 200: z.object({ items: z.array(FormSummarySchema) }) },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'forms:read');
      return { items: (await deps.services.forms.list(auth.accountId)).map(summary) };
    },
  );
}
