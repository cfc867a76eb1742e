// Every route area, registered in one place. Each area folder holds one endpoint per file
// (verb-noun.ts) and an index.ts that registers them.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { healthRoutes } from './health/index.ts';
import { publicRoutes } from './public/index.ts';
import { cookieConsentRoutes } from './cookie-consent/index.ts';
import { operatorRoutes } from './operator/index.ts';
import { standingRoutes } from './standing/index.ts';
import { appRoutes } from './app/index.ts';
import { authRoutes } from './auth/index.ts';
import { accountRoutes } from './account/index.ts';
import { teamRoutes } from './team/index.ts';
import { apiKeyRoutes } from './api-keys/index.ts';
import { listRoutes } from './lists/index.ts';
import { contactRoutes } from './contacts/index.ts';
import { consentRoutes } from './consent/index.ts';
import { segmentRoutes } from './segments/index.ts';
import { formsRoutes } from './forms/index.ts';
import { formsPublicRoutes } from './forms-public/index.ts';
import { confirmRoutes } from './confirm/index.ts';
import { unsubscribeRoutes } from './unsubscribe/index.ts';
import { clickRoutes } from './clicks/index.ts';
import { preferencesRoutes } from './preferences/index.ts';
import { importRoutes } from './imports/index.ts';
import { campaignReviewRoutes, campaignRoutes } from './campaigns/index.ts';
import { sendingDomainRoutes } from './sending-domains/index.ts';
import { contentPolicyRoutes } from './content-policy/index.ts';
import { enforcementRoutes } from './enforcement/index.ts';
import { reputationRoutes } from './reputation/index.ts';
import { webhookRoutes } from './webhooks/index.ts';
import { smsRoutes } from './sms/index.ts';

export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(publicRoutes(deps));
  await app.register(cookieConsentRoutes(deps));
  await app.register(operatorRoutes(deps));
  await app.register(standingRoutes(deps));
  await app.register(appRoutes(deps));
  await app.register(authRoutes(deps), { prefix: '/api/v1' });
  await app.register(accountRoutes(deps), { prefix: '/api/v1' });
  await app.register(teamRoutes(deps), { prefix: '/api/v1' });
  await app.register(apiKeyRoutes(deps), { prefix: '/api/v1' });
  await app.register(listRoutes(deps), { prefix: '/api/v1' });
  await app.register(contactRoutes(deps), { prefix: '/api/v1' });
  await app.register(consentRoutes(deps), { prefix: '/api/v1' });
  await app.register(segmentRoutes(deps), { prefix: '/api/v1' });
  await app.register(campaignRoutes(deps), { prefix: '/api/v1' });
  await app.register(sendingDomainRoutes(deps), { prefix: '/api/v1' });
  await app.register(smsRoutes(deps), { prefix: '/api/v1' });
  await app.register(campaignReviewRoutes(deps));
  await app.register(contentPolicyRoutes(deps));
  await app.register(enforcementRoutes(deps));
  await app.register(reputationRoutes(deps));
  // Forms, double opt-in, unsubscribe and preferences (full paths: public pages live outside /api/v1).
  await app.register(formsRoutes(deps));
  await app.register(formsPublicRoutes(deps));
  await app.register(confirmRoutes(deps));
  await app.register(unsubscribeRoutes(deps));
  await app.register(clickRoutes(deps));
  await app.register(preferencesRoutes(deps));
  await app.register(webhookRoutes(deps));
}
