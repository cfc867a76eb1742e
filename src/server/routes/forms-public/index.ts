// Public sign-up: the hosted page /f/<form>, and the JSON endpoints for custom front ends.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getHostedForm } from './get-hosted-form.ts';
import { getPublicForm } from './get-public-form.ts';
import { postHostedForm } from './post-hosted-form.ts';
import { postSubmission } from './post-submission.ts';

export function formsPublicRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    getHostedForm(app, deps);
    postHostedForm(app, deps);
    getPublicForm(app, deps);
    postSubmission(app, deps);
  };
}
