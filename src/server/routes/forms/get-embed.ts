// GET /api/v1/forms/<id>/embed — the HTML snippet to paste into a web page. It posts to
// /f/<form>, where the person ticks the consent boxes (see embedSnippet for why).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conflict } from '../../../core/errors.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { embedSnippet } from '../forms-public/render-form.ts';
import { FormIdParams, SECURITY } from './shapes.ts';

export function getEmbed(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/forms/:id/embed',
    {
      schema: {
        tags: ['forms'],
        security: SECURITY,
        summary: 'The embeddable HTML snippet of a published form',
        params: FormIdParams,
        response: { 200: z.object({ html: z.string(), hostedUrl: z.string() }) },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'forms:read');
      const view = await deps.services.forms.get(auth.accountId, request.params.id);
      if (!view.published)
        throw conflict('FORM_NOT_PUBLISHED', 'Publish the form first; the snippet serves the published version.');
      return {
        html: embedSnippet(deps.config.publicUrl, view.form.id, view.published),
        hostedUrl: `${deps.config.publicUrl}/f/${view.form.id}`,
      };
    },
  );
}
