// CON-13: the one intake policy for consent that does not come from a form sign-up (API now;
// operator and SMS keyword go through it too). Forms and imports meet the same rules in their
// own flows: the ledger refuses future times and foreign form ids for every path (ledger.ts),
// imports declare and attest their source (imports/provenance.ts) and are held by volume
// (imports/processor.ts). Here API consent gets the same:
// - the source is declared from the import catalogue and attested (refused sources refused the
//   same way, 422 IMPORT_SOURCE_REFUSED);
// - on a double opt-in list it starts a confirmation (state pending, the confirmation mail of the
//   forms' double opt-in) unless the caller brings the confirmation evidence (time and IP);
// - grants of one account within a rolling window count together against the import review
//   threshold; past it they are held (gate: list-unapproved) in a review batch that is an
//   import record in the operators' review queue, approved or rejected like an import;
// - a per-account rate limit (429 CONSENT_RATE_LIMITED).
import { IMPORT_REVIEW_ROW_THRESHOLD } from '../../../policy/imports.ts';
import type { AuditLog } from '../audit/types.ts';
import type { ContactService } from '../contacts/service.ts';
import { invalid, rateLimited } from '../errors.ts';
import type { FormsService } from '../forms/service.ts';
import { newId as uuidV7 } from '../ids.ts';
import { holdingConsent } from '../imports/processor.ts';
import { checkDeclaration, type Attester, type Declaration } from '../imports/provenance.ts';
import type { ImportRecord, ImportStore } from '../imports/types.ts';
import type { ListService } from '../lists/service.ts';
import type { Clock } from '../ports.ts';
import { checkConsentTime } from './intake-policy.ts';
import type { ConsentStore } from './store.ts';
import type { ConsentEvent, ConsentStatus, NewConsentEvent } from './types.ts';

/** Consent writes one account may make through the API per minute (CON-13). */
export const API_CONSENT_WRITES_PER_MINUTE = 600;
const RATE_WINDOW_MS = 60_000;
/** API grants of one account within this window count together against the review threshold (IMP-05). */
export const API_INTAKE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The review threshold for API intake: the import one (policy/imports.ts). */
export const API_INTAKE_REVIEW_THRESHOLD = IMPORT_REVIEW_ROW_THRESHOLD;
/** The hold reason an API review batch carries. */
export const API_VOLUME_HOLD_REASON = 'api-volume';

export interface IntakeLogRow {
  id: string;
  accountId: string;
  recordedAt: string;
  contactId: string;
  listId: string;
  sourceId: string | null;
  batchId: string | null;
}

/** The intake log's store port (src/db/repositories/consent-intake.ts). */
export interface IntakeStore {
  /** One transaction; consent appends, confirmations and mail inside it join it. */
  unitOfWork<T>(fn: () => Promise<T>): Promise<T>;
  /** Inside a unit: takes the account's consent chain lock (the one every append takes). */
  lockAccount(accountId: string): Promise<void>;
  /** API intakes of the account recorded after `since` (all, for the rate limit). */
  countSince(accountId: string, since: string): Promise<number>;
  /** API intakes recorded after `since` that are in no review batch. */
  countUnbatchedSince(accountId: string, since: string): Promise<number>;
  /** The account's API review batch still waiting for review, with its intake count. */
  openBatch(accountId: string): Promise<{ id: string; count: number } | null>;
  /**
   * Puts the unbatched intakes recorded after `since` into the batch: their consent rows (not
   * withdrawn, not held by anything else) get `hold = batchId`. Returns the intakes moved.
   */
  holdUnbatched(accountId: string, batchId: string, since: string): Promise<number>;
  insert(row: IntakeLogRow): Promise<void>;
}

export interface ApiConsentInput {
  accountId: string;
  contactId: string;
  listId: string;
  textShown: string;
  declaration: Declaration;
  /** Who attests (the user or API key) and from where. */
  who: Attester;
  /** 'user:<id>' or 'api-key:<id>': the ledger's source id. */
  sourceId: string;
  occurredAt: string;
  ip?: string | null;
  userAgent?: string | null;
  language?: string | null;
  partners?: string[];
  formId?: string | null;
  formVersion?: number | null;
  /** Confirmation evidence (like CONFIRM_TIME / CONFIRM_IP): both or neither. */
  confirmedAt?: string | null;
  confirmIp?: string | null;
  confirmUserAgent?: string | null;
}

export interface ApiConsentResult {
  events: ConsentEvent[];
  status: ConsentStatus;
  /** The double opt-in confirmation started (its mail queued), or null. */
  confirmationId: string | null;
  /** The review batch holding this consent (gate: list-unapproved), or null. */
  heldFor: string | null;
}

export interface IntakeDeps {
  store: IntakeStore;
  consentStore: ConsentStore;
  imports: Pick<ImportStore, 'insert' | 'update' | 'commitBatch'>;
  lists: Pick<ListService, 'get'>;
  contacts: Pick<ContactService, 'get'>;
  confirmations: Pick<FormsService, 'requestConfirmation'>;
  audit: AuditLog;
  clock: Clock;
  newId?: () => string;
}

export type ConsentIntake = ReturnType<typeof createConsentIntake>;

const counted = (n: number) => ({ rowsRead: n, imported: n, quarantined: 0, rejected: 0, withoutEvidence: 0 });

export function createConsentIntake(deps: IntakeDeps) {
  const newId = deps.newId ?? (() => uuidV7(deps.clock));

  /** Opens a held review batch (an import record in the review queue) for the account's API intake. */
  async function openReviewBatch(input: ApiConsentInput, declared: ReturnType<typeof checkDeclaration>, count: number) {
    const now = deps.clock.now().toISOString();
    const id = newId();
    const rec: ImportRecord = {
      id,
      accountId: input.accountId,
      status: 'held',
      phase: 'done',
      fileName: `API consent, ${now.slice(0, 10)}`,
      fileSha256: '',
      fileBytes: 0,
      source: declared.source,
      sourceDescription: declared.sourceDescription,
      attestation: declared.attestation,
      listIds: [input.listId],
      mapping: null,
      encoding: null,
      delimiter: null,
      consentDate: null,
      rowsRead: 0,
      imported: 0,
      quarantined: 0,
      rejected: 0,
      withoutEvidence: 0,
      totalRows: count,
      lastCommittedRow: 0,
      riskScore: null,
      forensics: null,
      holdReasons: [
        `${API_VOLUME_HOLD_REASON}: ${count} consents recorded through the API within ${API_INTAKE_WINDOW_MS / 3_600_000} h (review threshold ${API_INTAKE_REVIEW_THRESHOLD})`,
      ],
      error: null,
      reviewReason: null,
      reviewedBy: null,
      reviewedAt: null,
      createdBy: input.who.userId,
      createdAt: now,
      updatedAt: now,
    };
    await deps.imports.insert(rec);
    // The store's insert takes the declaration; the hold and its reasons are set like an analysed import's.
    await deps.imports.update(id, { status: 'held', phase: 'done', holdReasons: rec.holdReasons, updatedAt: now });
    await deps.audit.append({
      actor: input.who.userId ? { type: 'user', id: input.who.userId } : { type: 'system', id: 'consent-intake' },
      accountId: input.accountId,
      action: 'import.held',
      reason: rec.holdReasons![0]!,
      rule: 'IMP-05',
      details: { importId: id, source: declared.source, origin: 'api' },
    });
    return id;
  }

  return {
    /** POST /contacts/:id/consent: everything is checked before the first write; all writes are one unit. */
    async recordApiConsent(input: ApiConsentInput): Promise<ApiConsentResult> {
      const clockNow = deps.clock.now();
      const now = clockNow.toISOString();
      const declared = checkDeclaration(input.declaration, input.who);
      const occurredAt = checkConsentTime('occurredAt', input.occurredAt, clockNow);
      const hasConfirm = input.confirmedAt != null || input.confirmIp != null;
      if (hasConfirm && (input.confirmedAt == null || !input.confirmIp))
        throw invalid(
          'CONSENT_CONFIRMATION_INCOMPLETE',
          'Confirmation evidence needs both confirmedAt and confirmIp (like CONFIRM_TIME and CONFIRM_IP).',
        );
      const confirmedAt = input.confirmedAt ? checkConsentTime('confirmedAt', input.confirmedAt, clockNow) : null;
      if (confirmedAt && confirmedAt < occurredAt)
        throw invalid(
          'CONSENT_CONFIRMATION_INCOMPLETE',
          'confirmedAt is earlier than occurredAt: a confirmation follows the sign-up.',
        );
      const list = await deps.lists.get(input.accountId, input.listId);
      const contact = await deps.contacts.get(input.accountId, input.contactId);
      const needsMail = list.doubleOptIn && !confirmedAt;
      if (needsMail && (list.channel !== 'email' || !contact.email))
        throw invalid(
          'CONSENT_CONFIRMATION_INCOMPLETE',
          'This list asks for double opt-in and the confirmation goes by email: give confirmedAt and confirmIp, or record consent for a contact with an email address.',
        );

      const base: NewConsentEvent = {
        contactId: contact.id,
        listId: list.id,
        channel: list.channel,
        kind: 'granted',
        sourceType: 'api',
        sourceId: input.sourceId,
        formId: input.formId ?? null,
        formVersion: input.formVersion ?? null,
        textShown: input.textShown,
        partners: input.partners,
        ip: input.ip ?? null,
        userAgent: input.userAgent ?? null,
        language: input.language ?? null,
        occurredAt,
        evidence: {
          source: declared.source,
          ...(declared.sourceDescription ? { sourceDescription: declared.sourceDescription } : {}),
          attestation: { version: declared.attestation.version, at: declared.attestation.at },
        },
      };
      let events: NewConsentEvent[];
      if (!list.doubleOptIn) events = [base];
      else if (confirmedAt)
        events = [
          { ...base, kind: 'requested' },
          {
            ...base,
            kind: 'confirmed',
            occurredAt: confirmedAt,
            confirmedAt,
            confirmIp: input.confirmIp ?? null,
            confirmUserAgent: input.confirmUserAgent ?? null,
          },
        ];
      else events = [{ ...base, kind: 'requested' }];

      return deps.store.unitOfWork(async () => {
        await deps.store.lockAccount(input.accountId);
        const recent = await deps.store.countSince(input.accountId, new Date(clockNow.getTime() - RATE_WINDOW_MS).toISOString());
        if (recent >= API_CONSENT_WRITES_PER_MINUTE)
          throw rateLimited(
            'CONSENT_RATE_LIMITED',
            `At most ${API_CONSENT_WRITES_PER_MINUTE} consents per minute through the API; try again in a minute.`,
            { limit: API_CONSENT_WRITES_PER_MINUTE, retryAfterSeconds: RATE_WINDOW_MS / 1000 },
          );
        // IMP-05 by volume: an open batch takes every new intake; otherwise the window's intakes
        // count together and the one past the threshold opens a batch holding them all.
        let batch = await deps.store.openBatch(input.accountId);
        const since = new Date(clockNow.getTime() - API_INTAKE_WINDOW_MS).toISOString();
        if (!batch) {
          const inWindow = (await deps.store.countUnbatchedSince(input.accountId, since)) + 1;
          if (inWindow > API_INTAKE_REVIEW_THRESHOLD) {
            const id = await openReviewBatch(input, declared, inWindow);
            const moved = await deps.store.holdUnbatched(input.accountId, id, since);
            await deps.imports.commitBatch(id, [], counted(moved), 0, now);
            batch = { id, count: moved };
          }
        }
        const heldFor = batch?.id ?? null;
        const consent = holdingConsent(deps.consentStore, deps.clock, heldFor);
        let confirmationId: string | null = null;
        const active = (await consent.stateFor(input.accountId, contact.id)).some(
          (s) => s.listId === list.id && s.status === 'active',
        );
        if (needsMail && !active) {
          confirmationId = await deps.confirmations.requestConfirmation({
            accountId: input.accountId,
            contactId: contact.id,
            email: contact.email!,
            lists: [{ list, textShown: input.textShown }],
            language: input.language ?? contact.language ?? 'en',
          });
        }
        const recorded = await consent.record(input.accountId, events);
        await deps.store.insert({
          id: newId(),
          accountId: input.accountId,
          recordedAt: now,
          contactId: contact.id,
          listId: list.id,
          sourceId: input.sourceId,
          batchId: heldFor,
        });
        // The batch counts its intakes like an import counts its rows (the reviewer's figure).
        if (batch) await deps.imports.commitBatch(batch.id, [], counted(1), 0, now);
        const state = (await consent.stateFor(input.accountId, contact.id)).find((s) => s.listId === list.id);
        return { events: recorded, status: state?.status ?? 'pending', confirmationId, heldFor };
      });
    },
  };
}
