// SendGrid's Signed Event Webhook (issue 10 §1): each POST carries an ECDSA (P-256, SHA-256)
// signature of `timestamp + raw body`, base64 DER, in X-Twilio-Email-Event-Webhook-Signature, and
// the timestamp in X-Twilio-Email-Event-Webhook-Timestamp; the public key is shown in SendGrid's
// settings (base64 DER, SENDGRID_WEBHOOK_PUBLIC_KEY). Verified with node:crypto.
// https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';
/** A signed POST older (or newer) than this is refused as a replay. */
export const SENDGRID_MAX_SKEW_MS = 10 * 60 * 1000;

/** The configured key: base64 DER (as SendGrid shows it) or PEM. */
export function sendgridPublicKey(value: string): KeyObject {
  const v = value.trim();
  return v.includes('BEGIN PUBLIC KEY')
    ? createPublicKey(v)
    : createPublicKey({ key: Buffer.from(v, 'base64'), format: 'der', type: 'spki' });
}

export function verifySendgrid(key: KeyObject, rawBody: string, signature: string, timestamp: string): boolean {
  if (!signature || !timestamp) return false;
  try {
    return verify('sha256', Buffer.from(timestamp + rawBody, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
