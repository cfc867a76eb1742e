// Cookie consent: the banner's choice log, the no-JS settings form, the operator export (CK-05).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { exportCookieConsents } from './export-cookie-consents.ts';
import { recordCookieConsent } from './record-cookie-consent.ts';
import { saveCookieSettings } from './save-cookie-settings.ts';

export function cookieConsentRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    recordCookieConsent(app, deps);
    saveCookieSettings(app, deps);
    exportCookieConsents(app, deps);
  };
}
