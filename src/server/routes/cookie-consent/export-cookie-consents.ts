// GET /api/v1/operator/cookie-consents — produce the consent log on request (CK-05), as JSON or
// CSV, newest first; ?consentId= finds one visitor's choices. Platform operators only.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  consentRecordsToCsv,
  DEFAULT_CONSENT_EXPORT_LIMIT,
  MAX_CONSENT_EXPORT_LIMIT,
} from '../../../core/cookie-consent/service.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';

const RecordSchema = z.object({
  id: z.string(),
  consentId: z.string(),
  at: z.string(),
  revision: z.number().int(),
  categories: z.array(z.string()),
  services: z.array(z.string()),
  action: z.string(),
  language: z.string(),
  source: z.string(),
  userAgent: z.string(),
  ip: z.string(),
});

/** One logged choice as the JSON export answers it (the web app reads this type). */
export type CookieConsentRow = z.infer<typeof RecordSchema>;

export function exportCookieConsents(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/operator/cookie-consents',
    {
      schema: {
        tags: ['operator'],
        summary: 'Export the cookie consent log (JSON or CSV)',
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(MAX_CONSENT_EXPORT_LIMIT).default(DEFAULT_CONSENT_EXPORT_LIMIT),
            format: z.enum(['json', 'csv']).default('json'),
            consentId: z.uuid().optional(),
          })
          .strict(),
        // JSON records, or with ?format=csv the same rows as text/csv (RFC 4180).
        response: { 200: z.union([z.array(RecordSchema), z.string()]) },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      const records = await deps.services.cookieConsent.list({ limit: request.query.limit, consentId: request.query.consentId });
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="cookie-consents.csv"')
          .send(consentRecordsToCsv(records));
      }
      return records;
    },
  );
}
