// Public sign-up: the hosted page /f/<form>, and the JSON endpoints for custom front ends.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getHostedForm } from './get-hosted-form.ts';
import { getPublicForm } from './get-public-form.ts';
import { postHostedForm } from './post-hosted-form.ts';
import { postSubmission } from './post-submission.ts';
import { submissionLimit } from './http.ts';

export function formsPublicRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // One per-IP counter for both submission endpoints (CON-11).
    const limit = submissionLimit(app, deps.services.forms.botDefence);
    getHostedForm(app, deps);
    postHostedForm(app, deps, limit);
    getPublicForm(app, deps);
    postSubmission(app, deps, limit);
  };
}
