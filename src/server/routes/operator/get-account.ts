// GET /api/v1/operator/accounts/:id — one account, its billing record and its audit history.
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import {
  AccountIdParams,
  AuditEntrySchema,
  OperatorAccountSchema,
  SECURITY,
  TAGS,
  toAuditEntry,
  toOperatorAccount,
  type ZodApp,
} from './shapes.ts';

export const ACCOUNT_HISTORY_LIMIT = 200;

export function registerGetAccount(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/operator/accounts/:id',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'One account with its billing record and audit history',
        params: AccountIdParams,
        response: {
          200: OperatorAccountSchema.extend({
            postalAddress: z.string(),
            industry: z.string(),
            declaredSending: z.string(),
            language: z.string(),
            billing: z
              .object({
                plan: z.string(),
                paidTotalCents: z.number(),
                refundEligible: z.boolean(),
                refundNote: z.string().nullable(),
                updatedAt: z.string(),
              })
              .nullable(),
            history: z.array(AuditEntrySchema),
          }),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      const { standing, audit } = deps.services;
      const account = await standing.getAccount(request.params.id);
      const [billing, history] = await Promise.all([
        standing.getBilling(account.id),
        audit.list({ accountId: account.id, limit: ACCOUNT_HISTORY_LIMIT }),
      ]);
      return {
        ...toOperatorAccount(account),
        postalAddress: account.postalAddress,
        industry: account.industry,
        declaredSending: account.declaredSending,
        language: account.language,
        billing: billing
          ? {
              plan: billing.plan,
              paidTotalCents: billing.paidTotalCents,
              refundEligible: billing.refundEligible,
              refundNote: billing.refundNote,
              updatedAt: billing.updatedAt,
            }
          : null,
        history: history.map((e) => toAuditEntry(e, new Map([[account.id, account.name]]))),
      };
    },
  );
}
