// Campaign routes (issue 8): editing, review, dry run, sending, report. Registered with `{ prefix: '/api/v1' }`.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerCreateCampaign } from './create-campaign.ts';
import { registerListCampaigns } from './list-campaigns.ts';
import { registerGetCampaign } from './get-campaign.ts';
import { registerGetCampaignReview } from './get-campaign-review.ts';
import { registerUpdateCampaign } from './update-campaign.ts';
import { registerSubmitCampaign } from './submit-campaign.ts';
import { registerPreviewCampaign } from './preview-campaign.ts';
import { registerDryRunCampaign } from './dry-run-campaign.ts';
import { registerSendCampaign } from './send-campaign.ts';
import { registerPauseCampaign } from './pause-campaign.ts';
import { registerResumeCampaign } from './resume-campaign.ts';
import { registerCancelCampaign } from './cancel-campaign.ts';
import { registerListCampaignReviews } from './list-campaign-reviews.ts';
import { registerDecideCampaignReview } from './decide-campaign-review.ts';
import { registerTestSendCampaign } from './test-send-campaign.ts';
import { registerGetCampaignReport } from './get-campaign-report.ts';
import { registerGetSendQuota } from './get-send-quota.ts';

export function campaignRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerCreateCampaign(app, deps);
    registerListCampaigns(app, deps);
    registerGetCampaign(app, deps);
    registerGetCampaignReview(app, deps);
    registerUpdateCampaign(app, deps);
    registerSubmitCampaign(app, deps);
    registerPreviewCampaign(app, deps);
    registerDryRunCampaign(app, deps);
    registerSendCampaign(app, deps);
    registerPauseCampaign(app, deps);
    registerResumeCampaign(app, deps);
    registerCancelCampaign(app, deps);
    registerTestSendCampaign(app, deps);
    registerGetCampaignReport(app, deps);
    registerGetSendQuota(app, deps);
  };
}

/** The reviewers' queue of held campaigns (full paths under /api/v1/operator/). */
export function campaignReviewRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerListCampaignReviews(app, deps);
    registerDecideCampaignReview(app, deps);
  };
}
