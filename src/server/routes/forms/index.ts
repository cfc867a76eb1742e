// The form builder API (account-scoped; session or API key with forms:read / forms:write).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { createForm } from './create-form.ts';
import { getEmbed } from './get-embed.ts';
import { getForm } from './get-form.ts';
import { listForms } from './list-forms.ts';
import { publishForm } from './publish-form.ts';
import { updateForm } from './update-form.ts';
import { validateForm } from './validate-form.ts';

export function formsRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    createForm(app, deps);
    listForms(app, deps);
    getForm(app, deps);
    updateForm(app, deps);
    validateForm(app, deps);
    publishForm(app, deps);
    getEmbed(app, deps);
  };
}
