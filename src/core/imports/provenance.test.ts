// IMP-01: a described source that says the addresses were acquired is refused like the named
// refused sources (English and Romanian, word stems, case- and diacritics-insensitive).
import { describe, expect, it } from 'vitest';
import { REFUSED_SOURCES } from '../../../policy/imports.ts';
import type { AppError } from '../errors.ts';
import { checkDeclaration, refusedSourceIn } from './provenance.ts';

const who = { at: '2026-11-22T10:00:00.000Z', userId: 'u1', ip: '127.0.0.1', userAgent: 'vitest' };

function refusal(sourceDescription: string, source = 'other'): AppError | null {
  try {
    checkDeclaration({ source, sourceDescription, attest: true }, who);
    return null;
  } catch (e) {
    return e as AppError;
  }
}

describe('imports: described sources', () => {
  const refused: [string, keyof typeof REFUSED_SOURCES][] = [
    ['We BOUGHT this list at a trade show last spring', 'purchased'],
    ['Purchased database of Romanian retailers, 2025 edition', 'purchased'],
    ['Rented from a marketing agency for one campaign', 'rented'],
    ['A list broker sent us these contacts in March', 'third-party'],
    ['Addresses scraped from company websites by an intern', 'web-scraped'],
    ['Emails harvested from public forum profiles over the year', 'web-scraped'],
    ['Listă cumpărată de la o firmă de marketing din Iași', 'purchased'],
    ['Lista cumparata de la un partener, fara diacritice', 'purchased'],
    ['Bază de date ÎNCHIRIATĂ pentru campania de vară', 'rented'],
    ['Contacte achiziționate în 2024 de la un distribuitor', 'purchased'],
    ['listă de la un broker de date, primită prin email', 'third-party'],
    ['Contacts exported from LinkedIn Sales Navigator searches', 'social-network'],
  ];
  for (const [description, source] of refused) {
    it(`[IMP-01] refuses "other" described as "${description}" (${source}) with the clause`, () => {
      const err = refusal(description);
      expect(err).toMatchObject({ code: 'IMPORT_SOURCE_REFUSED', kind: 'unprocessable' });
      expect(err?.details).toMatchObject({ source, clause: REFUSED_SOURCES[source] });
    });
  }

  it('[IMP-01] the described-source check applies whatever source is declared', () => {
    expect(refusal('our customers plus a list we bought from a broker', 'customers')?.code).toBe('IMPORT_SOURCE_REFUSED');
  });

  it('[IMP-01] descriptions of own sources pass; words that merely contain a stem do not count', () => {
    for (const d of [
      'Visitors who signed up at our stand at the Cluj book fair 2025',
      'Abonați prin formularul de pe site-ul nostru, cu dublă confirmare',
      'Members of our running club who asked for the weekly schedule',
      'Subscribers who joined via the newsletter box in our current shop', // "current" ≠ "rent…"
    ]) {
      expect(refusal(d)).toBeNull();
      expect(refusedSourceIn(d)).toBeNull();
    }
  });
});
