import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { termsPage } from '../../public/pages/pages.ts';
import { PageQuerySchema, sendPage, requestPageContext } from './page-context.ts';

export function getTermsPage(app: FastifyInstance): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/legal/terms', { schema: { hide: true, querystring: PageQuerySchema } }, async (request, reply) => {
      return sendPage(reply, termsPage(requestPageContext(request, request.query)));
    });
}
