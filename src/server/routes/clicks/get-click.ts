// GET /c/<token>: a tracked link in a campaign message (SEC-04). Public, no session: the signed
// token is the only credential. The answer is a 302 to the URL stored for that campaign and
// index (campaign_links) — never to anything in the request: the query string is ignored, so
// /c/<token>?url=… cannot smuggle a target. A forged, altered or unknown token gets the same
// neutral 404 page (CLICK_LINK_UNKNOWN) whatever the reason, so it tells a prober nothing.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import type { AppDeps } from '../../deps.ts';
import { sendErrorPage } from '../forms-public/shell.ts';
import { PAGE_STRINGS } from '../forms-public/strings.ts';

// Bounded input; readClickToken refuses anything longer than a real token (≈ 70 characters).
const ClickParamsSchema = z.object({ token: z.string().min(1).max(512) });

export function getClick(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/c/:token',
    // Not about the signed-in account (a recipient's click): the standing guard leaves it alone.
    { schema: { hide: true, params: ClickParamsSchema }, config: { standing: 'not-account' } },
    async (request, reply) => {
      // Fastify answers HEAD on this route too: a link checker's HEAD redirects but is not a click.
      const target = await deps.services.clicks.resolve(request.params.token, { record: request.method !== 'HEAD' });
      if (target === null) {
        const err = notFound('CLICK_LINK_UNKNOWN', 'This link is not valid. Check that it was copied in full.');
        return sendErrorPage(reply.header('x-error-code', err.code), 'en', PAGE_STRINGS.en.linkProblemTitle, err);
      }
      // The token stays out of the target's Referer; the redirect is per recipient, never cached.
      return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(target, 302);
    },
  );
}
