// POST /legal/cookies/settings — the cookie settings form for visitors without JavaScript
// (CK-05, CK-06): logs the choice exactly like the banner does, writes the consent cookie in the
// banner's own format, deletes this site's cookies of refused categories (CK-04), and sends the
// visitor back to the form.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CONSENT_COOKIE_NAME,
  CONSENT_MAX_AGE_DAYS,
  COOKIE_CATEGORIES,
  COOKIE_SERVICES,
  COOKIES,
  type CookieCategory,
} from '../../../../policy/cookies.ts';
import { clientIp, userAgent } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { buildConsentCookieValue, parseConsentCookie } from '../../public/consent-cookie.ts';
import { COOKIE_SETTINGS_FORM_PATH } from '../../public/pages/cookie-policy.ts';
import { LANGUAGES } from '../../public/language.ts';
import { MAX_COOKIE_CONSENT_BODY_BYTES, publicConsentRouteConfig } from './route-config.ts';
import { assertSameOrigin } from './same-origin.ts';

const Category = z.enum(COOKIE_CATEGORIES);
const FormSchema = z
  .object({
    action: z.enum(['accept-all', 'reject-all', 'custom']),
    // One checkbox gives a string, several give an array (application/x-www-form-urlencoded).
    categories: z.union([Category, z.array(Category).max(COOKIE_CATEGORIES.length)]).optional(),
    lang: z.enum(LANGUAGES as ['en', 'ro']),
  })
  .strict();

export function saveCookieSettings(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    COOKIE_SETTINGS_FORM_PATH,
    {
      bodyLimit: MAX_COOKIE_CONSENT_BODY_BYTES,
      config: publicConsentRouteConfig,
      schema: { hide: true, body: FormSchema },
    },
    async (request, reply) => {
      assertSameOrigin(request);
      const service = deps.services.cookieConsent;
      const { action, lang } = request.body;
      const ticked = request.body.categories === undefined ? [] : ([] as CookieCategory[]).concat(request.body.categories);
      const categories: CookieCategory[] =
        action === 'accept-all' ? [...COOKIE_CATEGORIES] : action === 'reject-all' ? ['necessary'] : ['necessary', ...ticked];
      const previous = parseConsentCookie(request.cookies[CONSENT_COOKIE_NAME]);
      const consentId = previous && z.uuid().safeParse(previous.consentId).success ? previous.consentId : randomUUID();
      const record = await service.record(
        {
          consentId,
          revision: service.revision,
          categories,
          services: COOKIE_SERVICES.filter((s) => categories.includes(s.category)).map((s) => s.id),
          language: lang,
          action,
        },
        { ip: clientIp(request), userAgent: userAgent(request), source: 'form' },
      );
      const value = buildConsentCookieValue({
        consentId,
        revision: record.revision,
        categories: record.categories,
        language: lang,
        firstConsentAt: previous?.consentTimestamp ?? null,
        now: new Date(record.at),
      });
      void reply.setCookie(CONSENT_COOKIE_NAME, value, {
        path: '/',
        sameSite: 'lax',
        // The banner script reads this cookie, so it cannot be httpOnly.
        httpOnly: false,
        secure: deps.config.cookieSecure,
        maxAge: CONSENT_MAX_AGE_DAYS * 86_400,
      });
      // CK-04: withdrawing a category deletes this site's cookies of that category.
      for (const name of Object.keys(request.cookies)) {
        const entry = COOKIES.find((c) => c.domain === null && (c.namePattern ? name.startsWith(c.name) : name === c.name));
        if (entry && !record.categories.includes(entry.category)) void reply.clearCookie(name, { path: '/' });
      }
      return reply.redirect(`/legal/cookies?lang=${lang}&saved=1#settings`, 303);
    },
  );
}
