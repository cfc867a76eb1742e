// The core services the composition root builds and the HTTP layer and worker call: only the
// aggregate. Each area adds its service here (types only: no adapter is imported). The seams
// areas code against live with the area that owns them (standing/ports.ts, system-mail/ports.ts),
// so no area imports this file and no type cycle runs through it.
import type { CookieConsentService } from './cookie-consent/service.ts';
import type { AuditLog } from './audit/types.ts';
import type { StandingService } from './standing/standing-service.ts';
import type { SystemMailDelivery } from './system-mail/delivery.ts';
import type { SystemMailService } from './system-mail/types.ts';

// Permission core (issue 3, part A): lists, contacts, consent ledger, suppression, send gate.
import type { ConsentService } from './consent/ledger.ts';
import type { ContactService } from './contacts/service.ts';
import type { GateService } from './gate/service.ts';
import type { ListService } from './lists/service.ts';
import type { SegmentService } from './segments/service.ts';
import type { SuppressionService } from './suppression/service.ts';
import type { FormsService } from './forms/service.ts';
import type { UnsubscribeService } from './unsubscribe/service.ts';

import type { AccountsService } from './accounts/service.ts';
import type { ImportService } from './imports/service.ts';
import type { ConsentIntake } from './consent/intake.ts';
import type { CampaignService } from './campaigns/service.ts';
import type { SendEngine } from './delivery/engine.ts';
import type { SendingDomainService } from './sending-domains/service.ts';
import type { ClickService } from './tokens/click.ts';
import type { ContentPolicySettings } from './content/policy-settings.ts';
import type { BlocklistReadStore } from './blocklists/ports.ts';
import type { InboundIntake, ProviderWebhooks } from './enforcement/types.ts';
import type { InboundProcessor } from './enforcement/processor.ts';
import type { EnforcementService } from './enforcement/service.ts';
import type { ReputationService } from './reputation/service.ts';
import type { GrowthService } from './consent/growth.ts';
import type { SmsChannel, SmsInboundService } from './sms/inbound.ts';
import type { SmsSenderService } from './sms/senders.ts';

export interface Services {
  /** Signup, sessions, team, API keys, operators (ACC-01..03, SEC-01). */
  accounts: AccountsService;
  consent: ConsentService;
  /** CON-13: the intake policy for consent recorded through the API (DOI, declaration, review by volume, rate). */
  consentIntake: ConsentIntake;
  contacts: ContactService;
  lists: ListService;
  suppression: SuppressionService;
  gate: GateService;
  segments: SegmentService;
  /** Imports: provenance, per-row checks, forensics, review (IMP-01..06). */
  imports: ImportService;
  /** Sign-up forms, their versions, submissions and double opt-in (CON-02…CON-06, CON-11). */
  forms: FormsService;
  /** Signed unsubscribe links and the preference centre (MSG-02, MSG-04, MSG-06). */
  unsubscribe: UnsubscribeService;
  /** The append-only audit log (ACC-04). */
  audit: AuditLog;
  /** Account standing, its gate and the signup review (ACC-02, ACC-04..06). */
  standing: StandingService;
  /** System mail to customers and contacts, through the outbox (ACC-07). */
  systemMail: SystemMailService;
  /** Delivers outbox rows through the SMTP relay (worker). */
  systemMailDelivery: SystemMailDelivery;
  cookieConsent: CookieConsentService;
  /** Campaigns: editing, review, scheduling, sending, the report (issue 8). */
  campaigns: CampaignService;
  /** Campaign delivery: delivery records, the send engine and its relays (DEL-01..03, IMP-07, ACC-08). */
  delivery: SendEngine;
  /** Sending domains: DKIM keys, DNS records, verification; its SendingDomainGate (DEL-05, MSG-05). */
  sendingDomains: SendingDomainService;
  /** Click tracking: /c/<token> resolves to a URL of the campaign's stored links and counts the click (SEC-04). */
  clicks: ClickService;
  /** The content policy's operator tuning: stored revisions, the one in effect (CNT-01). */
  contentPolicy: ContentPolicySettings;
  /** What comes back (bounces, feedback reports, spam reports, webhooks): stored, then queued (issue 10). */
  /** The one way in for what comes back; `flush` sends the jobs of items stored but not queued yet. */
  inbound: InboundIntake & { flush(): Promise<void> };
  /** The blocklist checks and listings as the operator's status page reads them (BL-01..03). */
  blocklists: BlocklistReadStore;
  /** The relay webhooks (SES via SNS, SendGrid), authenticated, into the intake. */
  webhooks: ProviderWebhooks;
  /** The `inbound.process` job's work: classify, trace, suppress, count (REP-01..03, ABU-02). */
  inboundProcessor: InboundProcessor;
  /** Complaint review queue, incidents, bounces (REP-03, BL-03). */
  enforcement: EnforcementService;
  /** Complaint and hard-bounce rates and their crossings (REP-04..07, ACC-08). */
  reputation: ReputationService;
  /** Subscriptions gained and lost per day, from the consent ledger (the dashboard's and each list's chart). */
  growth: GrowthService;
  /** The account's SMS senders (numbers, short codes, sender IDs); which account an inbound text is for (SMS-02). */
  smsSenders: SmsSenderService;
  /** Inbound texts: STOP, HELP, YES acted on, every outcome stored and audited (SMS-02). */
  smsInbound: SmsInboundService;
  /** The configured SMS provider (SMS_PROVIDER) with inbound texts wired to smsInbound. */
  sms: SmsChannel;
}
