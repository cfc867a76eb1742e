// Which of our mailboxes an inbound SMTP recipient names (types.ts InboundMailbox). Everything
// else is refused at RCPT (550 5.1.1): the inbound server is no open relay and keeps no mail for
// addresses that are not ours. Pure; addresses compared case-insensitively except the VERP and
// token local parts, which are case-sensitive base64url and are kept as received.
import { VERP_PREFIX } from '../tokens/verp.ts';
import type { InboundMailbox } from './types.ts';

export interface MailboxHosts {
  /** The Return-Path host (BOUNCE_HOST): VERP, the List-Unsubscribe mailto and the feedback loop. */
  bounceHost: string;
  /** The abuse mailbox (ABUSE_EMAIL), where anyone forwards spam (ABU-01). */
  abuseEmail: string;
}

/** The feedback-loop address's local part (fbl@BOUNCE_HOST), registered with mailbox providers. */
export const FEEDBACK_LOCAL_PART = 'fbl';
/** The List-Unsubscribe mailto's local part before `+TOKEN` (campaign-composer.ts). */
export const UNSUBSCRIBE_LOCAL_PART = 'unsubscribe';
/** RFC 5321 §4.1.1.3: a local part longer than this is not an address of ours. */
const MAX_LOCAL_PART = 64;

export function mailboxFor(address: string, hosts: MailboxHosts): InboundMailbox | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (address.toLowerCase() === hosts.abuseEmail.toLowerCase()) return 'abuse';
  if (domain !== hosts.bounceHost.toLowerCase() || local.length > MAX_LOCAL_PART) return null;
  if (local.startsWith(VERP_PREFIX)) return 'bounce';
  if (local.toLowerCase() === FEEDBACK_LOCAL_PART) return 'feedback';
  if (local.toLowerCase().startsWith(`${UNSUBSCRIBE_LOCAL_PART}+`) && local.length > UNSUBSCRIBE_LOCAL_PART.length + 1)
    return 'unsubscribe';
  return null;
}
