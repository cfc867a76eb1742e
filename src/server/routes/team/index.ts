// Team routes: members and invitations of the current account.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerAcceptInvitation } from './accept-invitation.ts';
import { registerDeleteInvitation } from './delete-invitation.ts';
import { registerGetTeam } from './get-team.ts';
import { registerInviteMember } from './invite-member.ts';
import { registerRemoveMember } from './remove-member.ts';

/** Registered with `{ prefix: '/api/v1' }` in routes/index.ts. */
export function teamRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerGetTeam(app, deps);
    registerInviteMember(app, deps);
    registerAcceptInvitation(app, deps);
    registerRemoveMember(app, deps);
    registerDeleteInvitation(app, deps);
  };
}
