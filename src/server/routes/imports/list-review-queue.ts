// GET /api/v1/operator/imports?status=held — the compliance reviewer's queue (IMP-05): each
// import with its account's name, forensics report, flagged-row samples and the account's import
// history. The web app lists them one row each and filters the page by account, score and reason.
import { z } from 'zod';
import type { ForensicReport } from '../../../core/imports/forensics.ts';
import { IMPORT_STATUSES } from '../../../core/imports/types.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { AccountNameField, accountNameLookup, nameOf } from '../operator/account-names.ts';
import { ImportSchema, TAGS, toImportView, type ZodApp } from './shapes.ts';

const HistorySchema = z.object({
  id: z.string(),
  status: z.string(),
  rowsRead: z.number(),
  createdAt: z.string(),
  riskScore: z.number().nullable(),
});
const QueueItem = ImportSchema.extend({
  accountId: z.string(),
  accountName: AccountNameField,
  forensics: z.record(z.string(), z.unknown()).nullable(),
  history: z.array(HistorySchema),
});
/** One queued import as answered; forensics is the core's report (typed loosely in the schema). */
export type ReviewQueueItem = Omit<z.infer<typeof QueueItem>, 'forensics'> & { forensics: ForensicReport | null };
/** Earlier imports shown beside each queued one. */
export const REVIEW_HISTORY_ITEMS = 20;

export function registerListReviewQueue(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/imports',
    {
      schema: {
        tags: [...TAGS, 'operator'],
        security: [{ session: [] }],
        summary: 'Imports by status (default: held for review), with forensics and account history',
        querystring: z.object({ status: z.enum(IMPORT_STATUSES).default('held') }).strict(),
        response: { 200: z.object({ items: z.array(QueueItem) }) },
      },
    },
    async (request) => {
      requireOperator(request);
      const items = await deps.services.imports.queue(request.query.status);
      const known = await names(items.map((r) => r.accountId));
      return {
        items: await Promise.all(
          items.map(async (r) => ({
            ...toImportView(r),
            accountId: r.accountId,
            accountName: nameOf(known, r.accountId),
            forensics: (r.forensics as unknown as Record<string, unknown>) ?? null,
            history: (await deps.services.imports.list(r.accountId, REVIEW_HISTORY_ITEMS))
              .filter((h) => h.id !== r.id)
              .map((h) => ({ id: h.id, status: h.status, rowsRead: h.rowsRead, createdAt: h.createdAt, riskScore: h.riskScore })),
          })),
        ),
      };
    },
  );
}
