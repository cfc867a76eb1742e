// Unsubscribe (MSG-02) and the preference centre (MSG-04): both act on the signed claims alone,
// with no login. Each leave is a 'withdrawn' ledger event, which the gate reads before the next
// send (the consent projection is updated in the same transaction).
import type { ConsentService } from '../consent/ledger.ts';
import type { ConsentStatus } from '../consent/types.ts';
import type { ContactService } from '../contacts/service.ts';
import { invalid } from '../errors.ts';
import type { ListService } from '../lists/service.ts';
import type { Clock } from '../ports.ts';
import type { SuppressionService } from '../suppression/service.ts';
import { preferencesUrl, readLinkToken, unsubscribeUrl, type LinkClaims } from './links.ts';

export interface UnsubscribeContext {
  ip: string;
  userAgent: string;
  /** The words on the page/button the person used; '' for a mailbox provider's one-click POST. */
  textShown: string;
  via: 'one-click' | 'page' | 'preference-center' | 'mailto';
}

export interface PreferenceList {
  listId: string;
  name: string;
  channel: 'email' | 'sms';
  status: ConsentStatus;
  /** The list is archived: nothing is sent to it, but the person can still leave it (MSG-04). */
  archived: boolean;
}

export interface PreferencesView {
  /** Whose lists these are: the preference page names the sender (and its privacy policy). */
  accountId: string;
  /** The contact's address with most characters hidden. */
  address: string;
  language: string;
  lists: PreferenceList[];
}

export interface UnsubscribeView {
  address: string;
  language: string;
  /** The list the link names, or null for every list. */
  listName: string | null;
  /** Already unsubscribed from what the link names. */
  done: boolean;
}

export interface UnsubscribeDeps {
  consent: Pick<ConsentService, 'withdraw' | 'stateFor'>;
  contacts: Pick<ContactService, 'get'>;
  lists: Pick<ListService, 'list'>;
  suppression: Pick<SuppressionService, 'add'>;
  clock: Clock;
  secret: string;
  publicUrl: string;
}

export function maskAddress(address: string | null): string {
  if (!address) return '';
  const at = address.indexOf('@');
  if (at < 0) return `${'•'.repeat(Math.max(0, address.length - 3))}${address.slice(-3)}`;
  return `${address.slice(0, 1)}${'•'.repeat(Math.max(1, at - 1))}${address.slice(at)}`;
}

export function createUnsubscribeService(deps: UnsubscribeDeps) {
  const signer = { secret: deps.secret, publicUrl: deps.publicUrl };

  async function load(claims: LinkClaims) {
    const [contact, states, lists] = await Promise.all([
      deps.contacts.get(claims.accountId, claims.contactId),
      deps.consent.stateFor(claims.accountId, claims.contactId),
      deps.lists.list(claims.accountId, { includeArchived: true }),
    ]);
    const names = new Map(lists.map((l) => [l.id, l]));
    return { contact, states, names, language: contact.language === 'ro' ? 'ro' : 'en' };
  }

  async function preferencesOf(claims: LinkClaims): Promise<PreferencesView> {
    const { contact, states, names, language } = await load(claims);
    // MSG-04: every list the contact has consent on, archived ones too (marked): consent given
    // to an archived list must still be withdrawable, should the list ever be reused.
    const lists = states
      .filter((s) => names.has(s.listId))
      .map((s) => {
        const list = names.get(s.listId);
        return {
          listId: s.listId,
          name: list?.name ?? '',
          channel: s.channel,
          status: s.status,
          archived: Boolean(list?.archivedAt),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { accountId: claims.accountId, address: maskAddress(contact.email ?? contact.phone), language, lists };
  }

  async function leaveAll(claims: LinkClaims, ctx: UnsubscribeContext, sourceType: 'unsubscribe' | 'preference-center') {
    const contact = await deps.contacts.get(claims.accountId, claims.contactId);
    await deps.consent.withdraw(claims.accountId, claims.contactId, 'all', source(claims, ctx, sourceType));
    // Leaving everything also suppresses the addresses for this account, so a later import or
    // list cannot reach them again without a new sign-up.
    for (const address of [contact.email, contact.phone])
      if (address) await deps.suppression.add(claims.accountId, address, 'unsubscribe-all');
  }

  function source(claims: LinkClaims, ctx: UnsubscribeContext, sourceType: 'unsubscribe' | 'preference-center') {
    return {
      sourceType,
      sourceId: claims.campaignId,
      textShown: ctx.textShown,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      evidence: { via: ctx.via, campaignId: claims.campaignId },
    };
  }

  return {
    unsubscribeUrl: (claims: LinkClaims) => unsubscribeUrl(signer, claims, deps.clock.now()),
    preferencesUrl: (claims: LinkClaims) => preferencesUrl(signer, claims, deps.clock.now()),

    /** GET /u/<token>: what the link would do. Changes nothing (MSG-02). */
    async describe(token: string): Promise<UnsubscribeView & { preferencesToken: string }> {
      const claims = readLinkToken(deps.secret, 'unsubscribe', token, deps.clock.now());
      const { contact, states, names, language } = await load(claims);
      const open = states.filter((s) => s.status !== 'withdrawn' && (claims.listId === null || s.listId === claims.listId));
      const prefs = preferencesUrl(signer, claims, deps.clock.now());
      return {
        address: maskAddress(contact.email ?? contact.phone),
        language,
        listName: claims.listId ? (names.get(claims.listId)?.name ?? '') : null,
        done: open.length === 0,
        preferencesToken: prefs.slice(prefs.lastIndexOf('/') + 1),
      };
    },

    /** POST /u/<token>: the RFC 8058 one-click (or the page's button). Idempotent. */
    async unsubscribe(token: string, ctx: UnsubscribeContext): Promise<UnsubscribeView> {
      const claims = readLinkToken(deps.secret, 'unsubscribe', token, deps.clock.now());
      if (claims.listId === null) await leaveAll(claims, ctx, 'unsubscribe');
      else await deps.consent.withdraw(claims.accountId, claims.contactId, [claims.listId], source(claims, ctx, 'unsubscribe'));
      const { contact, names, language } = await load(claims);
      return {
        address: maskAddress(contact.email ?? contact.phone),
        language,
        listName: claims.listId ? (names.get(claims.listId)?.name ?? '') : null,
        done: true,
      };
    },

    /** GET /p/<token>. */
    async preferences(token: string): Promise<PreferencesView> {
      return preferencesOf(readLinkToken(deps.secret, 'preferences', token, deps.clock.now()));
    },

    /** POST /p/<token>: leave one list, or all (MSG-04). */
    async leave(token: string, choice: { listId: string } | 'all', ctx: UnsubscribeContext): Promise<PreferencesView> {
      const claims = readLinkToken(deps.secret, 'preferences', token, deps.clock.now());
      if (choice === 'all') {
        await leaveAll(claims, ctx, 'preference-center');
      } else {
        const states = await deps.consent.stateFor(claims.accountId, claims.contactId);
        if (!states.some((s) => s.listId === choice.listId))
          throw invalid('PREFERENCE_LIST_UNKNOWN', 'You are not on that list.');
        await deps.consent.withdraw(
          claims.accountId,
          claims.contactId,
          [choice.listId],
          source(claims, ctx, 'preference-center'),
        );
      }
      return preferencesOf(claims);
    },
  };
}

export type UnsubscribeService = ReturnType<typeof createUnsubscribeService>;
