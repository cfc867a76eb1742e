// GET /api/v1/forms/<id> — the form, its latest and published versions, and open rule problems.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { FormIdParams, FormViewSchema, SECURITY, viewBody } from './shapes.ts';

export function getForm(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/forms/:id',
    {
      schema: {
        tags: ['forms'],
        security: SECURITY,
        summary: 'Read a form',
        params: FormIdParams,
        response: { 200: FormViewSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'forms:read');
      return viewBody(await deps.services.forms.get(auth.accountId, request.params.id), deps.config.publicUrl);
    },
  );
}
