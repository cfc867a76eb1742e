// Issue 13 §6: the web app shows every API error as a sentence in the user's language with what to
// do (web/src/components/errors.ts) — so every code of src/core/error-codes.ts has both, in English
// and in Romanian, and every kind has a title. The standing notice's keys exist for every reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, messageKey, type ErrorCode } from '../../../core/error-codes.ts';
import { WEB_DIST_DIR } from './index.ts';

const I18N = join(WEB_DIST_DIR, '..', 'src', 'i18n');
type Catalogue = { [key: string]: string | Catalogue };
const read = (lang: string, area: string) => JSON.parse(readFileSync(join(I18N, lang, `${area}.json`), 'utf8')) as Catalogue;
function get(c: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = c;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const KINDS = [...new Set(Object.values(ERROR_CODES).map((c) => c.kind))];

describe('error messages a person can act on', () => {
  for (const lang of ['en', 'ro']) {
    const errors = read(lang, 'errors');
    it(`[I18N-01] every error code has a sentence and what to do in ${lang}`, () => {
      const missing = CODES.filter(
        (code) => !get(errors, messageKey(code))?.trim() || !get(errors, `errorActions.${code}`)?.trim(),
      );
      expect(missing).toEqual([]);
      // Written for people: a sentence that ends as one, never the code itself.
      for (const code of CODES) {
        for (const text of [get(errors, messageKey(code))!, get(errors, `errorActions.${code}`)!]) {
          expect(text, code).toMatch(/[.!?]$/);
          expect(text, code).not.toContain(code);
        }
      }
      // Nothing left over from codes that no longer exist.
      expect(Object.keys(errors.errors as Catalogue).sort()).toEqual([...CODES].sort());
      expect(Object.keys(errors.errorActions as Catalogue).sort()).toEqual([...CODES].sort());
    });

    it(`every error kind has a human title in ${lang}`, () => {
      expect(KINDS.filter((k) => !get(errors, `errorTitles.${k}`))).toEqual([]);
    });

    it(`the service notice explains every reason in ${lang}`, () => {
      const app = read(lang, 'app');
      const keys = ['blocked', 'suspended', 'restricted', 'under-review'].flatMap((r) => [
        `serviceGate.why.${r}`,
        `serviceGate.do.${r}`,
      ]);
      expect(keys.filter((k) => !get(app, k))).toEqual([]);
    });
  }

  it('[I18N-01] the Romanian sentences are Romanian, not copies of the English ones', () => {
    const en = read('en', 'errors');
    const ro = read('ro', 'errors');
    const same = CODES.filter((c) => get(en, messageKey(c)) === get(ro, messageKey(c)));
    expect(same).toEqual([]);
    expect(get(ro, messageKey('FORM_PURPOSE_INCOMPLETE'))).toMatch(/[ăâîșț]/);
  });
});
