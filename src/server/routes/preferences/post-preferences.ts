// POST /p/<token>: leave one list (listId=…) or all (action=leave-all) — MSG-04. The signed token
// is the only credential (SEC-02): no session, so no CSRF token.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientIp, userAgent } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { TokenParamsSchema } from '../confirm/params.ts';
import { sendErrorPage, sendPage } from '../forms-public/shell.ts';
import { PAGE_STRINGS } from '../forms-public/strings.ts';
import { preferencesPage } from './page.ts';

const Body = z.union([
  z.object({ action: z.literal('leave'), listId: z.string().min(1).max(100) }).strict(),
  z.object({ action: z.literal('leave-all') }).strict(),
]);

export function postPreferences(app: FastifyInstance, deps: AppDeps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/p/:token',
      { config: { csrf: false }, schema: { hide: true, params: TokenParamsSchema, body: Body } },
      async (request, reply) => {
        const body = request.body;
        const choice = body.action === 'leave-all' ? ('all' as const) : { listId: body.listId };
        try {
          const view = await deps.services.unsubscribe.leave(request.params.token, choice, {
            ip: clientIp(request),
            userAgent: userAgent(request),
            textShown:
              choice === 'all' ? 'Preference centre: button "Leave all lists"' : 'Preference centre: button "Leave this list"',
            via: 'preference-center',
          });
          return sendPage(
            reply,
            200,
            preferencesPage(request.params.token, view, true, await deps.services.accounts.senderFacts(view.accountId)),
          );
        } catch (err) {
          return sendErrorPage(reply, 'en', PAGE_STRINGS.en.linkProblemTitle, err);
        }
      },
    );
}
