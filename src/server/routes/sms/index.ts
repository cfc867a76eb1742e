// SMS sender routes (issue 11, SMS-02/SMS-04). Registered with `{ prefix: '/api/v1' }` in routes/index.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerAddSmsSender } from './add-sms-sender.ts';
import { registerListSmsSenders } from './list-sms-senders.ts';
import { registerRemoveSmsSender } from './remove-sms-sender.ts';

export function smsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerListSmsSenders(app, deps);
    registerAddSmsSender(app, deps);
    registerRemoveSmsSender(app, deps);
  };
}
