// POST /api/v1/forms/<id>/publish — publishes the latest (or the named) version. Refused with the
// rule's code (FORM_CONSENT_PRECHECKED, FORM_PURPOSE_MISSING …; 422) when the version breaks one.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { FormIdParams, FormViewSchema, SECURITY, viewBody } from './shapes.ts';

export function publishForm(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/forms/:id/publish',
    {
      schema: {
        tags: ['forms'],
        security: SECURITY,
        summary: 'Publish a form version',
        params: FormIdParams,
        body: z
          .object({ version: z.number().int().min(1).optional() })
          .strict()
          .nullish(),
        response: { 200: FormViewSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'forms:write');
      return viewBody(
        await deps.services.forms.publish(auth.accountId, request.params.id, request.body?.version),
        deps.config.publicUrl,
      );
    },
  );
}
