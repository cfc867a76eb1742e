import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CONSENT_COOKIE_NAME } from '../../../../policy/cookies.ts';
import { parseConsentCookie } from '../../public/consent-cookie.ts';
import { cookiePolicyPage } from '../../public/pages/cookie-policy.ts';
import { PageQuerySchema, sendPage, requestPageContext } from './page-context.ts';

export function getCookiePolicyPage(app: FastifyInstance, revision: number): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/legal/cookies', { schema: { hide: true, querystring: PageQuerySchema } }, async (request, reply) => {
      // The settings form shows the visitor's current choice when it answers the current revision.
      const current = parseConsentCookie(request.cookies[CONSENT_COOKIE_NAME]);
      const accepted = current && current.revision === revision ? current.categories : [];
      const page = cookiePolicyPage(requestPageContext(request, request.query), {
        revision,
        accepted,
        saved: request.query.saved === '1',
      });
      return sendPage(reply, page);
    });
}
