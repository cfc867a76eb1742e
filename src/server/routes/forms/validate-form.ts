// POST /api/v1/forms/validate — a dry run of an unsaved definition: the shape issues, the publish
// rules' problems (the very check publish runs, builder.check) and the texts it would render.
// Stores nothing. The builder asks on every change, so its problem list and its Publish button
// follow the draft instead of the last saved version.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FORM_RULE_CODES } from '../../../core/forms/rules.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { RenderedSchema, SECURITY } from './shapes.ts';

export const FormValidationSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  problems: z.array(z.object({ code: z.enum(FORM_RULE_CODES), message: z.string(), path: z.string() })),
  rendered: RenderedSchema.nullable(),
});
export type FormValidationAnswer = z.infer<typeof FormValidationSchema>;

export function validateForm(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/forms/validate',
    {
      schema: {
        tags: ['forms'],
        security: SECURITY,
        summary: 'Check a form definition without saving it',
        // Any JSON object: shape errors come back as issues (200), not as a 400.
        body: z.record(z.string(), z.unknown()),
        response: { 200: FormValidationSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'forms:read');
      return deps.services.forms.validate(auth.accountId, request.body);
    },
  );
}
