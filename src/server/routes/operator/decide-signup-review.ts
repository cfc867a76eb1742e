// POST /api/v1/operator/accounts/:id/signup-review — approve or refuse a signup held for review (ACC-02).
import { z } from 'zod';
import { MAX_AUDIT_REASON_LENGTH } from '../../../core/audit/types.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import {
  AccountIdParams,
  OperatorAccountSchema,
  SECURITY,
  TAGS,
  operatorActor,
  toOperatorAccount,
  type ZodApp,
} from './shapes.ts';

export function registerDecideSignupReview(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/operator/accounts/:id/signup-review',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Approve or refuse a signup held for review (audited; the owners are told)',
        params: AccountIdParams,
        body: z.object({ decision: z.enum(['approve', 'refuse']), reason: z.string().max(MAX_AUDIT_REASON_LENGTH) }).strict(),
        response: { 200: OperatorAccountSchema },
      },
    },
    async (request) => {
      const auth = requireOperator(request);
      const account = await deps.services.standing.decideSignupReview({
        accountId: request.params.id,
        decision: request.body.decision,
        reason: request.body.reason,
        actor: operatorActor(auth),
      });
      return toOperatorAccount(account);
    },
  );
}
