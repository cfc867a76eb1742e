// The operator console API: the dashboard, accounts, standing, signup review, audit log, outbox, notices.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerChangeStanding } from './change-standing.ts';
import { registerDecideSignupReview } from './decide-signup-review.ts';
import { registerGetAccount } from './get-account.ts';
import { registerGetOperatorDashboard } from './get-operator-dashboard.ts';
import { registerGetOutboxMail } from './get-outbox-mail.ts';
import { registerListAccounts } from './list-accounts.ts';
import { registerListAudit } from './list-audit.ts';
import { registerListOutbox } from './list-outbox.ts';
import { registerSendNotice } from './send-notice.ts';

export function operatorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerGetOperatorDashboard(app, deps);
    registerListAccounts(app, deps);
    registerGetAccount(app, deps);
    registerChangeStanding(app, deps);
    registerDecideSignupReview(app, deps);
    registerListAudit(app, deps);
    registerListOutbox(app, deps);
    registerGetOutboxMail(app, deps);
    registerSendNotice(app, deps);
  };
}
