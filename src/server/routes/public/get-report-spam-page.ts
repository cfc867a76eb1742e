// GET /report-spam: the page with the report form (ABU-01). Each load carries a fresh signed
// start stamp (the public forms' minimum fill time, CON-11), so the page is never cached.
// ?sent=1 is where POST /report-spam sends the browser after a report (303, post/redirect/get).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FormsService } from '../../../core/forms/service.ts';
import { REPORT_SPAM_PATH, reportSpamPage } from '../../public/pages/report-spam.ts';
import { PageQuerySchema, sendPage, requestPageContext } from './page-context.ts';

/** The start stamps of the report form are scoped to this id (a stamp of a sign-up form never fits). */
export const REPORT_FORM_STAMP_ID = 'report-spam';

const ReportSpamQuerySchema = PageQuerySchema.extend({ sent: z.string().max(10).optional() });

export function getReportSpamPage(app: FastifyInstance, abuseEmail: string, forms: Pick<FormsService, 'startStamp'>): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(REPORT_SPAM_PATH, { schema: { hide: true, querystring: ReportSpamQuerySchema } }, async (request, reply) => {
      const ctx = requestPageContext(request, request.query);
      const state =
        request.query.sent === '1' ? ({ sent: true } as const) : { startStamp: forms.startStamp(REPORT_FORM_STAMP_ID) };
      return sendPage(reply.header('cache-control', 'no-store'), reportSpamPage(ctx, abuseEmail, state));
    });
}
