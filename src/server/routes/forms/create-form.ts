// POST /api/v1/forms — a new form (version 1, unpublished). The definition is validated here;
// the compliance rules run on publish (and are reported in `problems` meanwhile).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FormDefinitionSchema } from '../../../core/forms/definition.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { FormViewSchema, SECURITY, viewBody } from './shapes.ts';

export function createForm(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/forms',
    {
      schema: {
        tags: ['forms'],
        security: SECURITY,
        summary: 'Create a sign-up form',
        body: FormDefinitionSchema,
        response: { 201: FormViewSchema },
      },
    },
    async (request, reply) => {
      const auth = requireAccount(request, 'forms:write');
      const view = await deps.services.forms.create(auth.accountId, request.body, auth.userId ?? null);
      return reply.status(201).send(viewBody(view, deps.config.publicUrl));
    },
  );
}
