// The typed shape of every table, one file per domain, merged here for Kysely.
import type { AccountTables } from './accounts.ts';
import type { CookieConsentTables } from './cookie-consent.ts';
import type { StandingTables } from './standing.ts';
import type { SystemMailTables } from './system-mail.ts';
import type { JobTables } from './jobs.ts';
import type { BotDefenceTables } from './bot-defence.ts';
import type { FormTables } from './forms.ts';
import type { ListTables } from './lists.ts';
import type { ContactTables } from './contacts.ts';
import type { ConsentTables } from './consent.ts';
import type { SuppressionTables } from './suppression.ts';
import type { ImportTables } from './imports.ts';
import type { GateTables } from './gate.ts';
import type { SendingDomainTables } from './sending-domains.ts';
import type { DeliveryTables } from './delivery.ts';
import type { CampaignTables } from './campaigns.ts';
import type { ClickTables } from './clicks.ts';
import type { ContentPolicyTables } from './content-policy.ts';
import type { BlocklistTables } from './blocklists.ts';
import type { EnforcementTables } from './enforcement.ts';
import type { SmsTables } from './sms.ts';

export interface DB
  extends
    AccountTables,
    CookieConsentTables,
    StandingTables,
    SystemMailTables,
    JobTables,
    BotDefenceTables,
    FormTables,
    ListTables,
    ContactTables,
    ConsentTables,
    SuppressionTables,
    ImportTables,
    GateTables,
    SendingDomainTables,
    DeliveryTables,
    CampaignTables,
    ClickTables,
    ContentPolicyTables,
    BlocklistTables,
    EnforcementTables,
    SmsTables {}
