// VERP Return-Path (MSG-05 / the enforcement issue): the local part carries (campaign, contact)
// under an HMAC, so a bounce maps back to its recipient with no lookup and cannot be forged.
// "b-" + base64url(16-byte campaign ‖ 16-byte contact ‖ 10-byte tag) = 58 chars ≤ 64 (RFC 5321).
// base64url is case-sensitive; the MTAs on our bounce host keep the local part as received.
import { openPacked, packUuid, sealPacked, unpackUuid } from './packed.ts';

const PURPOSE = 'verp';
const MAC_BYTES = 10;
export const VERP_PREFIX = 'b-';

export function verpLocalPart(secret: string, campaignId: string, contactId: string): string {
  return VERP_PREFIX + sealPacked(secret, PURPOSE, Buffer.concat([packUuid(campaignId), packUuid(contactId)]), MAC_BYTES);
}

export function verpAddress(secret: string, bounceDomain: string, campaignId: string, contactId: string): string {
  return `${verpLocalPart(secret, campaignId, contactId)}@${bounceDomain}`;
}

export function readVerp(secret: string, localPart: string): { campaignId: string; contactId: string } | null {
  if (typeof localPart !== 'string' || !localPart.startsWith(VERP_PREFIX) || localPart.length > 64) return null;
  const payload = openPacked(secret, PURPOSE, localPart.slice(VERP_PREFIX.length), 32, MAC_BYTES);
  if (!payload) return null;
  return { campaignId: unpackUuid(payload.subarray(0, 16)), contactId: unpackUuid(payload.subarray(16, 32)) };
}
