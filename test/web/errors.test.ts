// The web app's error and standing helpers, without a browser: field errors from each shape the
// API answers with, named in words in both languages; which screens a standing switches off.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api.ts';
import { describeError, errorSentence, fieldError, fieldErrors } from '../../web/src/components/errors.ts';
import { serviceState } from '../../web/src/components/service-gate.ts';

// The app's catalogue as web/src/i18n/index.ts merges it (that file uses Vite's import.meta.glob).
function translator(lang: string): TFunction {
  const dir = join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', lang);
  const translation = Object.assign(
    {},
    ...readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as object),
  ) as Record<string, unknown>;
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    resources: { [lang]: { translation } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
const en = translator('en');
const ro = translator('ro');

describe('API errors in words', () => {
  it('names a form rule violation by its field and explains it by its code, not the server text', () => {
    const err = new ApiError(422, 'FORM_PURPOSE_INCOMPLETE', 'The purpose text must also name: frequency (CON-04).', {
      violations: [{ code: 'FORM_PURPOSE_INCOMPLETE', path: 'consentBoxes.0.purpose', message: 'x' }],
    });
    const v = describeError(err, en);
    expect(v.title).toBe('Not accepted');
    expect(v.message).toBe('The purpose text of a consent box is missing some parts.');
    expect(v.action).toMatch(/how often/);
    expect(v.code).toBe('FORM_PURPOSE_INCOMPLETE');
    expect(v.fields).toEqual([{ path: 'consentBoxes.0.purpose', field: 'Consent box 1 › purpose text', message: v.message }]);
    const sentence = errorSentence(err, ro);
    expect(sentence).toContain('Căsuța de consimțământ 1 › textul despre scop');
    expect(sentence).not.toContain('FORM_PURPOSE_INCOMPLETE');
    expect(sentence).not.toContain('CON-04');
  });

  it('puts contact field errors and validation issues on their inputs', () => {
    const contact = new ApiError(400, 'VALIDATION_FAILED', 'Some contact fields are not valid.', {
      fields: { phone: 'not a valid phone number' },
    });
    expect(fieldError(fieldErrors(contact, ro), 'phone')).toMatch(/format internațional/);
    expect(fieldError(fieldErrors(contact, ro), 'email')).toBeUndefined();
    const issues = new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid.', {
      issues: [{ path: 'consentBoxes.1', message: 'Required' }],
    });
    // A parent path matches what is under it; an unknown name is spelled out.
    expect(fieldError(fieldErrors(issues, en), 'consentBoxes')).toBe('This value is not valid; correct it and try again.');
    expect(fieldErrors(issues, en)[0]!.field).toBe('Consent box 2');
  });

  it('falls back to the server sentence only for answers that are not ours', () => {
    const v = describeError(new ApiError(502, 'HTTP_502', 'The server answered 502.'), en);
    expect(v.message).toBe('The server answered 502.');
    expect(describeError(new Error('boom'), en).code).toBeNull();
  });
});

describe('which screens a standing switches off', () => {
  const account = (standing: 'active' | 'restricted' | 'blocked', restrictedServices: string[] = [], review = 'none') => ({
    standing,
    restrictedServices,
    review,
  });

  it('[ACC-04] a restricted service disables only the screens that need it', () => {
    const a = account('restricted', ['email']);
    expect(serviceState(a, 'campaigns')).toEqual({ allowed: false, reason: 'restricted', servicesOff: ['email'] });
    expect(serviceState(a, 'sendingDomains').allowed).toBe(false);
    expect(serviceState(a, 'contacts').allowed).toBe(true);
    expect(serviceState(a, 'imports').allowed).toBe(true);
  });

  it('[ACC-05] blocked disables every screen; a pending review stops sending but not drafting', () => {
    for (const s of ['contacts', 'team', 'apiKeys', 'settings', 'campaigns'] as const) {
      expect(serviceState(account('blocked'), s).reason).toBe('blocked');
    }
    const reviewing = account('active', [], 'pending');
    expect(serviceState(reviewing, 'campaigns').allowed).toBe(true);
    expect(serviceState(reviewing, 'sending')).toMatchObject({ allowed: false, reason: 'under-review' });
    expect(serviceState(account('active'), 'sending').allowed).toBe(true);
  });
});
