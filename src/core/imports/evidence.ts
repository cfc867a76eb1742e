// IMP-02: the consent evidence one row brings — purpose (the target lists), date and source of
// consent — from mapped columns or the file-level declaration. The evidence is kept exactly as
// claimed (raw strings) so the proof of opt-in shows what the customer said and when.
// CON-13: a claimed time after the import was made is not evidence of anything (the intake
// policy's time rule, src/core/consent/intake-policy.ts): such a row is kept without consent
// evidence (not sendable) and the claim is kept as written; within the clock-skew allowance
// it is recorded as the import time.
import { consentTimeAt } from '../consent/intake-policy.ts';
import type { MappedRow } from './mapping.ts';

export interface FileConsentDeclaration {
  /** A file-level consent date for rows without their own (ISO date or time), as claimed. */
  consentDate?: string | null;
  /** The declared import source ('signup-form' …) and its description. */
  source: string;
  sourceDescription?: string | null;
  /** When the import was made (ISO): no consent time may be later (CON-13). */
  importedAt: string;
}

export interface RowEvidence {
  /** What the customer claimed, key by key (Mailchimp names where they exist). */
  claimed: Record<string, string>;
  /** The consent time we record (ISO), or null when the row has none we can read. */
  optinAt: string | null;
  confirmAt: string | null;
  /** A date was given but could not be read. */
  unreadableDate: boolean;
  /** A date was given that lies after the import was made: not evidence (CON-13). */
  futureDate: boolean;
}

// "2019-03-14 10:22:33" (Mailchimp, UTC), ISO 8601 with or without zone, or a bare date.
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i;
// 14.03.2019 or 14/03/2019 [10:22[:33]] — day first, as Romanian exports write it.
const DMY_RE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Reads a claimed consent time; times without a zone are UTC (Mailchimp exports are UTC). */
export function parseClaimedTime(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = DATE_RE.exec(s);
  if (m) {
    const zone =
      m[7] && m[7].toUpperCase() !== 'UTC'
        ? m[7].toUpperCase() === 'Z'
          ? 'Z'
          : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
        : 'Z';
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
    const t = Date.parse(iso);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  m = DMY_RE.exec(s);
  if (m) {
    const t = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    const d = new Date(t);
    if (Number.isNaN(t) || d.getUTCDate() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1) return null;
    return d.toISOString();
  }
  return null;
}

/** The evidence of one row: its own columns first, the file-level declaration for the rest. */
export function rowEvidence(row: MappedRow, file: FileConsentDeclaration): RowEvidence {
  const claimed: Record<string, string> = {};
  if (row.optinTime) claimed.OPTIN_TIME = row.optinTime;
  if (row.optinIp) claimed.OPTIN_IP = row.optinIp;
  if (row.confirmTime) claimed.CONFIRM_TIME = row.confirmTime;
  if (row.confirmIp) claimed.CONFIRM_IP = row.confirmIp;
  if (row.consentSource) claimed.SOURCE = row.consentSource;
  const importedAt = new Date(file.importedAt);
  let futureDate = false;
  // A readable claim later than the import is refused as evidence; a slightly fast clock is clamped.
  const judged = (iso: string | null): string | null => {
    if (iso === null) return null;
    const r = consentTimeAt(iso, importedAt);
    if (r.ok) return r.at;
    futureDate = true;
    return null;
  };
  const optinRead = parseClaimedTime(row.optinTime);
  const confirmRead = parseClaimedTime(row.confirmTime);
  let unreadableDate = (!!row.optinTime && !optinRead) || (!!row.confirmTime && !confirmRead);
  let optinAt = judged(optinRead);
  let confirmAt = judged(confirmRead);
  if (!row.optinTime && !row.confirmTime && file.consentDate) {
    claimed.FILE_CONSENT_DATE = file.consentDate;
    const fileRead = parseClaimedTime(file.consentDate);
    unreadableDate = unreadableDate || !fileRead;
    optinAt = judged(fileRead);
  }
  // One future claim spoils the row's evidence: a confirmation "before" an opt-in in the future
  // is no more believable than the opt-in itself.
  if (futureDate) {
    optinAt = null;
    confirmAt = null;
  }
  return { claimed, optinAt: optinAt ?? confirmAt, confirmAt, unreadableDate, futureDate };
}

/** A row has consent evidence when it has a readable consent date (purpose and source come from the import). */
export function hasEvidence(e: RowEvidence): boolean {
  return e.optinAt !== null;
}
