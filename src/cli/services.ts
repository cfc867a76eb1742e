// Builds the core services from adapters. Each area adds its construction here.
import type { Config } from '../config/config.ts';
import type { Clock, Logger, Queue } from '../core/ports.ts';
import type { Services } from '../core/services.ts';
import type { Database } from '../db/database.ts';
import { createAuditLog } from '../core/audit/audit-log.ts';
import { createStandingService } from '../core/standing/standing-service.ts';
import { createSystemMailDelivery } from '../core/system-mail/delivery.ts';
import { createSystemMailService } from '../core/system-mail/system-mail-service.ts';
import { createTemplateRenderer } from '../core/system-mail/templates.ts';
import { createAuditRepository } from '../db/repositories/audit.ts';
import { createStandingRepository } from '../db/repositories/standing.ts';
import { createSystemMailRepository } from '../db/repositories/system-mail.ts';
import { createSmtpTransport } from '../channels/email/smtp-transport.ts';
import { createCookieConsentService } from '../core/cookie-consent/service.ts';
import { createCookieConsentStore } from '../db/repositories/cookie-consent.ts';
import { COOKIE_POLICY_REVISION } from '../../policy/cookies.ts';
import { createAccountsService } from '../core/accounts/service.ts';
import { createAccountRowsStore, createAccountsStore } from '../db/repositories/accounts.ts';
import { createArgon2Hasher } from '../security/argon2-hasher.ts';
import { createTokenKit } from '../security/tokens.ts';

import { createConsentService } from '../core/consent/ledger.ts';
import { createContactService } from '../core/contacts/service.ts';
import { createGateService } from '../core/gate/service.ts';
import { createListService } from '../core/lists/service.ts';
import { createSegmentService } from '../core/segments/service.ts';
import { createSuppressionService } from '../core/suppression/service.ts';
import { createConsentStore } from '../db/repositories/consent.ts';
import { createConsentIntake } from '../core/consent/intake.ts';
import { createIntakeStore } from '../db/repositories/consent-intake.ts';
import { createContactStore } from '../db/repositories/contacts.ts';
import { createGateStore } from '../db/repositories/gate.ts';
import { createListStore } from '../db/repositories/lists.ts';
import { createSegmentStore } from '../db/repositories/segments.ts';
import { createSuppressionStore } from '../db/repositories/suppression.ts';
import { createFormsService } from '../core/forms/service.ts';
import { createUnsubscribeService } from '../core/unsubscribe/service.ts';
import { createFormStore } from '../db/repositories/forms.ts';
import { createUsedStartStampStore } from '../db/repositories/used-start-stamps.ts';
import { createImportService } from '../core/imports/service.ts';
import { createImportStore } from '../db/repositories/imports.ts';
import { createCampaignDelivery } from './delivery.ts';
import { createTestSender } from './test-send.ts';
import { createDeliveryStore } from '../db/repositories/delivery.ts';
import { createCampaignComposer } from '../channels/email/campaign-composer.ts';
import { createCampaignService } from '../core/campaigns/service.ts';
import { createContentReview } from '../core/campaigns/review.ts';
import { createContentPolicySettings } from '../core/content/policy-settings.ts';
import { createContentPolicyStore } from '../db/repositories/content-policy.ts';
import { createSpamAssassinSecondOpinion } from '../channels/spamd/second-opinion.ts';
import { createTemplateCampaignRenderer } from '../core/campaigns/template-renderer.ts';
import { createCampaignStore } from '../db/repositories/campaigns.ts';
import { createClickStore } from '../db/repositories/clicks.ts';
import { createClickService } from '../core/tokens/click.ts';
import { createSendingDomainService } from '../core/sending-domains/service.ts';
import { platformHosts } from '../core/sending-domains/records.ts';
import { createSendingDomainStore } from '../db/repositories/sending-domains.ts';
import { createDnsResolver } from '../channels/dns/resolver.ts';
import { createProviderWebhooks } from '../channels/webhooks/provider-webhooks.ts';
import type { HttpFetch } from '../channels/webhooks/sns.ts';
import { createInboundIntake } from '../core/enforcement/intake.ts';
import { createInboundProcessor } from '../core/enforcement/processor.ts';
import { createEnforcementService } from '../core/enforcement/service.ts';
import { createReputationService, REPUTATION_EVALUATE_JOB } from '../core/reputation/service.ts';
import {
  createCampaignSummaries,
  createEnforcementStore,
  createInboundStore,
  createTraceLookup,
} from '../db/repositories/enforcement.ts';
import { createReputationStore } from '../db/repositories/reputation.ts';
import { createGrowthService } from '../core/consent/growth.ts';
import { createGrowthStore } from '../db/repositories/consent-growth.ts';
import { createBlocklistReadStore } from '../db/repositories/blocklists.ts';
import { createSmsSenderService } from '../core/sms/senders.ts';
import { createSmsInboundService, type SmsAccountFacts, type SmsInboundService } from '../core/sms/inbound.ts';
import { createSmsInboundStore, createSmsSenderStore } from '../db/repositories/sms-senders.ts';
import { createSmsChannel } from './sms-channel.ts';

export interface ServiceDeps {
  config: Config & { secret: string };
  database: Database;
  clock: Clock;
  logger: Logger;
  queue: Queue;
  /** Outgoing HTTP for the relay webhooks (SNS certificates, subscription confirmations); default fetch. */
  fetch?: HttpFetch;
}

export function buildServices(deps: ServiceDeps): Services {
  // Standing, audit and system mail (ACC-04..07).
  const { db } = deps.database;
  const audit = createAuditLog({ store: createAuditRepository(db), clock: deps.clock });
  const systemMailStore = createSystemMailRepository(db);
  const renderer = createTemplateRenderer({ publicUrl: deps.config.publicUrl });
  const systemMail = createSystemMailService({
    store: systemMailStore,
    queue: deps.queue,
    renderer,
    audit,
    clock: deps.clock,
    logger: deps.logger,
  });
  const systemMailDelivery = createSystemMailDelivery({
    store: systemMailStore,
    // No relay configured (embedded default): mail waits in the outbox, visible to operators (ACC-07).
    transport: deps.config.smtpUrl ? createSmtpTransport(deps.config.smtpUrl) : null,
    mailFrom: deps.config.mailFrom,
    clock: deps.clock,
    logger: deps.logger,
    // Asked when a mail is delivered, long after `standing` below exists (ACC-09).
    standing: { assertWriteAllowed: (accountId, services) => standing.assertWriteAllowed(accountId, services) },
  });
  const standing = createStandingService({
    store: createStandingRepository(db),
    audit,
    systemMail,
    clock: deps.clock,
    logger: deps.logger,
  });
  // Accounts, sessions, team, API keys (ACC-01..03, SEC-01).
  const accounts = createAccountsService({
    store: createAccountsStore(db),
    hasher: createArgon2Hasher(),
    tokens: createTokenKit(),
    clock: deps.clock,
    logger: deps.logger,
    systemMail,
    standing,
    publicUrl: deps.config.publicUrl,
  });
  // Permission core (issue 3 part A): lists, contacts, consent ledger, suppression, gate, segments.
  const consent = createConsentService({ store: createConsentStore(deps.database), clock: deps.clock });
  const suppression = createSuppressionService({ store: createSuppressionStore(deps.database), clock: deps.clock });
  const contacts = createContactService({ store: createContactStore(deps.database), consent, suppression, clock: deps.clock });
  const growth = createGrowthService({ store: createGrowthStore(deps.database), clock: deps.clock });
  const permission = {
    consent,
    suppression,
    contacts,
    lists: createListService({
      store: createListStore(deps.database),
      clock: deps.clock,
      counts: (accountId, listId) => contacts.totals(accountId, { listId }),
      growth,
    }),
    gate: createGateService({
      store: createGateStore(deps.database),
      standing,
      clock: deps.clock,
      logger: deps.logger,
      // DEL-01: a campaign send is refused whole while the campaign may not go (built below).
      preconditions: () => ({ check: (accountId, contextId) => campaigns.precondition(accountId, contextId) }),
    }),
    segments: createSegmentService({ store: createSegmentStore(deps.database), clock: deps.clock }),
  };
  // Permission core (issue 3 part B): forms, double opt-in, unsubscribe and preferences.
  const tokenSigner = { clock: deps.clock, secret: deps.config.secret, publicUrl: deps.config.publicUrl };
  const forms = createFormsService({
    ...tokenSigner,
    store: createFormStore(deps.database),
    usedStartStamps: createUsedStartStampStore(deps.database),
    lists: permission.lists,
    contacts: permission.contacts,
    consent,
    systemMail,
    standing,
    senders: accounts,
  });
  const unsubscribe = createUnsubscribeService({
    ...tokenSigner,
    consent,
    contacts: permission.contacts,
    lists: permission.lists,
    suppression,
  });
  // Imports (issue 4): the ledger's store is shared so held imports append with their hold set.
  const imports = createImportService({
    store: createImportStore(deps.database),
    consentStore: createConsentStore(deps.database),
    queue: deps.queue,
    clock: deps.clock,
    logger: deps.logger,
    standing,
    audit,
    systemMail,
    gate: permission.gate,
  });
  // CON-13: API consent meets the intake policy (forms' double opt-in, imports' declaration and review).
  const consentIntake = createConsentIntake({
    store: createIntakeStore(deps.database),
    consentStore: createConsentStore(deps.database),
    imports: createImportStore(deps.database),
    lists: permission.lists,
    contacts: permission.contacts,
    confirmations: forms,
    audit,
    clock: deps.clock,
  });
  const sendingHosts = platformHosts(deps.config.publicUrl, {
    spfInclude: deps.config.spfInclude,
    bounceHost: deps.config.bounceHost,
  });
  // Sending domains (DEL-05, MSG-05): keys sealed with the platform secret, verified through DNS_SERVERS.
  const sendingDomains = createSendingDomainService({
    store: createSendingDomainStore(deps.database),
    resolver: createDnsResolver({ servers: deps.config.dnsServers }),
    clock: deps.clock,
    secret: deps.config.secret,
    hosts: sendingHosts,
    platformDomains: [new URL(deps.config.publicUrl).hostname],
  });
  // One composer (templates, headers, DKIM) for campaign sends and test sends.
  const composer = createCampaignComposer({
    secret: deps.config.secret,
    publicUrl: deps.config.publicUrl,
    bounceDomain: sendingHosts.bounceHost,
  });
  const testSender = createTestSender({
    config: deps.config,
    clock: deps.clock,
    composer,
    domains: sendingDomains,
    senderFacts: createDeliveryStore(deps.database).senderFacts,
  });
  // Click tracking (SEC-04): the engine stores each campaign's links, /c/<token> resolves only to them.
  const clickStore = createClickStore(deps.database);
  // Campaigns (issue 8): review over the content screen, the gate's precondition, the engine's access.
  // The screen weighs the account's declared industry (ACC-02 meets content); reviewers see it too.
  const accountRows = createAccountRowsStore(db);
  const declaredIndustry = async (accountId: string) => (await accountRows.get(accountId))?.industry ?? null;
  // CNT-01: the operator's tuned content policy (stored revisions), compiled once per revision.
  const contentPolicy = createContentPolicySettings({ store: createContentPolicyStore(deps.database), audit, clock: deps.clock });
  // Enforcement (issue 10): the rates that hold and pause, read by the campaign area and the engine.
  const reputation = createReputationService({
    store: createReputationStore(deps.database),
    standing,
    audit,
    systemMail,
    clock: deps.clock,
    logger: deps.logger,
  });
  // Collapsed per account: a burst of bounces asks for one evaluation.
  const evaluateReputation = async (accountId: string) => {
    await deps.queue.send(REPUTATION_EVALUATE_JOB, { accountId }, { singletonKey: `reputation:${accountId}` });
  };
  const campaigns = createCampaignService({
    store: createCampaignStore(deps.database),
    lists: permission.lists,
    segments: permission.segments,
    domains: sendingDomains,
    testSender,
    // Issue 9 §4: SpamAssassin's spamd as a second opinion when SPAMD_URL is set.
    review: createContentReview({
      clock: deps.clock,
      declaredIndustry,
      policy: () => contentPolicy.policy(),
      ...(deps.config.spamdUrl
        ? {
            secondOpinion: createSpamAssassinSecondOpinion({ url: deps.config.spamdUrl, from: deps.config.mailFrom }),
            secondOpinionMaxScore: deps.config.spamdMaxScore,
          }
        : {}),
    }),
    renderer: createTemplateCampaignRenderer(),
    gate: permission.gate,
    engine: () => delivery,
    contacts: permission.contacts,
    systemMail,
    ownerEmails: async (accountId) =>
      (await systemMailStore.owners(accountId)).map((o) => ({ email: o.email, language: o.language })),
    audit,
    clock: deps.clock,
    logger: deps.logger,
    publicUrl: deps.config.publicUrl,
    clicks: clickStore,
    // CNT-02: repeated rejected content restricts email sending through the standing service.
    standing,
    declaredIndustry,
    accountHold: (accountId) => reputation.isHeld(accountId),
  });
  // The send engine (issue 8): the campaign area's CampaignAccess, the composer (templates, headers, DKIM) and the sending domains' keys.
  const engine = createCampaignDelivery(
    { ...deps, gate: permission.gate },
    {
      campaigns: campaigns.access,
      composer,
      domains: sendingDomains,
      links: clickStore,
      onFinished: (c) => campaigns.onFinished(c),
      standing,
      // REP-06: the send path measures at once (the next batch sees a pause); the queued job is the fallback.
      onHardBounces: async (accountId) => {
        try {
          await reputation.evaluate(accountId);
        } catch (err) {
          deps.logger.error({ err, accountId }, 'reputation evaluation after a batch failed; queued instead');
          await evaluateReputation(accountId);
        }
      },
    },
  );
  // REP-07: an operator's reinstate (or a restriction that leaves email on) lets campaigns paused
  // for the standing go on at once; the periodic resume job would find them too.
  standing.onTransition(async (e) => {
    if (e.to !== 'blocked' && e.to !== 'suspended' && !e.restrictedServices.includes('email')) await delivery.resumePaused();
  });
  const inboundStore = createInboundStore(deps.database);
  const enforcementStore = createEnforcementStore(deps.database);
  const inbound = createInboundIntake({ store: inboundStore, queue: deps.queue, clock: deps.clock, logger: deps.logger });
  const traceLookup = createTraceLookup(deps.database);
  // SMS (issue 11): senders per account; inbound texts (STOP, HELP, YES) through the provider of SMS_PROVIDER.
  const smsSenders = createSmsSenderService({ store: createSmsSenderStore(deps.database), audit, clock: deps.clock });
  const sms = createSmsChannel({
    config: deps.config.sms,
    inbound: () => smsInbound,
    clock: deps.clock,
    logger: deps.logger,
    publicUrl: deps.config.publicUrl,
  });
  const smsFacts = async (accountId: string): Promise<SmsAccountFacts> => {
    const [account, owners, lists] = await Promise.all([
      accountRows.get(accountId),
      systemMailStore.owners(accountId),
      permission.lists.list(accountId, { includeArchived: true }),
    ]);
    const name = account?.name ?? 'Assent';
    return {
      name,
      language: account?.language === 'ro' ? 'ro' : 'en',
      defaultCountry: account?.defaultCountry ?? null,
      // HELP names the account's owner address: the one contact every account has.
      helpContact: owners[0]?.email ?? name,
      smsListSenders: new Map(lists.filter((l) => l.channel === 'sms').map((l) => [l.id, l.senderName])),
    };
  };
  const smsInbound: SmsInboundService = createSmsInboundService({
    senders: smsSenders,
    store: createSmsInboundStore(deps.database),
    contacts,
    consent,
    facts: smsFacts,
    audit,
    send: (message) => sms.submit(message),
    clock: deps.clock,
    logger: deps.logger,
  });
  const delivery = {
    ...engine,
    async close() {
      await testSender?.close();
      await engine.close();
    },
  };
  return {
    ...permission,
    sendingDomains,
    campaigns,
    consentIntake,
    forms,
    unsubscribe,
    imports,
    accounts,
    audit,
    standing,
    systemMail,
    systemMailDelivery,
    delivery,
    contentPolicy,
    reputation,
    inbound,
    blocklists: createBlocklistReadStore(deps.database),
    growth,
    smsSenders,
    smsInbound,
    sms,
    webhooks: createProviderWebhooks({
      intake: inbound,
      sesTopics: deps.config.sesSnsTopics ?? [],
      sendgridKey: deps.config.sendgridWebhookKey,
      fetch: deps.fetch ?? ((url, init) => fetch(url, init)),
      clock: deps.clock,
      logger: deps.logger,
    }),
    inboundProcessor: createInboundProcessor({
      secret: deps.config.secret,
      inbound: inboundStore,
      store: enforcementStore,
      lookup: traceLookup,
      suppression,
      unsubscribe,
      systemMail,
      evaluate: evaluateReputation,
      clock: deps.clock,
      logger: deps.logger,
    }),
    enforcement: createEnforcementService({
      store: enforcementStore,
      inbound: inboundStore,
      lookup: traceLookup,
      campaign: createCampaignSummaries(deps.database),
      audit,
      clock: deps.clock,
    }),
    clicks: createClickService({ secret: deps.config.secret, links: clickStore, recorder: clickStore, clock: deps.clock }),
    cookieConsent: createCookieConsentService({
      store: createCookieConsentStore(deps.database),
      clock: deps.clock,
      revision: deps.config.cookiePolicyRevision ?? COOKIE_POLICY_REVISION,
    }),
  };
}
