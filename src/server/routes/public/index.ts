// The public, server-rendered website: home, legal pages, the report-spam page and its form
// (ABU-01), the cookie policy with its no-JS settings form, the language switch, our static
// assets and the first-party analytics counter.
import type { FastifyPluginAsync } from 'fastify';
import { defaultIndustries } from '../../../core/accounts/industries.ts';
import { createPageViewCounter } from '../../../core/cookie-consent/page-views.ts';
import type { AppDeps } from '../../deps.ts';
import { submissionLimit } from '../forms-public/http.ts';
import { getAntiSpamPage } from './get-anti-spam-page.ts';
import { getConsentConfig } from './get-consent-config.ts';
import { getCookiePolicyPage } from './get-cookie-policy-page.ts';
import { getHomePage } from './get-home-page.ts';
import { getPublicAsset } from './get-public-asset.ts';
import { getReportSpamPage } from './get-report-spam-page.ts';
import { getTermsPage } from './get-terms-page.ts';
import { postReportSpam } from './post-report-spam.ts';
import { recordPageView } from './record-page-view.ts';
import { setLanguage } from './set-language.ts';

export function publicRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    const revision = deps.services.cookieConsent.revision;
    getHomePage(app);
    getTermsPage(app);
    getAntiSpamPage(app, defaultIndustries());
    getCookiePolicyPage(app, revision);
    getReportSpamPage(app, deps.config.abuseEmail, deps.services.forms);
    // ABU-01: the report form takes the public forms' per-IP submission limit (CON-11), with its
    // own counter (a report does not use up an IP's sign-ups, nor the other way round).
    postReportSpam(app, deps, submissionLimit(app, deps.services.forms.botDefence));
    setLanguage(app, deps);
    getPublicAsset(app);
    getConsentConfig(app, revision);
    // One counter per app instance (no module-level state).
    recordPageView(app, createPageViewCounter());
  };
}
