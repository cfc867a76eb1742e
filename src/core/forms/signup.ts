// A person signing up through a published form, and the double opt-in confirmation (CON-06).
// Order matters: every check runs before the first write, so a refused submission stores nothing.
import type { ConsentService } from '../consent/ledger.ts';
import type { NewConsentEvent } from '../consent/types.ts';
import type { ContactService } from '../contacts/service.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { ListService } from '../lists/service.ts';
import type { List } from '../lists/types.ts';
import type { Clock } from '../ports.ts';
import type { SystemMailSender } from '../system-mail/ports.ts';
import type { AccountWriteGate } from '../standing/ports.ts';
import { signToken, verifyToken } from '../tokens/signed-token.ts';
import {
  HONEYPOT_FIELD,
  checkStartStamp,
  spendStartStamp,
  type BotDefenceSettings,
  type UsedStartStamps,
} from './bot-defence.ts';
import { planSubmission, type SubmissionInput } from './submission.ts';
import type { Confirmation, FormRecord, FormStore, FormVersion, PublicSender, SenderDirectory } from './types.ts';
import { newId as uuidV7 } from '../ids.ts';

/** CON-06: a confirmation link works this long. */
export const CONFIRM_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Published versions kept parsed in memory (versions never change, so the cache is always right). */
export const VERSION_CACHE_SIZE = 500;

export interface RequestContext {
  ip: string;
  userAgent: string;
}

export type SubmitResult =
  | { kind: 'accepted'; contactId: string; doubleOptIn: boolean; confirmationId: string | null }
  /** CON-11: a honeypot hit answers like a success and stores nothing. */
  | { kind: 'discarded' };

export interface ConfirmationView {
  status: 'pending' | 'confirmed';
  formName: string;
  listNames: string[];
  senderName: string;
  language: string;
}

export interface SignupDeps {
  store: FormStore;
  lists: Pick<ListService, 'get'>;
  contacts: Pick<ContactService, 'upsert'>;
  consent: Pick<ConsentService, 'record' | 'stateFor'>;
  systemMail: SystemMailSender;
  clock: Clock;
  secret: string;
  publicUrl: string;
  botDefence: BotDefenceSettings;
  /** CON-11: a start stamp buys one stored sign-up. */
  usedStartStamps: UsedStartStamps;
  /** ACC-09: a blocked or suspended account's forms collect nothing. */
  standing: AccountWriteGate;
  /** The account's name, privacy link and default phone country; absent: none of them. */
  senders?: SenderDirectory;
  newId?: () => string;
}

export function createSignup(deps: SignupDeps) {
  const newId = deps.newId ?? (() => uuidV7(deps.clock));
  const versions = new Map<string, FormVersion>();

  async function version(formId: string, n: number): Promise<FormVersion | null> {
    const key = `${formId}:${n}`;
    const hit = versions.get(key);
    if (hit) return hit;
    const v = await deps.store.getVersion(formId, n);
    if (v) {
      if (versions.size >= VERSION_CACHE_SIZE) versions.delete(versions.keys().next().value as string);
      versions.set(key, v);
    }
    return v;
  }

  /**
   * ACC-09: a blocked or suspended account takes no sign-up, confirmation or mail through its forms.
   * The visitor gets a neutral answer: why an account is blocked is not the public's business.
   * A standing that cannot be read fails closed (503 POLICY_UNAVAILABLE).
   */
  async function assertCollecting(accountId: string): Promise<void> {
    try {
      await deps.standing.assertWriteAllowed(accountId);
    } catch (err) {
      if (err instanceof AppError && err.kind === 'forbidden') throw notFound('FORM_UNAVAILABLE', 'This form is not available.');
      throw err;
    }
  }

  async function published(formId: string): Promise<{ form: FormRecord; version: FormVersion; sender: PublicSender | null }> {
    const form = await deps.store.getFormAnyAccount(formId);
    const v = form && form.publishedVersion !== null ? await version(formId, form.publishedVersion) : null;
    if (!form || !v) throw notFound('FORM_NOT_FOUND', 'This form does not exist or is not published.');
    await assertCollecting(form.accountId);
    const sender = deps.senders ? await deps.senders.senderFacts(form.accountId) : null;
    return { form, version: v, sender };
  }

  function confirmToken(id: string, issuedAt: Date): string {
    return signToken(deps.secret, 'confirm', [id, Math.floor(issuedAt.getTime() / 1000)]);
  }

  /** Verifies the token (constant time, SEC-02) and its age; the confirmation it names (v: null without a form). */
  async function confirmationFor(token: string): Promise<{ c: Confirmation; v: FormVersion | null }> {
    const check = verifyToken(deps.secret, 'confirm', token);
    if (!check.ok || typeof check.fields[0] !== 'string' || typeof check.fields[1] !== 'number') {
      throw invalid(
        'CONFIRM_TOKEN_INVALID',
        'This confirmation link is not valid. Copy the whole link from the mail, or sign up again.',
      );
    }
    const now = deps.clock.now();
    const c = await deps.store.getConfirmation(check.fields[0]);
    if (!c)
      throw invalid(
        'CONFIRM_TOKEN_INVALID',
        'This confirmation link is not valid. Copy the whole link from the mail, or sign up again.',
      );
    const expired = now.getTime() > check.fields[1] * 1000 + CONFIRM_TOKEN_TTL_MS || now.toISOString() > c.expiresAt;
    if (expired && !c.confirmedAt)
      throw invalid('CONFIRM_TOKEN_EXPIRED', 'This confirmation link has expired. Sign up again to get a new one.');
    if (c.formId === null || c.formVersion === null) return { c, v: null };
    const v = await version(c.formId, c.formVersion);
    if (!v) throw invalid('CONFIRM_TOKEN_INVALID', 'This confirmation link is not valid.');
    await assertCollecting(c.accountId);
    return { c, v };
  }

  async function listsOf(accountId: string, ids: string[]): Promise<List[]> {
    return Promise.all(ids.map((id) => deps.lists.get(accountId, id)));
  }

  function viewOf(c: Confirmation, v: FormVersion | null, lists: List[]): ConfirmationView {
    return {
      status: c.confirmedAt ? 'confirmed' : 'pending',
      formName: v?.definition.name ?? lists.map((l) => l.name).join(', '),
      listNames: lists.map((l) => l.name),
      senderName: lists[0]?.senderName ?? '',
      language: c.language,
    };
  }

  return {
    published,

    /**
     * CON-06 / CON-13: starts the double opt-in confirmation of consent that did not come from a
     * form (API consent on a double opt-in list): the same confirmation record, signed
     * single-use token, outbox mail and confirm page as a form sign-up. Call it inside the unit
     * of work that records the 'requested' events. Returns the confirmation id.
     */
    async requestConfirmation(r: {
      accountId: string;
      contactId: string;
      email: string;
      lists: { list: List; textShown: string }[];
      language: string;
    }): Promise<string> {
      const now = deps.clock.now();
      const id = newId();
      await deps.store.insertConfirmation({
        id,
        accountId: r.accountId,
        contactId: r.contactId,
        formId: null,
        formVersion: null,
        items: r.lists.map((l) => ({ listId: l.list.id, textShown: l.textShown })),
        language: r.language,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS).toISOString(),
        confirmedAt: null,
        confirmIp: null,
        confirmUserAgent: null,
      });
      const names = r.lists.map((l) => l.list.name);
      await deps.systemMail.enqueue({
        to: r.email,
        template: 'consent-confirm',
        data: {
          formName: names.join(', ').slice(0, 200),
          listNames: names,
          confirmUrl: `${deps.publicUrl}/confirm/${confirmToken(id, now)}`,
          senderName: r.lists[0]?.list.senderName ?? '',
        },
        language: r.language,
        accountId: r.accountId,
        category: 'critical',
      });
      return id;
    },

    async submit(formId: string, input: SubmissionInput, ctx: RequestContext): Promise<SubmitResult> {
      const { form, version: v, sender } = await published(formId);
      // A local number (no +country code) is read in the form's country, else the account's.
      const defaultCountry = v.definition.defaultCountry ?? sender?.defaultCountry ?? undefined;
      // CON-11: honeypot first, so a bot learns nothing from the other checks.
      if ((input.honeypot ?? '') !== '') return { kind: 'discarded' };
      const now = deps.clock.now();
      const { expiresAt } = checkStartStamp(deps.secret, deps.botDefence, formId, input.startStamp, now);
      const plan = planSubmission(v, input, defaultCountry);
      const accountId = form.accountId;
      const lists = await listsOf(
        accountId,
        plan.lists.map((b) => b.listId),
      );
      if (lists.some((l) => l.archivedAt)) throw notFound('FORM_NOT_FOUND', 'This form is not accepting sign-ups any more.');
      const language = v.definition.language;

      // --- writes start here: one unit of work, so a sign-up is stored whole or not at all ---
      const attributes: Record<string, unknown> = {};
      if (plan.firstName) attributes.first_name = plan.firstName;
      if (plan.lastName) attributes.last_name = plan.lastName;
      return deps.store.unitOfWork(async () => {
        // First write: a replayed page load stops here, and a failed sign-up does not spend it.
        const stamp = { stamp: input.startStamp ?? '', formId, expiresAt };
        await spendStartStamp(deps.usedStartStamps, deps.botDefence, stamp, now);
        const { contact, created } = await deps.contacts.upsert(
          accountId,
          { email: plan.email, phone: plan.phone, language, attributes },
          { origin: 'subject', defaultRegion: defaultCountry },
        );
        // Someone already active on a list keeps that state: a new sign-up (possibly by a third
        // party typing their address) must not turn them back into "pending".
        const active = new Set(
          created
            ? []
            : (await deps.consent.stateFor(accountId, contact.id)).filter((s) => s.status === 'active').map((s) => s.listId),
        );
        const submissionId = newId();
        const events: NewConsentEvent[] = [];
        const pending: { listId: string; boxKey: string }[] = [];
        plan.lists.forEach((box, i) => {
          const list = lists[i] as List;
          if (active.has(list.id)) return;
          const kind = list.doubleOptIn ? 'requested' : 'granted';
          if (kind === 'requested') pending.push({ listId: list.id, boxKey: box.key });
          events.push({
            contactId: contact.id,
            listId: list.id,
            channel: list.channel,
            kind,
            sourceType: 'form',
            sourceId: submissionId,
            formId,
            formVersion: v.version,
            textShown: box.text,
            partners: plan.partners,
            ip: ctx.ip,
            userAgent: ctx.userAgent,
            language,
            evidence: plan.termsAccepted && v.rendered.terms ? { termsAccepted: v.rendered.terms.text } : undefined,
          });
        });

        let confirmationId: string | null = null;
        if (pending.length > 0 && plan.email) {
          confirmationId = newId();
          await deps.store.insertConfirmation({
            id: confirmationId,
            accountId,
            contactId: contact.id,
            formId,
            formVersion: v.version,
            items: pending,
            language,
            createdAt: now.toISOString(),
            expiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS).toISOString(),
            confirmedAt: null,
            confirmIp: null,
            confirmUserAgent: null,
          });
          const pendingLists = lists.filter((l) => pending.some((p) => p.listId === l.id));
          // CON-06: the confirmation goes through the system-mail outbox like every platform mail.
          await deps.systemMail.enqueue({
            to: plan.email,
            template: 'consent-confirm',
            data: {
              formName: v.definition.name,
              listNames: pendingLists.map((l) => l.name),
              confirmUrl: `${deps.publicUrl}/confirm/${confirmToken(confirmationId, now)}`,
              senderName: pendingLists[0]?.senderName ?? '',
            },
            language,
            accountId,
            category: 'critical',
          });
        }
        // The consent append comes last: it takes the account's chain lock (PostgreSQL), which
        // then lasts only until the commit right after it.
        await deps.consent.record(accountId, events);
        const result: SubmitResult = { kind: 'accepted', contactId: contact.id, doubleOptIn: pending.length > 0, confirmationId };
        return result;
      });
    },

    /** GET /confirm/<token>: what the link is for. Changes nothing (mail scanners follow links). */
    async inspectConfirmation(token: string): Promise<ConfirmationView> {
      const { c, v } = await confirmationFor(token);
      return viewOf(
        c,
        v,
        await listsOf(
          c.accountId,
          c.items.map((i) => i.listId),
        ),
      );
    },

    /** POST /confirm/<token>: the single use of the token records 'confirmed' with time, IP and UA. */
    async confirm(token: string, ctx: RequestContext): Promise<ConfirmationView & { already: boolean }> {
      const { c, v } = await confirmationFor(token);
      const lists = await listsOf(
        c.accountId,
        c.items.map((i) => i.listId),
      );
      const at = deps.clock.now().toISOString();
      if (c.confirmedAt || !(await deps.store.markConfirmed(c.id, at, ctx.ip, ctx.userAgent))) {
        return { ...viewOf({ ...c, confirmedAt: c.confirmedAt ?? at }, v, lists), already: true };
      }
      const states = await deps.consent.stateFor(c.accountId, c.contactId);
      const stillPending = new Set(states.filter((s) => s.status === 'pending').map((s) => s.listId));
      const events: NewConsentEvent[] = [];
      c.items.forEach((item, i) => {
        const list = lists[i] as List;
        // Without a form (API consent, CON-13) the item carries the text the person was shown.
        const text = v ? v.rendered.boxes.find((b) => b.key === item.boxKey)?.text : item.textShown;
        // A list left (withdrawn) since the sign-up stays left: confirming revives nothing.
        if (!text || !stillPending.has(list.id)) return;
        events.push({
          contactId: c.contactId,
          listId: list.id,
          channel: list.channel,
          kind: 'confirmed',
          sourceType: v ? 'form' : 'api',
          sourceId: c.id,
          formId: c.formId,
          formVersion: c.formVersion,
          textShown: text,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          language: c.language,
          occurredAt: at,
          confirmedAt: at,
          confirmIp: ctx.ip,
          confirmUserAgent: ctx.userAgent,
        });
      });
      await deps.consent.record(c.accountId, events);
      return { ...viewOf({ ...c, confirmedAt: at }, v, lists), already: false };
    },
  };
}

export type Signup = ReturnType<typeof createSignup>;
export { HONEYPOT_FIELD };
