// What the web app shows for an API error (issue 13 §6): a sentence in the user's language, what
// to do next, a human title by the error's kind, and the field errors in words — never the bare
// code or the server's English message. The code stays visible, small, for support.
//
// The API gives field errors in three shapes (src/server/errors.ts and the areas):
//   details.issues:     [{ path, message }]        request validation (VALIDATION_FAILED)
//   details.violations: [{ code, path, message }]  form publish rules (FORM_*, src/core/forms/rules.ts)
//   details.fields:     { field: message }         contact fields (src/core/contacts/service.ts)
// fieldErrors() reads all three; pages pass `fieldError(errors, 'email')` to an input's `error`.
import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';
import { ERROR_CODES, isErrorCode, messageKey } from '../../../src/core/error-codes.ts';

export interface FieldError {
  /** The API's path, e.g. 'consentBoxes.0.purpose'. */
  path: string;
  /** The path in words, e.g. 'Consent box 1 › purpose text'. */
  field: string;
  /** What is wrong with it, in the user's language. */
  message: string;
}

export interface ErrorView {
  title: string;
  /** What happened. */
  message: string;
  /** What to do about it (empty when the catalogue has none). */
  action: string;
  /** The API's code, for support; null for errors that are not API answers. */
  code: string | null;
  fields: FieldError[];
}

/** The catalogue's text for this error, with the server's message only as a last resort. */
export function describeError(err: unknown, t: TFunction): ErrorView {
  if (!(err instanceof ApiError)) {
    return { title: t('app.error'), message: t('app.unexpected'), action: '', code: null, fields: [] };
  }
  const fields = fieldErrors(err, t);
  if (!isErrorCode(err.code)) {
    // Not one of ours (a proxy's HTTP_502, say): the server's sentence is all there is.
    return { title: t('app.error'), message: err.message, action: t('errorActions.INTERNAL'), code: err.code, fields };
  }
  const kind = ERROR_CODES[err.code].kind;
  return {
    title: t(`errorTitles.${kind}`, { defaultValue: t('app.error') }),
    message: t(messageKey(err.code), { defaultValue: err.message }),
    action: t(`errorActions.${err.code}`, { defaultValue: '' }),
    code: err.code,
    fields,
  };
}

/** One line for places with room for a single string: what happened, what to do, which fields. */
export function errorSentence(err: unknown, t: TFunction): string {
  const v = describeError(err, t);
  const parts = [v.message, v.action];
  if (v.fields.length > 0) parts.push(t('errorFields.fieldsToCheck', { fields: v.fields.map((f) => f.field).join('; ') }));
  return parts.filter((p) => p).join(' ');
}

/** The field errors an answer carries, each named in words and explained in the user's language. */
export function fieldErrors(err: unknown, t: TFunction): FieldError[] {
  if (!(err instanceof ApiError) || !err.details) return [];
  const out: FieldError[] = [];
  const d = err.details;
  const add = (path: string, code?: string) => out.push(fieldIssue(path, t, code));
  if (Array.isArray(d.violations)) {
    for (const v of d.violations as Array<{ code?: unknown; path?: unknown }>) {
      if (typeof v.path === 'string') add(v.path, typeof v.code === 'string' ? v.code : undefined);
    }
  }
  if (Array.isArray(d.issues)) {
    for (const i of d.issues as Array<{ path?: unknown }>) if (typeof i.path === 'string' && i.path) add(i.path);
  }
  if (d.fields && typeof d.fields === 'object' && !Array.isArray(d.fields)) {
    for (const path of Object.keys(d.fields)) add(path);
  }
  return out;
}

/**
 * One problem with one field in words: the catalogue's sentence for its code when it has one (a
 * form rule's FORM_*), else the hint for the field's name. For lists a page gets outside an error
 * answer, like the form builder's dry-run problems.
 */
export function fieldIssue(path: string, t: TFunction, code?: string): FieldError {
  const message =
    code && isErrorCode(code) ? t(messageKey(code), { defaultValue: '' }) || fieldHint(path, t) : fieldHint(path, t);
  return { path, field: fieldLabel(path, t), message };
}

/**
 * The message for one input, or undefined: `error={fieldError(errs, 'email')}`. A path matches
 * the field itself and anything under it ('consentBoxes.0' matches 'consentBoxes.0.purpose').
 */
export function fieldError(errors: readonly FieldError[], path: string): string | undefined {
  const hits = errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
  return hits.length > 0 ? [...new Set(hits.map((e) => e.message))].join(' ') : undefined;
}

/** 'consentBoxes.0.purpose' → 'Consent box 1 › purpose text'; unknown names are spaced out. */
export function fieldLabel(path: string, t: TFunction): string {
  const words: string[] = [];
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part) && words.length > 0) {
      words[words.length - 1] = t('errorFields.numbered', { name: words[words.length - 1], n: Number(part) + 1 });
    } else {
      words.push(t(`errorFields.names.${part}`, { defaultValue: spaced(part) }));
    }
  }
  return words.join(' › ');
}

function fieldHint(path: string, t: TFunction): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? '';
  return t(`errorFields.hints.${last}`, { defaultValue: t('errorFields.invalid') });
}

function spaced(name: string): string {
  const s = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
