import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Industry } from '../../../core/accounts/industries.ts';
import { antiSpamPage } from '../../public/pages/pages.ts';
import { PageQuerySchema, sendPage, requestPageContext } from './page-context.ts';

export function getAntiSpamPage(app: FastifyInstance, industries: readonly Industry[]): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/legal/anti-spam', { schema: { hide: true, querystring: PageQuerySchema } }, async (request, reply) => {
      return sendPage(reply, antiSpamPage(requestPageContext(request, request.query), industries));
    });
}
