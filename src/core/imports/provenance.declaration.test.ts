// IMP-01: the declaration's own checks — source names as typed, the length bounds of a
// description, phrases of several words, the messages and details a person acts on, and the
// stored attestation read back. Pure functions; no database.
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_SOURCES,
  ATTESTATION_TEXT,
  ATTESTATION_VERSION,
  MAX_SOURCE_DESCRIPTION_LENGTH,
  MIN_SOURCE_DESCRIPTION_LENGTH,
  REFUSED_SOURCES,
} from '../../../policy/imports.ts';
import type { AppError } from '../errors.ts';
import { AttestationSchema, checkDeclaration, refusedSourceIn, type Declaration } from './provenance.ts';

const who = { at: '2026-11-22T10:00:00.000Z', userId: 'u1', ip: '127.0.0.1', userAgent: 'vitest' };

function failure(d: Declaration): AppError {
  try {
    checkDeclaration(d, who);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the declaration to be refused');
}

describe('imports: declared source', () => {
  it('[IMP-01] a refused source is recognised whatever its case and surrounding spaces, and the message names it and its clause', () => {
    const err = failure({ source: '  Purchased ', attest: true });
    expect(err).toMatchObject({ code: 'IMPORT_SOURCE_REFUSED', kind: 'unprocessable' });
    expect(err.details).toEqual({ source: 'purchased', clause: REFUSED_SOURCES.purchased });
    expect(err.message).toContain('(purchased)');
    expect(err.message).toContain(REFUSED_SOURCES.purchased);
  });

  it('an allowed source typed with capitals and spaces is stored in its catalogue form', () => {
    expect(checkDeclaration({ source: ' EVENT ', attest: true }, who).source).toBe('event');
  });

  it('a source outside the catalogue is invalid and the answer lists the sources one may declare', () => {
    const err = failure({ source: 'newsletter-swap', attest: true });
    expect(err).toMatchObject({ code: 'IMPORT_SOURCE_INVALID', kind: 'invalid' });
    expect(err.details).toEqual({ allowed: [...ALLOWED_SOURCES] });
    expect(err.message).toContain(ALLOWED_SOURCES.join(', '));
  });
});

describe('imports: source description', () => {
  const exactly = (n: number) => 'Visitors at our stand, '.repeat(Math.ceil(n / 23)).slice(0, n - 1) + 'x';

  it('[IMP-01] "other" needs a description of at least the minimum length, counted without surrounding spaces', () => {
    const atMin = exactly(MIN_SOURCE_DESCRIPTION_LENGTH);
    expect(atMin).toHaveLength(MIN_SOURCE_DESCRIPTION_LENGTH);
    expect(checkDeclaration({ source: 'other', sourceDescription: atMin, attest: true }, who).sourceDescription).toBe(atMin);

    const short = failure({ source: 'other', sourceDescription: `   ${atMin.slice(1)}     `, attest: true });
    expect(short).toMatchObject({ code: 'IMPORT_SOURCE_DESCRIPTION_REQUIRED', kind: 'invalid' });
    expect(short.message).toContain(`at least ${MIN_SOURCE_DESCRIPTION_LENGTH} characters`);
    expect(failure({ source: 'other', sourceDescription: '      ', attest: true }).code).toBe(
      'IMPORT_SOURCE_DESCRIPTION_REQUIRED',
    );
  });

  it('a description is stored trimmed, and a blank one as none', () => {
    const d = 'Members of our running club';
    expect(checkDeclaration({ source: 'customers', sourceDescription: `  ${d}\n`, attest: true }, who).sourceDescription).toBe(d);
    expect(checkDeclaration({ source: 'customers', sourceDescription: '   ', attest: true }, who).sourceDescription).toBeNull();
  });

  it('a description may be as long as the maximum and not one character longer', () => {
    const atMax = exactly(MAX_SOURCE_DESCRIPTION_LENGTH);
    expect(atMax).toHaveLength(MAX_SOURCE_DESCRIPTION_LENGTH);
    expect(checkDeclaration({ source: 'event', sourceDescription: atMax, attest: true }, who).sourceDescription).toBe(atMax);
    const err = failure({ source: 'event', sourceDescription: `${atMax}y`, attest: true });
    expect(err).toMatchObject({ code: 'IMPORT_SOURCE_DESCRIPTION_TOO_LONG', kind: 'invalid' });
    expect(err.message).toContain(`${MAX_SOURCE_DESCRIPTION_LENGTH} characters`);
  });

  it('[IMP-01] a refused description answers with the term found, its clause, and the way out for own customers', () => {
    const err = failure({ source: 'customers', sourceDescription: 'Shop customers and some contacts we bought', attest: true });
    expect(err).toMatchObject({ code: 'IMPORT_SOURCE_REFUSED', kind: 'unprocessable' });
    expect(err.details).toEqual({ source: 'purchased', term: 'bought', clause: REFUSED_SOURCES.purchased });
    expect(err.message).toContain('"bought"');
    expect(err.message).toContain(REFUSED_SOURCES.purchased);
    expect(err.message).toContain('declare the source "customers"');
  });
});

describe('imports: terms in a description', () => {
  it('[IMP-01] a term is found as the last word of the description', () => {
    expect(refusedSourceIn('Contacts that we bought')).toEqual({ source: 'purchased', term: 'bought' });
    expect(refusedSourceIn('bought')).toEqual({ source: 'purchased', term: 'bought' });
  });

  it('[IMP-01] phrases of two and three words are found, and named by the phrase', () => {
    expect(refusedSourceIn('Contacts supplied by a data vendor in 2024')).toEqual({ source: 'third-party', term: 'data vendor' });
    expect(refusedSourceIn('Adrese colectate de pe site-uri de anunțuri')).toEqual({
      source: 'web-scraped',
      term: 'colectate de pe',
    });
    expect(refusedSourceIn('Contacte de la un furnizor de liste')).toEqual({ source: 'third-party', term: 'furnizor de liste' });
  });

  it('a phrase needs its words themselves before the last one: a longer word starting with them does not count', () => {
    // "database" starts with "data", but "data provider" is not named here.
    expect(refusedSourceIn('Sign-ups recorded in our database; provider of the form is Typeform')).toBeNull();
  });
});

describe('imports: attestation', () => {
  it('[IMP-01] a missing tick is refused with the text the box shows', () => {
    const err = failure({ source: 'signup-form', attest: false });
    expect(err).toMatchObject({ code: 'IMPORT_ATTESTATION_REQUIRED', kind: 'invalid' });
    expect(err.details).toEqual({ attestationText: ATTESTATION_TEXT });
    expect(err.message).toMatch(/^Tick the box/);
  });

  it('[IMP-01] the stored attestation reads back whole, and one not attested is refused when read', () => {
    const { attestation } = checkDeclaration({ source: 'event', attest: true }, who);
    expect(attestation).toEqual({ attested: true, ...who, text: ATTESTATION_TEXT, version: ATTESTATION_VERSION });
    expect(AttestationSchema.parse(JSON.parse(JSON.stringify(attestation)))).toEqual(attestation);
    expect(AttestationSchema.safeParse({ ...attestation, attested: false }).success).toBe(false);
  });
});
