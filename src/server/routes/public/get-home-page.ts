import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { homePage } from '../../public/pages/pages.ts';
import { PageQuerySchema, sendPage, requestPageContext } from './page-context.ts';

export function getHomePage(app: FastifyInstance): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/', { schema: { hide: true, querystring: PageQuerySchema } }, async (request, reply) => {
      return sendPage(reply, homePage(requestPageContext(request, request.query)));
    });
}
