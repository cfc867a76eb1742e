// Reputation: the operator's view of an account's rates and the hold lift, and the customer's
// view of its own rates and suppression list.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerGetAccountReputation } from './get-account-reputation.ts';
import { registerGetAccountReputationHistory } from './get-account-reputation-history.ts';
import { registerGetOwnReputationHistory } from './get-own-reputation-history.ts';
import { registerGetOwnReputation } from './get-own-reputation.ts';
import { registerLiftHold } from './lift-hold.ts';
import { registerListSuppressions } from './list-suppressions.ts';

export function reputationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerGetAccountReputation(app, deps);
    registerGetAccountReputationHistory(app, deps);
    registerGetOwnReputationHistory(app, deps);
    registerLiftHold(app, deps);
    registerGetOwnReputation(app, deps);
    registerListSuppressions(app, deps);
  };
}
