// GET /f/<form>: the hosted sign-up page, server-rendered, no JavaScript needed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { FormParamsSchema } from './http.ts';
import { formPage } from './render-form.ts';
import { sendErrorPage, sendPage } from './shell.ts';
import { PAGE_STRINGS } from './strings.ts';

export function getHostedForm(app: FastifyInstance, deps: AppDeps): void {
  const forms = deps.services.forms;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/f/:formId', { schema: { hide: true, params: FormParamsSchema } }, async (request, reply) => {
      const { formId } = request.params;
      let published;
      try {
        published = await forms.published(formId);
      } catch (err) {
        return sendErrorPage(reply, 'en', PAGE_STRINGS.en.notFoundTitle, err);
      }
      return sendPage(
        reply,
        200,
        formPage({ formId, version: published.version, startStamp: forms.startStamp(formId), sender: published.sender }),
      );
    });
}
