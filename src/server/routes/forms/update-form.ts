// PUT /api/v1/forms/<id> — saves the definition as a NEW version; earlier versions never change
// (consent events point at them). The published version stays until the new one is published.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FormDefinitionSchema } from '../../../core/forms/definition.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { FormIdParams, FormViewSchema, SECURITY, viewBody } from './shapes.ts';

export function updateForm(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().put(
    '/api/v1/forms/:id',
    {
      schema: {
        tags: ['forms'],
        security: SECURITY,
        summary: 'Save a new version of a form',
        params: FormIdParams,
        body: FormDefinitionSchema,
        response: { 200: FormViewSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'forms:write');
      const view = await deps.services.forms.update(auth.accountId, request.params.id, request.body, auth.userId ?? null);
      return viewBody(view, deps.config.publicUrl);
    },
  );
}
