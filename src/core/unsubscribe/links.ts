// Signed unsubscribe and preference-centre links (MSG-01, MSG-02, MSG-04, MSG-06, SEC-02).
// The campaign builder calls unsubscribeUrl()/preferencesUrl() for every message; the token is
// the only credential the link carries, so it is HMAC-signed and checked in constant time.
import { invalid } from '../errors.ts';
import { signToken, verifyToken } from '../tokens/signed-token.ts';

/** MSG-06 asks for at least 60 days; links keep working for 180. */
export const UNSUBSCRIBE_TOKEN_TTL_DAYS = 180;
export const UNSUBSCRIBE_TOKEN_TTL_MS = UNSUBSCRIBE_TOKEN_TTL_DAYS * 24 * 60 * 60 * 1000;

export interface LinkClaims {
  accountId: string;
  contactId: string;
  /** The list the message was sent for; null = every list of the account. */
  listId: string | null;
  campaignId: string | null;
}

export interface LinkSigner {
  secret: string;
  publicUrl: string;
}

type LinkPurpose = 'unsubscribe' | 'preferences';

export function linkToken(secret: string, purpose: LinkPurpose, claims: LinkClaims, issuedAt: Date): string {
  return signToken(secret, purpose, [
    claims.accountId,
    claims.contactId,
    claims.listId,
    claims.campaignId,
    Math.floor(issuedAt.getTime() / 1000),
  ]);
}

/** https://…/u/<token>: for the List-Unsubscribe header (RFC 8058) and the visible link. */
export function unsubscribeUrl(signer: LinkSigner, claims: LinkClaims, issuedAt: Date): string {
  return `${signer.publicUrl}/u/${linkToken(signer.secret, 'unsubscribe', claims, issuedAt)}`;
}

/** https://…/p/<token>: the preference centre (MSG-04), no login. */
export function preferencesUrl(signer: LinkSigner, claims: LinkClaims, issuedAt: Date): string {
  return `${signer.publicUrl}/p/${linkToken(signer.secret, 'preferences', claims, issuedAt)}`;
}

/** Throws LINK_TOKEN_INVALID (forged, altered, malformed) or LINK_TOKEN_EXPIRED; both 400. */
export function readLinkToken(secret: string, purpose: LinkPurpose, token: string, now: Date): LinkClaims & { issuedAt: Date } {
  const check = verifyToken(secret, purpose, token);
  if (!check.ok)
    throw invalid('LINK_TOKEN_INVALID', 'This link is not valid. Use the link from the latest message you received.');
  const [accountId, contactId, listId, campaignId, issued] = check.fields;
  const idOrNull = (x: unknown) => x === null || typeof x === 'string';
  if (
    check.fields.length !== 5 ||
    typeof accountId !== 'string' ||
    typeof contactId !== 'string' ||
    !idOrNull(listId) ||
    !idOrNull(campaignId) ||
    typeof issued !== 'number'
  ) {
    throw invalid('LINK_TOKEN_INVALID', 'This link is not valid. Use the link from the latest message you received.');
  }
  const issuedAt = new Date(issued * 1000);
  if (now.getTime() - issuedAt.getTime() > UNSUBSCRIBE_TOKEN_TTL_MS) {
    throw invalid(
      'LINK_TOKEN_EXPIRED',
      `This link is older than ${UNSUBSCRIBE_TOKEN_TTL_DAYS} days. Use the link in a more recent message, or reply to the sender.`,
    );
  }
  return { accountId, contactId, listId: listId as string | null, campaignId: campaignId as string | null, issuedAt };
}
