// POST /api/v1/public/forms/<form>/submissions: a JSON submission from a custom front end. It
// must name the version whose text it showed; only the published version is accepted (older →
// 409 FORM_VERSION_STALE), so the ledger never records a text the person did not see.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { FormParamsSchema, requestContext, type SubmissionLimit } from './http.ts';
import { JsonSubmissionSchema, fromJson } from './submission-input.ts';

export function postSubmission(app: FastifyInstance, deps: AppDeps, limit: SubmissionLimit): void {
  const forms = deps.services.forms;
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/public/forms/:formId/submissions',
    {
      // Public endpoint: no session involved, so no CSRF token (resolve-auth.ts).
      config: { csrf: false },
      ...limit,
      schema: {
        tags: ['forms (public)'],
        summary: 'Submit a sign-up (JSON)',
        params: FormParamsSchema,
        body: JsonSubmissionSchema,
        response: { 202: z.object({ status: z.literal('received'), confirmationRequired: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const result = await forms.submit(request.params.formId, fromJson(request.body), requestContext(request));
      // A honeypot hit looks like any accepted double opt-in sign-up (CON-11).
      const confirmationRequired = result.kind === 'discarded' || result.doubleOptIn;
      return reply.status(202).send({ status: 'received' as const, confirmationRequired });
    },
  );
}
