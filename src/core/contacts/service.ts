// Contacts: people an account may (or may not yet) write to. Adding a contact never adds
// consent (CON-10): consent comes only from the consent ledger.
import type { CountryCode } from 'libphonenumber-js';
import type { ConsentService } from '../consent/ledger.ts';
import { conflict, invalid, notFound, unprocessable } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { addressHash, normalizeEmail, normalizePhone } from '../suppression/address.ts';
import type { SuppressionService } from '../suppression/service.ts';
import type { ConsentState } from '../consent/types.ts';
import {
  CONTACT_STATUSES,
  type Attributes,
  type Contact,
  type ContactExport,
  type ContactInput,
  type ContactListStatus,
  type ContactListPage,
  type ContactRecord,
  type ContactRow,
  type ContactSearch,
  type ContactSource,
  type ContactStatus,
  type ContactStore,
  type ContactTimeline,
  type UpsertOptions,
} from './types.ts';
import { newId as uuidV7 } from '../ids.ts';

export const MAX_ATTRIBUTES_JSON_BYTES = 16 * 1024;
export const MAX_ATTRIBUTE_KEYS = 100;
export const MAX_LANGUAGE_LENGTH = 35; // BCP 47 tags stay far below this
export const MAX_TIME_ZONE_LENGTH = 64;
export const CONTACT_PAGE_MAX = 500;
/** The page-size cap of GET /contacts (kept at the cap the route always had, for old clients). */
export const MAX_CONTACTS_PAGE = CONTACT_PAGE_MAX;
export const DEFAULT_CONTACTS_PAGE = 100;
/** Longest search text accepted: longer never matches an address usefully and only costs. */
export const MAX_CONTACT_SEARCH_LENGTH = 100;

/** Most contacts one bulk call (withdraw, erase) takes: a page of the table at most. */
export const MAX_CONTACTS_BULK = MAX_CONTACTS_PAGE;
/** Rows read per query while a CSV export streams. */
const EXPORT_PAGE = MAX_CONTACTS_PAGE;

export interface ContactListOptions {
  after?: string;
  limit?: number;
  /** Address (email or phone) or name, case-insensitive: prefix, and substring from 3 characters. */
  q?: string;
  listId?: string;
  status?: ContactStatus;
  /** Only contacts who gave consent (on listId, when set) through this source. */
  source?: ContactSource;
}

export interface ContactService {
  /** Finds the contact by email or phone, or creates it. Never touches consent (CON-10). */
  upsert(accountId: string, input: ContactInput, options?: UpsertOptions): Promise<{ contact: Contact; created: boolean }>;
  /** Throws CONTACT_NOT_FOUND (404) for an unknown id or another account's. */
  get(accountId: string, id: string): Promise<Contact>;
  findByAddress(accountId: string, by: { email?: string; phone?: string }): Promise<Contact | null>;
  /** Keyset pages (by id) with search, list/status filters and the totals of the filter. */
  list(accountId: string, options?: ContactListOptions): Promise<ContactListPage>;
  /** The totals line alone: contacts matching q and listId, per status (the lists screen's counts). */
  totals(
    accountId: string,
    options?: Pick<ContactListOptions, 'q' | 'listId' | 'source'>,
  ): Promise<Record<ContactStatus, number>>;
  /** The contacts matching the filter (q, listId, status) as CSV lines, streamed page by page. */
  exportCsv(accountId: string, options?: Omit<ContactListOptions, 'after' | 'limit'>): Promise<AsyncIterable<string>>;
  /** Withdraws consent on one list for these contacts (new 'withdrawn' events); never subscribes. */
  withdrawMany(
    accountId: string,
    contactIds: string[],
    listId: string,
    actor: { sourceId: string | null },
  ): Promise<{ withdrawn: number }>;
  /** Data-subject erasure of each of these contacts (see erase). */
  eraseMany(accountId: string, contactIds: string[], actor: { sourceId: string | null }): Promise<{ erased: number }>;
  /** Every consent ledger event of the contact, and the suppressions of its addresses. */
  timeline(accountId: string, id: string): Promise<ContactTimeline>;
  /** Merges attributes; a null value removes that key. Also language / time zone. */
  update(
    accountId: string,
    id: string,
    patch: { attributes?: Attributes; language?: string | null; timeZone?: string | null },
  ): Promise<Contact>;
  /** Data-subject erasure (GDPR Art. 17): see CONTEXT.md. */
  erase(accountId: string, id: string, actor: { sourceId: string | null }): Promise<void>;
  /** Data-subject access (GDPR Art. 15): everything held about the contact. */
  exportAll(accountId: string, id: string): Promise<ContactExport>;
}

export interface ContactDeps {
  store: ContactStore;
  consent: ConsentService;
  suppression: SuppressionService;
  clock: Clock;
  newId?: () => string;
}

const strip = (r: ContactRecord): Contact => {
  const { emailHash: _e, phoneHash: _p, ...contact } = r;
  return contact;
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The display name: firstName/lastName (imports), first_name/last_name (forms), or name. */
export function contactName(attributes: Attributes): string | null {
  const first = text(attributes.firstName) ?? text(attributes.first_name);
  const last = text(attributes.lastName) ?? text(attributes.last_name);
  const full = [first, last].filter((x) => x !== null).join(' ');
  return full || text(attributes.name);
}

/** One list's status, with the precedence of ContactStatus. */
export function listStatus(state: ConsentState, suppressed: boolean): ContactStatus {
  if (suppressed) return 'suppressed';
  if (state.status === 'withdrawn') return 'withdrawn';
  if (state.hold !== null) return 'held';
  return state.status;
}

/** RFC 4180 cell; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
function csvCell(v: string): string {
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function emptyTotals(): Record<ContactStatus, number> {
  return Object.fromEntries(CONTACT_STATUSES.map((s) => [s, 0])) as Record<ContactStatus, number>;
}

/** Validates and normalises contact fields; field-level errors (400 VALIDATION_FAILED). */
export function normalizeContactInput(
  input: ContactInput,
  defaultRegion?: string,
): { email: string | null; phone: string | null } {
  const fields: Record<string, string> = {};
  const email = input.email ? normalizeEmail(input.email) : null;
  if (input.email && !email) fields.email = 'not a valid email address';
  const phone = input.phone ? normalizePhone(input.phone, defaultRegion as CountryCode | undefined) : null;
  if (input.phone && !phone) fields.phone = 'not a valid phone number (use international format, e.g. +49 30 1234567)';
  if (!input.email && !input.phone) fields.email = 'an email address or a phone number is required';
  if (input.language && input.language.length > MAX_LANGUAGE_LENGTH) fields.language = 'too long';
  if (input.timeZone && input.timeZone.length > MAX_TIME_ZONE_LENGTH) fields.timeZone = 'too long';
  if (input.attributes) checkAttributes(input.attributes, fields);
  if (Object.keys(fields).length > 0) throw invalid('VALIDATION_FAILED', 'Some contact fields are not valid.', { fields });
  return { email, phone };
}

function checkAttributes(attributes: Attributes, fields: Record<string, string>): void {
  if (Object.keys(attributes).length > MAX_ATTRIBUTE_KEYS) fields.attributes = `at most ${MAX_ATTRIBUTE_KEYS} keys`;
  else if (Buffer.byteLength(JSON.stringify(attributes)) > MAX_ATTRIBUTES_JSON_BYTES)
    fields.attributes = `at most ${MAX_ATTRIBUTES_JSON_BYTES} bytes`;
}

export function createContactService(deps: ContactDeps): ContactService {
  const newId = deps.newId ?? (() => uuidV7(deps.clock));

  async function getRecord(accountId: string, id: string): Promise<ContactRecord> {
    const r = await deps.store.get(accountId, id);
    if (!r) throw notFound('CONTACT_NOT_FOUND', 'No such contact in this account.');
    return r;
  }

  async function upsert(
    accountId: string,
    input: ContactInput,
    options: UpsertOptions = {},
  ): Promise<{ contact: Contact; created: boolean }> {
    const { email, phone } = normalizeContactInput(input, options.defaultRegion);
    const emailHash = email ? addressHash(email) : null;
    const phoneHash = phone ? addressHash(phone) : null;
    const hashes = [emailHash, phoneHash].filter((h): h is string => h !== null);
    const erased = (await deps.suppression.entriesFor(accountId, hashes)).filter(
      (e) => e.reason === 'erased' && e.accountId === accountId,
    );
    if (erased.length > 0) {
      if (options.origin !== 'subject') {
        throw unprocessable(
          'ADDRESS_ERASED',
          "This address was erased at the person's request and cannot be added again, except by the person signing up themselves.",
        );
      }
      for (const e of erased) await deps.suppression.remove(accountId, e.addressHash, 'erased');
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const found = await deps.store.findByAddress(accountId, { email, phone });
      const existing = found.find((r) => email !== null && r.email === email) ?? found[0];
      if (existing) {
        // Fill only what is missing: a sign-up must not overwrite what the account already holds
        // (anyone can type someone else's address into a form).
        const patch: Partial<ContactRecord> = {};
        const phoneTaken = found.some((r) => r.id !== existing.id && r.phone === phone);
        if (!existing.email && email) Object.assign(patch, { email, emailHash });
        if (!existing.phone && phone && !phoneTaken) Object.assign(patch, { phone, phoneHash });
        if (!existing.language && input.language) patch.language = input.language;
        if (!existing.timeZone && input.timeZone) patch.timeZone = input.timeZone;
        const added = Object.entries(input.attributes ?? {}).filter(([k]) => !(k in existing.attributes));
        if (added.length > 0) patch.attributes = { ...existing.attributes, ...Object.fromEntries(added) };
        if (Object.keys(patch).length > 0) {
          await deps.store.update(accountId, existing.id, patch);
          return { contact: strip({ ...existing, ...patch }), created: false };
        }
        return { contact: strip(existing), created: false };
      }
      const record: ContactRecord = {
        id: newId(),
        accountId,
        email,
        phone,
        emailHash,
        phoneHash,
        attributes: input.attributes ?? {},
        language: input.language ?? null,
        timeZone: input.timeZone ?? null,
        createdAt: deps.clock.now().toISOString(),
        erasedAt: null,
      };
      // false = a concurrent insert won the unique (account, email|phone): read it back.
      if (await deps.store.insert(record)) return { contact: strip(record), created: true };
    }
    throw conflict('CONTACT_CONFLICT', 'The contact changed while it was being saved; try again.');
  }

  /** The normalised search text and the filtered list (LIST_NOT_FOUND when not the account's). */
  async function filterOf(
    accountId: string,
    options: Pick<ContactListOptions, 'q' | 'listId' | 'source'>,
  ): Promise<Pick<ContactSearch, 'q' | 'list' | 'source'>> {
    const q = options.q?.trim().toLowerCase().slice(0, MAX_CONTACT_SEARCH_LENGTH) || undefined;
    const source = options.source;
    if (!options.listId) return { q, source };
    const channel = await deps.store.listChannel(accountId, options.listId);
    if (!channel) throw notFound('LIST_NOT_FOUND', 'No such list in this account.');
    return { q, list: { id: options.listId, channel }, source };
  }

  /** The ids, deduplicated and bounded; every one must be the account's (CONTACT_NOT_FOUND otherwise). */
  async function ownIds(accountId: string, contactIds: string[]): Promise<string[]> {
    const ids = [...new Set(contactIds)];
    if (ids.length > MAX_CONTACTS_BULK) throw invalid('BATCH_TOO_LARGE', `At most ${MAX_CONTACTS_BULK} contacts at once.`);
    for (const id of ids) await getRecord(accountId, id);
    return ids;
  }

  /** The page's rows with name and per-list statuses: one query for states, one for suppressions. */
  async function withLists(accountId: string, rows: Array<ContactRecord & { status: ContactStatus }>): Promise<ContactRow[]> {
    const hashes = rows.flatMap((r) => [r.emailHash, r.phoneHash]).filter((h): h is string => h !== null);
    const [states, suppressions] = await Promise.all([
      rows.length > 0
        ? deps.store.statesFor(
            accountId,
            rows.map((r) => r.id),
          )
        : Promise.resolve([]),
      deps.suppression.entriesFor(accountId, hashes),
    ]);
    const suppressed = new Set(suppressions.map((e) => e.addressHash));
    const byContact = new Map<string, ConsentState[]>();
    for (const st of states) byContact.set(st.contactId, [...(byContact.get(st.contactId) ?? []), st]);
    return rows.map(({ status, ...r }) => {
      const lists: ContactListStatus[] = (byContact.get(r.id) ?? [])
        .sort((a, b) => (a.listId < b.listId ? -1 : 1))
        .map((st) => {
          const hash = st.channel === 'sms' ? r.phoneHash : r.emailHash;
          return { listId: st.listId, channel: st.channel, status: listStatus(st, hash !== null && suppressed.has(hash)) };
        });
      return { ...strip(r), name: contactName(r.attributes), status, lists };
    });
  }

  const service: ContactService = {
    upsert,
    get: async (accountId, id) => strip(await getRecord(accountId, id)),
    async findByAddress(accountId, by) {
      const email = by.email ? normalizeEmail(by.email) : null;
      const phone = by.phone ? normalizePhone(by.phone) : null;
      if (!email && !phone) return null;
      const found = await deps.store.findByAddress(accountId, { email, phone });
      return found[0] ? strip(found[0]) : null;
    },
    async list(accountId, options = {}) {
      const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_CONTACTS_PAGE, MAX_CONTACTS_PAGE));
      const filter = await filterOf(accountId, options);
      const [rows, counts] = await Promise.all([
        deps.store.search(accountId, { ...filter, status: options.status, after: options.after, limit: limit + 1 }),
        deps.store.countByStatus(accountId, filter),
      ]);
      const page = rows.slice(0, limit);
      const items = await withLists(accountId, page);
      const totals = { ...emptyTotals(), ...counts };
      const total = options.status ? totals[options.status] : Object.values(totals).reduce((a, b) => a + b, 0);
      return { items, next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null, total, totals };
    },
    async totals(accountId, options = {}) {
      return { ...emptyTotals(), ...(await deps.store.countByStatus(accountId, await filterOf(accountId, options))) };
    },
    async exportCsv(accountId, options = {}) {
      const filter = await filterOf(accountId, options);
      const status = options.status;
      async function* lines(): AsyncGenerator<string> {
        yield 'email,phone,name,status,lists,added\r\n';
        let after: string | undefined;
        for (;;) {
          const rows = await deps.store.search(accountId, { ...filter, status, after, limit: EXPORT_PAGE });
          if (rows.length === 0) return;
          const page = await withLists(accountId, rows);
          yield (
            page
              .map((c) =>
                [
                  c.email ?? '',
                  c.phone ?? '',
                  c.name ?? '',
                  c.status,
                  c.lists.map((l) => `${l.listId}:${l.status}`).join(' '),
                  c.createdAt,
                ]
                  .map(csvCell)
                  .join(','),
              )
              .join('\r\n') + '\r\n'
          );
          if (rows.length < EXPORT_PAGE) return;
          after = rows[rows.length - 1]!.id;
        }
      }
      return lines();
    },
    async withdrawMany(accountId, contactIds, listId, actor) {
      const ids = await ownIds(accountId, contactIds);
      if (!(await deps.store.listChannel(accountId, listId))) throw notFound('LIST_NOT_FOUND', 'No such list in this account.');
      let withdrawn = 0;
      for (const id of ids) {
        const events = await deps.consent.withdraw(accountId, id, [listId], {
          sourceType: 'api',
          sourceId: actor.sourceId,
          textShown: '',
          evidence: { bulk: true },
        });
        withdrawn += events.length;
      }
      return { withdrawn };
    },
    async eraseMany(accountId, contactIds, actor) {
      const ids = await ownIds(accountId, contactIds);
      for (const id of ids) await service.erase(accountId, id, actor);
      return { erased: ids.length };
    },
    async timeline(accountId, id) {
      const record = await getRecord(accountId, id);
      const hashes = [record.emailHash, record.phoneHash].filter((h): h is string => h !== null);
      const [events, suppressions] = await Promise.all([
        deps.consent.eventsFor(accountId, id),
        deps.suppression.entriesFor(accountId, hashes),
      ]);
      return { events, suppressions };
    },
    async update(accountId, id, patch) {
      const current = await getRecord(accountId, id);
      if (current.erasedAt) throw conflict('CONTACT_ERASED', 'This contact was erased.');
      const fields: Record<string, string> = {};
      const next: Partial<ContactRecord> = {};
      if (patch.attributes) {
        const merged: Attributes = { ...current.attributes };
        for (const [k, v] of Object.entries(patch.attributes)) {
          if (v === null) delete merged[k];
          else merged[k] = v;
        }
        checkAttributes(merged, fields);
        next.attributes = merged;
      }
      if (patch.language !== undefined) {
        if (patch.language && patch.language.length > MAX_LANGUAGE_LENGTH) fields.language = 'too long';
        next.language = patch.language;
      }
      if (patch.timeZone !== undefined) {
        if (patch.timeZone && patch.timeZone.length > MAX_TIME_ZONE_LENGTH) fields.timeZone = 'too long';
        next.timeZone = patch.timeZone;
      }
      if (Object.keys(fields).length > 0) throw invalid('VALIDATION_FAILED', 'Some contact fields are not valid.', { fields });
      if (Object.keys(next).length > 0) await deps.store.update(accountId, id, next);
      return strip({ ...current, ...next });
    },
    async erase(accountId, id, actor) {
      const current = await getRecord(accountId, id);
      if (current.erasedAt) return;
      // 1. Consent ends: a 'withdrawn' event (source 'erasure') per open consent. The ledger keeps
      //    its rows and hashes, so the chain still verifies (CON-08).
      await deps.consent.withdraw(accountId, id, 'all', { sourceType: 'erasure', sourceId: actor.sourceId, textShown: '' });
      // 2. Hashed tombstones so a later import cannot bring the address back.
      for (const h of [current.emailHash, current.phoneHash]) if (h) await deps.suppression.addHash(accountId, h, 'erased');
      // 3. Personal fields removed from the contact row.
      await deps.store.update(accountId, id, {
        email: null,
        phone: null,
        emailHash: null,
        phoneHash: null,
        attributes: {},
        language: null,
        timeZone: null,
        erasedAt: deps.clock.now().toISOString(),
      });
    },
    async exportAll(accountId, id) {
      const record = await getRecord(accountId, id);
      const hashes = [record.emailHash, record.phoneHash].filter((h): h is string => h !== null);
      const [consentStates, consentEvents, suppressions] = await Promise.all([
        deps.consent.stateFor(accountId, id),
        deps.consent.eventsFor(accountId, id),
        deps.suppression.entriesFor(accountId, hashes),
      ]);
      return { contact: strip(record), consentStates, consentEvents, suppressions, exportedAt: deps.clock.now().toISOString() };
    },
  };
  return service;
}
