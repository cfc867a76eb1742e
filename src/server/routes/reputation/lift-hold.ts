// POST /api/v1/operator/accounts/:id/reputation/lift-hold — an operator lifts the campaign hold
// after review (audited; the rates count afresh from then on) (REP-07).
import { z } from 'zod';
import { MAX_AUDIT_REASON_LENGTH } from '../../../core/audit/types.ts';
import { prepareAuditRow } from '../../../core/audit/audit-log.ts';
import { HOLD_LIFT_ACTION } from '../../../core/reputation/service.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { AccountIdParams, SECURITY, TAGS, operatorActor, type ZodApp } from '../operator/shapes.ts';

export function registerLiftHold(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/operator/accounts/:id/reputation/lift-hold',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Lift the campaign hold of an account (lifted=false when there was none)',
        params: AccountIdParams,
        body: z.object({ reason: z.string().max(MAX_AUDIT_REASON_LENGTH) }).strict(),
        response: { 200: z.object({ lifted: z.boolean() }) },
      },
    },
    async (request) => {
      // Lifting a measure is an admin's call, as reinstating is (core/standing/CONTEXT.md "Who").
      const auth = requireOperator(request, 'admin');
      const account = await deps.services.standing.getAccount(request.params.id);
      // The reason is checked as every audited reason is (not empty, not too long) before the hold goes.
      prepareAuditRow(
        { actor: operatorActor(auth), accountId: account.id, action: HOLD_LIFT_ACTION, reason: request.body.reason },
        deps.clock.now(),
      );
      const lifted = await deps.services.reputation.liftHold(account.id, auth.userId, request.body.reason);
      return { lifted };
    },
  );
}
