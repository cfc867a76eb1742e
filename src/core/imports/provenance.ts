// IMP-01: every import declares where its addresses came from and the customer attests, as a
// separate box, that none was bought, rented, borrowed, taken from a third party, copied from
// the web or taken from a professional social network. Those sources are refused outright with
// the policy clause named; the attestation is stored with who, when, from where and what text.
import { z } from 'zod';
import { invalid, unprocessable } from '../errors.ts';
import {
  ALLOWED_SOURCES,
  ATTESTATION_TEXT,
  ATTESTATION_VERSION,
  MAX_SOURCE_DESCRIPTION_LENGTH,
  MIN_SOURCE_DESCRIPTION_LENGTH,
  REFUSED_DESCRIPTION_TERMS,
  REFUSED_SOURCES,
  type ImportSource,
  type RefusedSource,
} from '../../../policy/imports.ts';

export interface Declaration {
  source: string;
  sourceDescription?: string | null;
  attest: boolean;
}

export const AttestationSchema = z.object({
  attested: z.literal(true),
  at: z.string(),
  userId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  text: z.string(),
  version: z.number().int(),
});
export type Attestation = z.infer<typeof AttestationSchema>;

export interface Attester {
  at: string;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const isRefused = (s: string): s is RefusedSource => Object.hasOwn(REFUSED_SOURCES, s);

/** Lower case, diacritics removed (ă â î ș ț → a a i s t, also the cedilla forms), words split on anything else. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const TERMS = (Object.entries(REFUSED_DESCRIPTION_TERMS) as [RefusedSource, readonly string[]][]).flatMap(([source, terms]) =>
  terms.map((t) => ({ source, term: t, words: words(t) })),
);

/**
 * IMP-01: the refused source a description describes ("bought from a broker", "listă
 * cumpărată"), with the term found; null when it names none. Single-word terms are stems (a word
 * starting with it matches); phrases match their words in order, the last one as a stem.
 */
export function refusedSourceIn(description: string): { source: RefusedSource; term: string } | null {
  const w = words(description);
  for (const t of TERMS) {
    const n = t.words.length;
    for (let i = 0; i + n <= w.length; i++) {
      let hit = true;
      for (let k = 0; k < n && hit; k++) hit = k === n - 1 ? w[i + k]!.startsWith(t.words[k]!) : w[i + k] === t.words[k];
      if (hit) return { source: t.source, term: t.term };
    }
  }
  return null;
}
const isAllowed = (s: string): s is ImportSource => (ALLOWED_SOURCES as readonly string[]).includes(s);

/**
 * Validates the declaration and returns the stored attestation. A refused source is a policy
 * refusal (422 IMPORT_SOURCE_REFUSED, details.clause); a missing attestation is 400.
 */
export function checkDeclaration(
  d: Declaration,
  who: Attester,
): { source: ImportSource; sourceDescription: string | null; attestation: Attestation } {
  const source = d.source.trim().toLowerCase();
  if (isRefused(source)) {
    throw unprocessable(
      'IMPORT_SOURCE_REFUSED',
      `Addresses from this source (${source}) cannot be imported: ${REFUSED_SOURCES[source]}`,
      {
        source,
        clause: REFUSED_SOURCES[source],
      },
    );
  }
  if (!isAllowed(source)) {
    throw invalid('IMPORT_SOURCE_INVALID', `Declare the source as one of ${ALLOWED_SOURCES.join(', ')}.`, {
      allowed: [...ALLOWED_SOURCES],
    });
  }
  const description = d.sourceDescription?.trim() || null;
  if (source === 'other' && (!description || description.length < MIN_SOURCE_DESCRIPTION_LENGTH)) {
    throw invalid(
      'IMPORT_SOURCE_DESCRIPTION_REQUIRED',
      `Describe where these addresses came from (at least ${MIN_SOURCE_DESCRIPTION_LENGTH} characters).`,
    );
  }
  if (description && description.length > MAX_SOURCE_DESCRIPTION_LENGTH) {
    throw invalid(
      'IMPORT_SOURCE_DESCRIPTION_TOO_LONG',
      `The description is longer than ${MAX_SOURCE_DESCRIPTION_LENGTH} characters.`,
    );
  }
  const described = description ? refusedSourceIn(description) : null;
  if (described) {
    throw unprocessable(
      'IMPORT_SOURCE_REFUSED',
      `The description says the addresses were obtained in a way the policy refuses ("${described.term}": ${described.source}): ${REFUSED_SOURCES[described.source]} If these are people who bought from you, declare the source "customers".`,
      { source: described.source, term: described.term, clause: REFUSED_SOURCES[described.source] },
    );
  }
  if (d.attest !== true) {
    throw invalid(
      'IMPORT_ATTESTATION_REQUIRED',
      'Tick the box confirming that no address was bought, rented, borrowed, taken from a third party, copied from the web or taken from a social network.',
      {
        attestationText: ATTESTATION_TEXT,
      },
    );
  }
  return {
    source,
    sourceDescription: description,
    attestation: {
      attested: true,
      at: who.at,
      userId: who.userId,
      ip: who.ip,
      userAgent: who.userAgent,
      text: ATTESTATION_TEXT,
      version: ATTESTATION_VERSION,
    },
  };
}
