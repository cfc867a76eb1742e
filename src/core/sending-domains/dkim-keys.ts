// DKIM keys for a sending domain (DEL-05): RSA-2048 always (RFC 6376), Ed25519 optionally for a
// second signature (RFC 8463). Only public halves leave this file as DNS values.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface GeneratedKey {
  privateKeyPem: string;
  /** The TXT value to publish at `<selector>._domainkey.<domain>`. */
  dnsValue: string;
}

export function generateRsaKey(): GeneratedKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // RFC 6376 §3.6.1: p= is the base64 of the DER SubjectPublicKeyInfo.
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { privateKeyPem: pem(privateKey), dnsValue: `v=DKIM1; k=rsa; p=${p}` };
}

export function generateEd25519Key(): GeneratedKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // RFC 8463 §4.2: p= is the base64 of the raw 32-byte public key, not its SPKI wrapping; the
  // SPKI DER of an Ed25519 key is a fixed 12-byte prefix followed by those 32 bytes.
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  return { privateKeyPem: pem(privateKey), dnsValue: `v=DKIM1; k=ed25519; p=${raw.toString('base64')}` };
}

function pem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The p= tag of a DKIM TXT value (whitespace removed, RFC 6376 §3.6.1), or null. */
export function dkimPublicKey(txt: string): string | null {
  for (const tag of txt.split(';')) {
    const eq = tag.indexOf('=');
    if (eq < 0) continue;
    if (tag.slice(0, eq).trim() === 'p') return tag.slice(eq + 1).replace(/\s+/g, '');
  }
  return null;
}
