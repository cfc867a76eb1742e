// SMS-02, the inbound half: a text a person sends to one of our senders (by SMPP deliver_sm or an
// HTTP webhook) is stored, classified (keywords.ts) and acted on for the account that owns the
// sender it was sent TO (senders.ts):
// - opt-out (STOP, DEZABONARE…): consent withdrawn at once on every SMS list of every contact with
//   that number — one 'withdrawn' event per list, source 'sms-keyword', the text as received — and
//   ONE confirmation without marketing goes back (replies.ts) from the sender it was sent to.
// - help (HELP, AJUTOR…): the help answer; consent unchanged.
// - confirm (YES, DA): a pending SMS consent (a double opt-in sign-up) of that number is confirmed
//   (CON-06 'confirmed', the inbound text as evidence); nothing else is recorded. No answer goes
//   back: replies.ts has no wording for a confirmation yet (see CONTEXT.md).
// - anything else, an unknown sender or an unknown number: stored with its outcome; nothing sent.
// Every outcome is audited. Answers are never marketing and never go through a campaign.
//
// Decisions (CTIA Messaging Principles; Twilio's Advanced Opt-Out behaves the same way):
// - At most one automatic answer of a kind per sender, number and AUTO_REPLY_INTERVAL_MS (a claim
//   in the database, one statement, so concurrent texts and several workers agree). A repeated
//   STOP therefore withdraws nothing more and gets no second confirmation within the interval, and
//   two auto-responders answering each other stop after one exchange. A STOP that withdraws
//   consent given since the last confirmation is always confirmed: a new opt-out needs a new
//   sign-up in between, which no auto-responder makes.
// - An unknown number (no contact of the account has it) is not answered, whatever it sent: we
//   answer only people the account holds; the text is kept (sms_inbound) with outcome unknown-number.
// - The answer's language: the keyword's (DEZABONARE is Romanian), else the contact's, else the
//   account's. The program: the sender name of the SMS lists concerned when they share one, else
//   the account's name.
import type { AccountLanguage } from '../accounts/types.ts';
import type { Actor, AuditLog } from '../audit/types.ts';
import type { ConsentService } from '../consent/ledger.ts';
import type { ConsentState } from '../consent/types.ts';
import type { ContactService } from '../contacts/service.ts';
import type { Contact } from '../contacts/types.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Clock, Logger } from '../ports.ts';
import { normalizePhone } from '../suppression/address.ts';
import { classifyInbound, MAX_INBOUND_TEXT_LENGTH, type InboundIntent } from './keywords.ts';
import type { InboundSms, SmsMessage, SubmitOutcome } from './ports.ts';
import { helpReply, optOutConfirmation, type SmsReply } from './replies.ts';
import type { SmsSenderService } from './senders.ts';

/** One automatic answer of a kind per sender and number within this (see the decisions above). */
export const AUTO_REPLY_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** The inbound text kept (sms_inbound) and put in a keyword event's text shown: ten parts' worth. */
export const MAX_STORED_INBOUND_TEXT = MAX_INBOUND_TEXT_LENGTH;
/** Longest `from` / `to` we keep; E.164 is 16 characters, a provider's odd address a little more. */
export const MAX_INBOUND_ADDRESS_LENGTH = 32;

export const INBOUND_ACTOR: Actor = { type: 'system', id: 'sms-inbound' };

export type InboundOutcomeKind =
  | 'received'
  | 'opted-out'
  | 'already-opted-out'
  | 'help'
  | 'confirmed'
  | 'nothing-to-confirm'
  | 'other'
  | 'unknown-sender'
  | 'unknown-number'
  | 'failed';

export type InboundReply = 'none' | 'sent' | 'within-interval' | 'failed';

export interface InboundOutcome {
  id: string;
  outcome: InboundOutcomeKind;
  accountId: string | null;
  contactId: string | null;
  /** Consent events recorded (withdrawn or confirmed). */
  events: number;
  reply: InboundReply;
}

/** One stored inbound text (sms_inbound). */
export interface SmsInboundRecord extends InboundOutcome {
  provider: string;
  from: string;
  to: string;
  text: string;
  receivedAt: string;
  intent: InboundIntent['kind'];
  keyword: string | null;
}

export interface AutoReplyKey {
  accountId: string;
  sender: string;
  recipient: string;
  kind: 'opt-out' | 'help';
}

export interface SmsInboundStore {
  insert(record: SmsInboundRecord): Promise<void>;
  settle(id: string, patch: Omit<InboundOutcome, 'id'>, at: string): Promise<void>;
  get(id: string): Promise<SmsInboundRecord | null>;
  /**
   * Takes the right to answer now: true when no answer of this key was sent after `notAfter`
   * (then `at` is recorded as the last answer), false otherwise. Atomic.
   */
  claimReply(key: AutoReplyKey, at: string, notAfter: string): Promise<boolean>;
}

/** What an answer needs to know about the account (built in the composition root). */
export interface SmsAccountFacts {
  name: string;
  language: AccountLanguage;
  /** ISO 3166 alpha-2 for numbers that arrive without +country code. */
  defaultCountry: string | null;
  /** Where HELP sends people (the account's contact address). */
  helpContact: string;
  /** The account's SMS lists' sender names, by list id. */
  smsListSenders: Map<string, string>;
}

export interface SmsInboundDeps {
  senders: Pick<SmsSenderService, 'accountFor'>;
  store: SmsInboundStore;
  contacts: Pick<ContactService, 'findByAddress'>;
  consent: Pick<ConsentService, 'stateFor' | 'withdraw' | 'record'>;
  facts(accountId: string): Promise<SmsAccountFacts>;
  audit: AuditLog;
  /** The provider's submit (the configured SmsProvider). */
  send(message: SmsMessage): Promise<SubmitOutcome>;
  clock: Clock;
  logger: Logger;
  replyIntervalMs?: number;
}

export interface SmsInboundService {
  /** Stores, classifies and acts on one inbound text. Never throws: a failure is its outcome 'failed'. */
  handle(message: InboundSms): Promise<InboundOutcome>;
}

const clip = (v: string, n: number) => (v.length > n ? v.slice(0, n) : v);

function languageOf(intent: InboundIntent, contact: Contact, facts: SmsAccountFacts): AccountLanguage {
  if (intent.kind !== 'other' && intent.language) return intent.language;
  const tag = (contact.language ?? '').toLowerCase();
  if (tag.startsWith('ro')) return 'ro';
  if (tag.startsWith('en')) return 'en';
  return facts.language;
}

/** The program an answer names: the lists' one sender name, else the account's name. */
function programOf(facts: SmsAccountFacts, listIds: string[]): string {
  const ids = listIds.length > 0 ? listIds : [...facts.smsListSenders.keys()];
  const names = new Set(ids.map((id) => facts.smsListSenders.get(id)?.trim()).filter((n): n is string => !!n));
  return names.size === 1 ? [...names][0]! : facts.name;
}

/** The number as contacts store it (E.164): as given, in the account's country, or digits with '+'. */
function contactNumber(from: string, defaultCountry: string | null): string | null {
  const region = defaultCountry?.toUpperCase();
  return (
    normalizePhone(from) ??
    (region ? normalizePhone(from, region as Parameters<typeof normalizePhone>[1]) : null) ??
    (/^\d{7,15}$/.test(from) ? normalizePhone(`+${from}`) : null)
  );
}

export function createSmsInboundService(deps: SmsInboundDeps): SmsInboundService {
  const interval = deps.replyIntervalMs ?? AUTO_REPLY_INTERVAL_MS;

  async function answer(
    key: AutoReplyKey,
    force: boolean,
    id: string,
    reply: SmsReply,
  ): Promise<{ reply: InboundReply; detail?: string }> {
    const now = deps.clock.now();
    const notAfter = force ? now.toISOString() : new Date(now.getTime() - interval).toISOString();
    if (!(await deps.store.claimReply(key, now.toISOString(), notAfter))) return { reply: 'within-interval' };
    const out = await deps.send({
      id: `sms-reply:${id}`,
      from: key.sender,
      to: key.recipient,
      text: reply.text,
      encoding: reply.encoding === 'GSM-7' ? 'gsm7' : 'ucs2',
    });
    if (out.outcome === 'accepted') return { reply: 'sent' };
    // Not resent: the claim stays, so a provider in trouble never turns into a burst of answers.
    const detail = out.outcome === 'rejected' ? out.code : out.reason;
    deps.logger.warn({ inboundId: id, outcome: out.outcome, detail }, 'SMS automatic answer not accepted');
    return { reply: 'failed', detail };
  }

  async function act(
    id: string,
    message: InboundSms,
    text: string,
    intent: InboundIntent,
  ): Promise<Omit<InboundOutcome, 'id'> & { listIds: string[]; detail?: string; sender?: string }> {
    const none = { contactId: null, events: 0, reply: 'none' as const, listIds: [] };
    const owner = await deps.senders.accountFor(message.to);
    if (!owner) return { ...none, outcome: 'unknown-sender', accountId: null };
    const { accountId, sender } = owner;
    if (intent.kind === 'other') return { ...none, outcome: 'other', accountId, sender };
    const facts = await deps.facts(accountId);
    const phone = contactNumber(message.from, facts.defaultCountry);
    const contact = phone ? await deps.contacts.findByAddress(accountId, { phone }) : null;
    if (!contact || !contact.phone) return { ...none, outcome: 'unknown-number', accountId, sender };
    const states = (await deps.consent.stateFor(accountId, contact.id)).filter((s: ConsentState) => s.channel === 'sms');
    const base = { accountId, contactId: contact.id, sender };
    const evidence = { inboundId: id, provider: message.provider, to: sender, keyword: intent.keyword, receivedAt: message.at };
    const key = (kind: AutoReplyKey['kind']): AutoReplyKey => ({ accountId, sender, recipient: contact.phone!, kind });
    const language = languageOf(intent, contact, facts);

    if (intent.kind === 'opt-out') {
      const open = states.filter((s) => s.status !== 'withdrawn').map((s) => s.listId);
      const events =
        open.length === 0
          ? []
          : await deps.consent.withdraw(accountId, contact.id, open, {
              sourceType: 'sms-keyword',
              sourceId: id,
              textShown: text,
              language,
              evidence,
            });
      const listIds = events.map((e) => e.listId);
      const program = programOf(facts, listIds.length > 0 ? listIds : states.map((s) => s.listId));
      const sent = await answer(key('opt-out'), events.length > 0, id, optOutConfirmation({ program, language }));
      return { ...base, outcome: events.length > 0 ? 'opted-out' : 'already-opted-out', events: events.length, listIds, ...sent };
    }
    if (intent.kind === 'help') {
      const program = programOf(
        facts,
        states.map((s) => s.listId),
      );
      const sent = await answer(key('help'), false, id, helpReply({ program, contact: facts.helpContact, language }));
      return { ...base, outcome: 'help', events: 0, listIds: [], ...sent };
    }
    // confirm: only a pending SMS consent (a double opt-in request) of this number is confirmed.
    const pending = states.filter((s) => s.status === 'pending');
    if (pending.length === 0) return { ...base, outcome: 'nothing-to-confirm', events: 0, reply: 'none', listIds: [] };
    const at = deps.clock.now().toISOString();
    const events = await deps.consent.record(
      accountId,
      pending.map((s) => ({
        contactId: contact.id,
        listId: s.listId,
        channel: 'sms' as const,
        kind: 'confirmed' as const,
        sourceType: 'sms-keyword' as const,
        sourceId: id,
        textShown: text,
        language,
        confirmedAt: at,
        evidence,
      })),
    );
    return { ...base, outcome: 'confirmed', events: events.length, reply: 'none', listIds: events.map((e) => e.listId) };
  }

  return {
    async handle(message) {
      const id = newId(deps.clock);
      const text = clip(message.text, MAX_STORED_INBOUND_TEXT);
      const intent = classifyInbound(text);
      const record: SmsInboundRecord = {
        id,
        provider: clip(message.provider, 100),
        from: clip(message.from, MAX_INBOUND_ADDRESS_LENGTH),
        to: clip(message.to, MAX_INBOUND_ADDRESS_LENGTH),
        text,
        receivedAt: message.at,
        accountId: null,
        contactId: null,
        intent: intent.kind,
        keyword: intent.kind === 'other' ? null : intent.keyword,
        outcome: 'received',
        events: 0,
        reply: 'none',
      };
      let stored = false;
      try {
        // Stored first: whatever happens next, the text a person sent is not lost.
        await deps.store.insert(record);
        stored = true;
        const done = await act(id, { ...message, from: record.from, to: record.to }, text, intent);
        const { listIds, detail, sender, ...outcome } = done;
        await deps.store.settle(id, outcome, deps.clock.now().toISOString());
        await deps.audit.append({
          actor: INBOUND_ACTOR,
          accountId: outcome.accountId,
          action: `sms.inbound.${outcome.outcome}`,
          reason: REASONS[outcome.outcome],
          details: {
            inboundId: id,
            provider: record.provider,
            to: sender ?? record.to,
            intent: intent.kind,
            keyword: record.keyword,
            contactId: outcome.contactId,
            listIds,
            events: outcome.events,
            reply: outcome.reply,
            ...(detail ? { replyDetail: detail } : {}),
          },
        });
        return { id, ...outcome };
      } catch (err) {
        deps.logger.error({ err, inboundId: id, provider: record.provider }, 'inbound SMS could not be handled');
        const failed: InboundOutcome = { id, outcome: 'failed', accountId: null, contactId: null, events: 0, reply: 'none' };
        try {
          if (stored) await deps.store.settle(id, failed, deps.clock.now().toISOString());
          await deps.audit.append({
            actor: INBOUND_ACTOR,
            accountId: null,
            action: 'sms.inbound.failed',
            reason: REASONS.failed,
            details: { inboundId: id, stored, error: err instanceof AppError ? err.code : 'internal' },
          });
        } catch (again) {
          deps.logger.error({ err: again, inboundId: id }, 'inbound SMS failure could not be recorded');
        }
        return failed;
      }
    },
  };
}

const REASONS: Record<InboundOutcomeKind, string> = {
  received: 'Inbound SMS received',
  'opted-out': 'SMS opt-out keyword: consent withdrawn on the SMS lists',
  'already-opted-out': 'SMS opt-out keyword: no SMS consent left to withdraw',
  help: 'SMS HELP keyword: help answer',
  confirmed: 'SMS YES: pending SMS consent confirmed',
  'nothing-to-confirm': 'SMS YES: no pending SMS consent for this number',
  other: 'Inbound SMS without a keyword: stored, no answer',
  'unknown-sender': 'Inbound SMS to a sender no account has: stored, no answer',
  'unknown-number': 'Inbound SMS from a number no contact of the account has: stored, no answer',
  failed: 'Inbound SMS could not be handled: stored for review',
};

/** A webhook request as an HTTP gateway adapter verifies it (channels/sms/http WebhookRequest). */
export interface SmsWebhookRequest {
  /** The full URL the gateway posted to, as it requested it (Twilio signs it). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** An HTTP gateway's webhooks: authenticated and parsed by the adapter; throw AppError WEBHOOK_*. */
export interface SmsWebhookReceiver {
  receiveInbound(req: SmsWebhookRequest): { messages: number };
  receiveStatus(req: SmsWebhookRequest): { receipts: number };
}

export type SmsProviderKind = 'smpp' | 'twilio' | 'http';

/** The configured provider (SMS_PROVIDER) with the inbound path attached: built in the composition root. */
export interface SmsChannel {
  readonly kind: SmsProviderKind | null;
  /** Opens the provider (an SMPP bind) on first use and subscribes inbound texts to the handler; null when none is configured. */
  start(): void;
  /** The HTTP gateway's webhooks when SMS_PROVIDER is that gateway, else null. */
  webhooks(kind: 'twilio' | 'http'): SmsWebhookReceiver | null;
  /** Runs fn (a webhook's receive, which hands texts on synchronously) and waits for their handling. */
  receiving<T>(fn: () => T): Promise<{ result: T; outcomes: InboundOutcome[] }>;
  /** Waits for texts being handled, then closes the provider. */
  close(): Promise<void>;
}
