// Shapes of the permission-core and imports API answers the web app reads (lists, contacts,
// consent, forms, imports). Mirrors src/server/routes/{lists,contacts,consent,forms,imports}.
// The domain's own types where the API answers with them unchanged: one definition, no copy.
export type { Channel, ConsentStatus, ConsentEvent, ConsentState } from '../../src/core/consent/types.ts';
export type { List } from '../../src/core/lists/types.ts';
/** DEL-01: every refusal reason the send gate can give. */
export { SEND_REFUSALS, type SendRefusal } from '../../src/core/gate/types.ts';
import type { Channel, ConsentEvent, ConsentState } from '../../src/core/consent/types.ts';
import type { SendRefusal } from '../../src/core/gate/types.ts';

export interface DryRunReport {
  listId: string;
  channel: Channel;
  total: number;
  allowed: number;
  refused: Record<SendRefusal, number>;
}

export interface Contact {
  id: string;
  email: string | null;
  phone: string | null;
  attributes: Record<string, unknown>;
  language: string | null;
  timeZone: string | null;
  createdAt: string;
  erasedAt: string | null;
}

export interface ContactPage {
  items: Contact[];
  next: string | null;
}

export interface ContactDetail {
  contact: Contact;
  consent: ConsentState[];
}

/** The proof-of-opt-in bundle (CON-09): the UI reads its events; the file itself is downloaded as is. */
export interface ProofBundle {
  contactId: string;
  chainHead: { seq: number; hash: string };
  events: ConsentEvent[];
  bundleHash: string;
}

// ---- forms (src/core/forms/definition.ts) ----
export const FIELD_KEYS = ['email', 'phone', 'first_name', 'last_name'] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];
export const PURPOSE_PARTS = ['sender', 'kind', 'purpose', 'channel', 'frequency', 'withdraw'] as const;
export type PurposePart = (typeof PURPOSE_PARTS)[number];
/** CON-05: at most this many co-registration partners on one form. */
export const MAX_CO_REGISTRATION_PARTNERS = 10;

export interface FormDefinition {
  name: string;
  language: 'en' | 'ro';
  defaultCountry?: string;
  fields: Array<{ key: FieldKey; required?: boolean; label?: string }>;
  consentBoxes: Array<{
    key?: string;
    listIds: string[];
    label?: string;
    purpose?: Partial<Record<PurposePart, string>>;
    sms?: { programName?: string; frequency?: string };
  }>;
  termsBox?: { label: string; url?: string };
  partners: Array<{ name?: string; purposeText?: string }>;
  intro?: string;
}

export interface FormSummary {
  id: string;
  name: string;
  latestVersion: number;
  publishedVersion: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FormVersion {
  version: number;
  definition: FormDefinition;
  rendered: {
    boxes: Array<{ key: string; listId: string; channel: Channel; text: string; textHash: string }>;
    partners: Array<{ key: string; name: string; text: string; textHash: string }>;
    terms: { key: 'terms'; text: string; url: string | null } | null;
  };
  createdAt: string;
  createdBy: string | null;
}

export interface FormProblem {
  code: string;
  message: string;
  path: string;
}

export interface FormView {
  form: FormSummary;
  latest: FormVersion;
  published: FormVersion | null;
  problems: FormProblem[];
  publicUrl: string;
}

// ---- imports (src/server/routes/imports/shapes.ts) ----
export const IMPORT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'phone',
  'language',
  'optinTime',
  'optinIp',
  'confirmTime',
  'confirmIp',
  'consentSource',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportStatus = 'uploaded' | 'processing' | 'held' | 'approved' | 'rejected' | 'completed' | 'failed';

export interface ImportPreview {
  encoding: string;
  delimiter: string;
  header: string[];
  hasHeader: boolean;
  mapping: Partial<Record<ImportField, string>>;
  rows: string[][];
}

export interface ImportView {
  id: string;
  status: ImportStatus;
  fileName: string | null;
  fileSha256: string;
  fileBytes: number;
  source: string;
  sourceDescription: string | null;
  attestation: { attested: boolean; at: string; text: string; version: number };
  listIds: string[];
  mapping: Record<string, string> | null;
  encoding: string | null;
  delimiter: string | null;
  totalRows: number | null;
  rowsRead: number;
  imported: number;
  quarantined: number;
  rejected: number;
  withoutEvidence: number;
  riskScore: number | null;
  holdReasons: string[] | null;
  error: { code: string; message: string; details?: Record<string, unknown> } | null;
  review: { decision: 'approved' | 'rejected'; reason: string | null; at: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface ForensicReport {
  score: number;
  reasons: Array<{ reason: string; weight: number; measure: number; points: number; detail: string }>;
  stats: Record<string, number | string | null>;
  samples: Record<string, Array<{ rowNumber: number; email: string; note?: string }>>;
}

export interface ReviewQueueItem extends ImportView {
  accountId: string;
  forensics: ForensicReport | null;
  history: Array<{ id: string; status: string; rowsRead: number; createdAt: string; riskScore: number | null }>;
}
