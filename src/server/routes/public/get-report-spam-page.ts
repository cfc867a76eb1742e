import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { REPORT_SPAM_PATH, reportSpamPage } from '../../public/pages/report-spam.ts';
import { PageQuerySchema, sendPage, requestPageContext } from './page-context.ts';

export function getReportSpamPage(app: FastifyInstance, abuseEmail: string): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(REPORT_SPAM_PATH, { schema: { hide: true, querystring: PageQuerySchema } }, async (request, reply) => {
      return sendPage(reply, reportSpamPage(requestPageContext(request, request.query), abuseEmail));
    });
}
