// Click tracking tokens (SEC-04): /c/<token> names (campaign, contact, link index) under an HMAC.
// The redirect goes only to the URL at that index of that campaign's own link list, so a valid
// token can never point anywhere the campaign's content did not (no open redirect).
import { openPacked, packUuid, sealPacked, unpackUuid } from './packed.ts';

const PURPOSE = 'click';
const MAC_BYTES = 16;
export const MAX_TRACKED_LINKS = 0xffff;

export interface ClickClaims {
  campaignId: string;
  contactId: string;
  index: number;
}

export function clickToken(secret: string, c: ClickClaims): string {
  if (!Number.isInteger(c.index) || c.index < 0 || c.index > MAX_TRACKED_LINKS) throw new Error('link index out of range');
  const idx = Buffer.alloc(2);
  idx.writeUInt16BE(c.index);
  return sealPacked(secret, PURPOSE, Buffer.concat([packUuid(c.campaignId), packUuid(c.contactId), idx]), MAC_BYTES);
}

export function readClickToken(secret: string, token: string): ClickClaims | null {
  if (typeof token !== 'string' || token.length > 100) return null;
  const p = openPacked(secret, PURPOSE, token, 34, MAC_BYTES);
  if (!p) return null;
  return { campaignId: unpackUuid(p.subarray(0, 16)), contactId: unpackUuid(p.subarray(16, 32)), index: p.readUInt16BE(32) };
}

/** The campaign's stored link list (by index), null when the campaign is unknown. */
export interface ClickLinks {
  links(campaignId: string): Promise<string[] | null>;
}

export interface ClickRecorder {
  recordClick(campaignId: string, contactId: string, index: number, at: Date): Promise<void>;
}

/** The target of a click, or null (forged token, unknown campaign, index not in its links). */
export async function resolveClick(
  deps: { secret: string; links: ClickLinks; recorder: ClickRecorder },
  token: string,
  now: Date,
  options: { record?: boolean } = {},
): Promise<string | null> {
  const claims = readClickToken(deps.secret, token);
  if (!claims) return null;
  const links = await deps.links.links(claims.campaignId);
  const url = links?.[claims.index];
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return null;
  if (options.record !== false) await deps.recorder.recordClick(claims.campaignId, claims.contactId, claims.index, now);
  return url;
}

/** What the public /c/<token> route calls: the stored target of a click, or null. */
export interface ClickService {
  /** `record: false` answers without counting a click (a HEAD request: link checkers, not people). */
  resolve(token: string, options?: { record?: boolean }): Promise<string | null>;
}

export function createClickService(deps: {
  secret: string;
  links: ClickLinks;
  recorder: ClickRecorder;
  clock: { now(): Date };
}): ClickService {
  return { resolve: (token, options) => resolveClick(deps, token, deps.clock.now(), options) };
}
