// Turns a hosted-form POST (urlencoded) or a JSON submission into the core's SubmissionInput.
// Shapes are bounded here; the rules (stale version, unknown box, claimed default …) are the core's.
import { z } from 'zod';
import { HONEYPOT_FIELD } from '../../../core/forms/bot-defence.ts';
import { FIELD_KEYS, MAX_FIELD_VALUE_LENGTH } from '../../../core/forms/definition.ts';
import { BOX_TICK_VALUE, type SubmissionInput } from '../../../core/forms/submission.ts';
import { START_FIELD, STEP_FIELD, VERSION_FIELD } from './render-form.ts';

/** Most distinct names one submission may carry (fields + boxes + hidden fields). */
export const MAX_SUBMISSION_KEYS = 80;
const MAX_VALUE_LENGTH = 1_000;

/**
 * CON-02: a request that says a box was on "by default" / "pre-checked" claims consent nobody
 * gave; it is refused as a whole (CONSENT_DEFAULT_CLAIMED), never silently ignored.
 */
export const DEFAULT_CLAIM_NAME =
  /^(defaults?|pre-?checked|pre-?ticked|checked-?by-?default|checked_by_default|checkedbydefault)(\b|_|\[|$)/i;

export const UrlencodedBodySchema = z
  .record(z.string().max(100), z.union([z.string().max(MAX_VALUE_LENGTH), z.array(z.string().max(MAX_VALUE_LENGTH)).max(10)]))
  .refine((r) => Object.keys(r).length <= MAX_SUBMISSION_KEYS, `at most ${MAX_SUBMISSION_KEYS} fields`);
export type UrlencodedBody = z.infer<typeof UrlencodedBodySchema>;

export function fromUrlencoded(body: UrlencodedBody): {
  input: SubmissionInput;
  step: string | null;
  values: Record<string, string>;
  /** The boxes sent ticked ('yes'), to show them ticked again after an error. */
  ticked: Set<string>;
} {
  const fields: Record<string, string> = {};
  const boxes: Record<string, unknown> = {};
  let claimsDefault = false;
  for (const [name, raw] of Object.entries(body)) {
    if (DEFAULT_CLAIM_NAME.test(name)) claimsDefault = true;
    else if (name.startsWith('box_')) boxes[name.slice(4)] = Array.isArray(raw) ? raw.join(',') : raw;
    else if (name === VERSION_FIELD || name === START_FIELD || name === STEP_FIELD || name === HONEYPOT_FIELD) continue;
    else fields[name] = Array.isArray(raw) ? raw.join(',') : raw;
  }
  const one = (k: string) => {
    const v = body[k];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  const versionText = one(VERSION_FIELD);
  const version = versionText && /^\d{1,9}$/.test(versionText) ? Number(versionText) : null;
  const values: Record<string, string> = {};
  for (const k of FIELD_KEYS) if (fields[k]) values[k] = fields[k].slice(0, MAX_FIELD_VALUE_LENGTH);
  const ticked = new Set(Object.entries(boxes).flatMap(([k, v]) => (v === BOX_TICK_VALUE ? [k] : [])));
  return {
    ticked,
    input: { version, fields, boxes, claimsDefault, honeypot: one(HONEYPOT_FIELD), startStamp: one(START_FIELD) },
    step: one(STEP_FIELD),
    values,
  };
}

export const JsonSubmissionSchema = z
  .object({
    /** The form version whose text was shown to the person (required; stale → 409). */
    version: z.number().int().min(1),
    /** From GET /api/v1/public/forms/<form>: the signed start stamp (minimum fill time, CON-11). */
    startToken: z.string().max(400),
    fields: z.partialRecord(z.enum(FIELD_KEYS), z.string().max(MAX_VALUE_LENGTH)).default({}),
    /** Box key → true for each box the person ticked. */
    boxes: z.record(z.string().max(100), z.unknown()).default({}),
    [HONEYPOT_FIELD]: z.string().max(MAX_VALUE_LENGTH).optional(),
    // Named so they can be refused with CONSENT_DEFAULT_CLAIMED rather than a generic error.
    defaults: z.unknown().optional(),
    checkedByDefault: z.unknown().optional(),
    prechecked: z.unknown().optional(),
  })
  .strict();
export type JsonSubmission = z.infer<typeof JsonSubmissionSchema>;

export function fromJson(body: JsonSubmission): SubmissionInput {
  return {
    version: body.version,
    fields: body.fields,
    boxes: body.boxes,
    claimsDefault: body.defaults !== undefined || body.checkedByDefault !== undefined || body.prechecked !== undefined,
    honeypot: body[HONEYPOT_FIELD] ?? null,
    startStamp: body.startToken,
  };
}
