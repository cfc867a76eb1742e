// Amazon SNS message signatures (the SES webhook, issue 10 §1): SNS signs each message it posts
// with the key of an X.509 certificate it publishes at SigningCertURL. We rebuild the string SNS
// signed (its documented field order), fetch the certificate only from an SNS host over https,
// and verify SignatureVersion 1 (SHA1withRSA) or 2 (SHA256withRSA) with node:crypto.
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
import { createVerify, X509Certificate } from 'node:crypto';

/** The largest certificate we read (an SNS PEM is about 2 KB). */
export const MAX_SNS_CERT_BYTES = 16 * 1024;
export const SNS_FETCH_TIMEOUT_MS = 5_000;
/** Certificates kept in memory per process (SNS rotates them rarely). */
const MAX_CACHED_CERTS = 20;
/** An https URL on an SNS endpoint: sns.<region>.amazonaws.com (.com.cn in China). */
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

export type HttpFetch = (url: string, init?: { signal?: AbortSignal; method?: string }) => Promise<Response>;

export interface SnsMessage {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
}

const FIELDS = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
} as const;

/** The message as SNS posts it, or null when it is not one (missing fields, wrong types). */
export function parseSnsMessage(body: string): SnsMessage | null {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object' || Array.isArray(m)) return null;
  const type = m.Type;
  if (type !== 'Notification' && type !== 'SubscriptionConfirmation' && type !== 'UnsubscribeConfirmation') return null;
  for (const k of ['MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL'])
    if (typeof m[k] !== 'string') return null;
  if (type !== 'Notification' && (typeof m.SubscribeURL !== 'string' || typeof m.Token !== 'string')) return null;
  return m as unknown as SnsMessage;
}

/** The exact string SNS signed. */
export function snsStringToSign(m: SnsMessage): string {
  let out = '';
  for (const field of FIELDS[m.Type]) {
    const value = (m as unknown as Record<string, unknown>)[field];
    if (field === 'Subject' && value === undefined) continue;
    out += `${field}\n${String(value ?? '')}\n`;
  }
  return out;
}

/** Whether a URL is an https address on an SNS host (certificates, subscription confirmations). */
export function isSnsUrl(url: string, pathSuffix = ''): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && SNS_HOST.test(u.hostname) && u.port === '' && u.pathname.endsWith(pathSuffix);
  } catch {
    return false;
  }
}

export function createSnsVerifier(fetchImpl: HttpFetch) {
  const certs = new Map<string, string>();
  async function cert(url: string): Promise<string | null> {
    const cached = certs.get(url);
    if (cached) return cached;
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(SNS_FETCH_TIMEOUT_MS) });
    if (!res.ok) return null;
    const text = await res.text();
    if (text.length > MAX_SNS_CERT_BYTES || !text.includes('BEGIN CERTIFICATE')) return null;
    new X509Certificate(text); // throws when it is not a certificate
    if (certs.size >= MAX_CACHED_CERTS) certs.delete(certs.keys().next().value as string);
    certs.set(url, text);
    return text;
  }
  return {
    /** True only for a message SNS signed: an SNS certificate URL, a known signature version, a valid signature. */
    async verify(m: SnsMessage): Promise<boolean> {
      if (!isSnsUrl(m.SigningCertURL, '.pem')) return false;
      const algorithm = m.SignatureVersion === '1' ? 'RSA-SHA1' : m.SignatureVersion === '2' ? 'RSA-SHA256' : null;
      if (!algorithm) return false;
      try {
        const pem = await cert(m.SigningCertURL);
        if (!pem) return false;
        return createVerify(algorithm).update(snsStringToSign(m), 'utf8').verify(pem, m.Signature, 'base64');
      } catch {
        return false;
      }
    },
  };
}
