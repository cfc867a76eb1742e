// Webhook signatures of the HTTP gateways (issue 11 §1: inbound messages and status callbacks
// arrive by an authenticated webhook). Compared only through core/tokens/constant-time.ts.
//
// Twilio: X-Twilio-Signature = base64(HMAC-SHA1(auth token, URL + each POST parameter's name and
// value, parameters sorted by name)), URL exactly as Twilio requested it (scheme, host, path and
// query). https://www.twilio.com/docs/usage/security#validating-requests
// Repeated parameters: each value (sorted) with its name again, as twilio-node does.
//
// Generic gateways: X-Signature = hex(HMAC-SHA256(shared secret, timestamp + "." + raw body)) with
// the Unix time in X-Signature-Timestamp (Stripe's and Brevo's scheme: the time is signed, so an old
// POST cannot be replayed past GENERIC_MAX_SKEW_MS). A "sha256=" prefix is accepted (GitHub's form).
import { createHmac } from 'node:crypto';
import { safeEqual } from '../../../core/tokens/constant-time.ts';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';
export const GENERIC_SIGNATURE_HEADER = 'x-signature';
export const GENERIC_TIMESTAMP_HEADER = 'x-signature-timestamp';
/** A signed generic webhook older (or newer) than this is refused as a replay. */
export const GENERIC_MAX_SKEW_MS = 5 * 60 * 1000;
/** The largest webhook body we read or verify (a status or MO post is well under 4 KB). */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

export type FormParams = Record<string, string | string[]>;

export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    for (const v of Array.isArray(value) ? [...value].sort() : [value]) data += name + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: FormParams,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  return safeEqual(twilioSignature(authToken, url, params), signature);
}

/** A form-encoded body as Twilio posts it; repeated names keep every value. */
export function parseForm(body: string): FormParams {
  const out: FormParams = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function genericSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

export type GenericVerdict = 'ok' | 'missing' | 'stale' | 'mismatch';

export function verifyGenericSignature(input: {
  secret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now: Date;
}): GenericVerdict {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(input.now.getTime() - Number(timestamp) * 1000) > GENERIC_MAX_SKEW_MS)
    return 'stale';
  const given = signature.replace(/^sha256=/, '').toLowerCase();
  return safeEqual(genericSignature(input.secret, timestamp, input.rawBody), given) ? 'ok' : 'mismatch';
}
