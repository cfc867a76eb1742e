// POST /api/v1/operator/accounts/:id/standing — warn, restrict, suspend, block or reinstate (ACC-04, ACC-05).
import { z } from 'zod';
import { MAX_AUDIT_REASON_LENGTH, MAX_AUDIT_RULE_LENGTH } from '../../../core/audit/types.ts';
import { RESTRICTABLE_SERVICES } from '../../../core/standing/ports.ts';
import { STANDING_ACTIONS, type StandingAction } from '../../../core/standing/machine.ts';
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

/** Blocking and lifting measures are for admins; reviewers may warn, restrict and suspend (see core/standing/CONTEXT.md). */
export const ADMIN_ONLY_ACTIONS: readonly StandingAction[] = ['block', 'reinstate'];

export function registerChangeStanding(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/operator/accounts/:id/standing',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Change an account standing (audited; the owners are notified)',
        params: AccountIdParams,
        body: z
          .object({
            action: z.enum(STANDING_ACTIONS),
            reason: z.string().max(MAX_AUDIT_REASON_LENGTH),
            rule: z.string().max(MAX_AUDIT_RULE_LENGTH).optional(),
            services: z.array(z.enum(RESTRICTABLE_SERVICES)).max(RESTRICTABLE_SERVICES.length).optional(),
          })
          .strict(),
        response: { 200: OperatorAccountSchema },
      },
    },
    async (request) => {
      const { action, reason, rule, services } = request.body;
      const auth = requireOperator(request, ADMIN_ONLY_ACTIONS.includes(action) ? 'admin' : 'reviewer');
      const account = await deps.services.standing.transition({
        accountId: request.params.id,
        action,
        reason,
        rule: rule ?? null,
        ...(services ? { services } : {}),
        actor: operatorActor(auth),
      });
      return toOperatorAccount(account);
    },
  );
}
