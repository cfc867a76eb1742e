// The shape of one item of GET /api/v1/operator/campaign-reviews (list-campaign-reviews.ts), kept
// apart from the route so the web app imports the type without the route's Fastify plugins.
import type { HeldReview } from '../../../core/campaigns/service.ts';

/** One held campaign as answered: the core's review with the account's name. */
export type CampaignReviewItem = HeldReview & { accountName: string | null };
