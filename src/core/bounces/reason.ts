// Reason finding, after sisimai's reason.Find / anotherone (go-sisimai reason/find.go, BSD-2,
// see rules/LICENSE-sisimai): the DSN status's own reason first, phrases in the remote reply in a
// fixed order, then the status class. Hard = userunknown, hostunknown, hasmoved, and notaccept
// when permanent (sisimai smtp/failure IsHardBounce).
import { EXTRA_PHRASES } from './rules/extra.ts';
import { MTA_PHRASES } from './rules/mta.ts';
import { REASON_PHRASES } from './rules/phrases.ts';
import { FRANCEPTT_CODES, RHOST_HOSTS, RHOST_PHRASES } from './rules/rhost.ts';
import { PROVIDER_PHRASES } from './rules/providers.ts';
import { REASON_STATUS_PERMANENT, REASON_STATUS_TEMPORARY, STATUS_REASON } from './rules/status.ts';

const ORDER_STATUS_FIRST = [
  'mailboxfull',
  'mesgtoobig',
  'exceedlimit',
  'suspend',
  'hasmoved',
  'norelaying',
  'authfailure',
  'userunknown',
  'filtered',
  'requireptr',
  'notcompliantrfc',
  'badreputation',
  'contenterror',
  'rejected',
  'hostunknown',
  'spamdetected',
  'speeding',
  'toomanyconn',
  'blocked',
];
const ORDER_PHRASES = [
  'mailboxfull',
  'authfailure',
  'badreputation',
  'speeding',
  'spamdetected',
  'virusdetected',
  'policyviolation',
  'norelaying',
  'systemerror',
  'networkerror',
  'suspend',
  'contenterror',
  'systemfull',
  'notaccept',
  'expired',
  'failedstarttls',
  'securityerror',
  'suppressed',
  'mailererror',
];
/** Reasons a status alone may not settle: look at the reply's words (sisimai GetRetried). */
const RETRIED = new Set([
  'undefined',
  'onhold',
  'systemerror',
  'securityerror',
  'expired',
  'networkerror',
  'hostunknown',
  'userunknown',
]);

export function includedIn(reason: string, text: string): boolean {
  if (!text) return false;
  const rule = REASON_PHRASES[reason];
  const extra = EXTRA_PHRASES[reason];
  if (rule?.isnot) for (const p of rule.isnot) if (text.includes(p)) return false;
  for (const list of [rule?.index, extra]) {
    if (list) for (const p of list) if (text.includes(p)) return true;
  }
  if (rule)
    for (const pair of rule.pairs) {
      let at = 0;
      let ok = true;
      for (const piece of pair) {
        const found = text.indexOf(piece, at);
        if (found < 0) {
          ok = false;
          break;
        }
        at = found + piece.length;
      }
      if (ok) return true;
    }
  return false;
}

export function statusReason(status: string): string {
  return STATUS_REASON[status] ?? '';
}

export type ReasonInput = {
  status: string;
  diagnostic: string;
  action: string;
  command: string;
  replyCode: string;
  /** Text naming the hosts involved (recipient, Remote-MTA, the bounce's words): picks provider tables. */
  where?: string;
};

const EARLY_COMMANDS = new Set(['CONN', 'EHLO', 'HELO', 'MAIL', 'RCPT']);

/** sisimai's ProbesInto: does this reason fit the fact (status, reply text, command)? */
function probe(r: string, f: ReasonInput, diag: string, byStatus: string): boolean {
  switch (r) {
    case 'mailboxfull':
    case 'exceedlimit':
    case 'authfailure':
    case 'requireptr':
    case 'toomanyconn':
    case 'blocked':
      return byStatus === r || includedIn(r, diag);
    case 'mesgtoobig':
      if (byStatus === r) return true;
      if (byStatus === 'exceedlimit' || f.status === '5.2.3') return false;
      return includedIn(r, diag);
    case 'suspend':
      return f.replyCode === '525' || includedIn(r, diag);
    case 'hasmoved':
    case 'notcompliantrfc':
    case 'badreputation':
    case 'speeding':
      return includedIn(r, diag);
    case 'norelaying':
      return !['CONN', 'EHLO', 'HELO'].includes(f.command) && includedIn(r, diag);
    case 'userunknown':
      if (byStatus === 'suspend') return false;
      if (byStatus === 'userunknown')
        return !['norelaying', 'blocked', 'mailboxfull', 'hasmoved', 'rejected', 'notaccept'].some((e) => includedIn(e, diag));
      return f.command === 'RCPT' && includedIn(r, diag);
    case 'filtered':
      if (byStatus === 'suspend') return false;
      if (byStatus === 'filtered') return includedIn('userunknown', diag) || includedIn('filtered', diag);
      if (EARLY_COMMANDS.has(f.command)) return false;
      return includedIn('filtered', diag) || includedIn('userunknown', diag);
    case 'contenterror':
      if (probe('spamdetected', f, diag, byStatus)) return false;
      return byStatus === r || includedIn(r, diag);
    case 'rejected': {
      const t = byStatus || 'undefined';
      if (t === 'rejected') return true;
      if (f.command === 'MAIL') return includedIn(r, diag);
      if (f.command === 'DATA') return t !== 'userunknown' && includedIn(r, diag);
      if (t === 'undefined' || t === 'onhold' || t === 'securityerror' || t === 'systemerror') return includedIn(r, diag);
      return false;
    }
    case 'hostunknown':
      if (byStatus === 'hostunknown') return !includedIn('networkerror', diag);
      return includedIn(r, diag);
    case 'spamdetected':
      if (!f.status) return false;
      if (byStatus === r) return true;
      if (EARLY_COMMANDS.has(f.command)) return false;
      return includedIn(r, diag);
    default:
      return false;
  }
}

/** The reason an MTA's own bounce wording names (sisimai lhost tables), or ''. */
function mtaReason(diag: string): string {
  for (const table of Object.values(MTA_PHRASES))
    for (const [reason, phrases] of Object.entries(table)) if (phrases.some((p) => diag.includes(p))) return reason;
  return '';
}

/** The reason a mailbox provider's reply names (sisimai rhost tables), or ''. */
function rhostReason(diag: string, where: string): string {
  for (const [provider, table] of Object.entries(RHOST_PHRASES)) {
    const hosts = RHOST_HOSTS[provider] ?? [];
    if (!hosts.some((h) => where.includes(h.replace(/^\./, '')))) continue;
    for (const [reason, phrases] of Object.entries(table)) if (phrases.some((p) => diag.includes(p))) return reason;
  }
  if (!(RHOST_HOSTS.franceptt ?? []).some((h) => where.includes(h.replace(/^\./, '')))) return '';
  // Orange / La Poste: "OFR006_102", "LPN007_416" — the last such label, its trailing number.
  const labels = [...diag.replace(/_/g, '-').matchAll(/\b(?:lpnaaa|lpn|ofr|ouk)[0-9a-z-]{0,12}/g)];
  const last = labels[labels.length - 1]?.[0];
  if (last) for (const [code, reason] of Object.entries(FRANCEPTT_CODES)) if (last.endsWith(code)) return reason;
  return '';
}

export function findReason(f: ReasonInput): string {
  if (f.status.startsWith('2.')) return 'delivered';
  const diag = f.diagnostic.toLowerCase();
  for (const [reason, phrases] of Object.entries(PROVIDER_PHRASES)) if (phrases.some((p) => diag.includes(p))) return reason;
  const mta = mtaReason(diag) || rhostReason(diag, f.where?.toLowerCase() ?? '');
  if (mta) return mta;
  const byStatus = statusReason(f.status);
  for (const r of ORDER_STATUS_FIRST) if (probe(r, f, diag, byStatus)) return r;
  let reason = another(f, diag, byStatus);
  if (reason === 'undefined') reason = '';
  if (!reason && f.action === 'delayed') return 'expired';
  if (reason) return reason;
  if (includedIn('vacation', diag)) return 'vacation';
  return diag ? 'onhold' : 'undefined';
}

function another(f: ReasonInput, diag: string, byStatus: string): string {
  if (!byStatus || RETRIED.has(byStatus)) {
    for (const r of ORDER_PHRASES) if (includedIn(r, diag)) return r;
  }
  if (byStatus) return byStatus;
  const cls = f.status.slice(0, 3);
  if (cls === '5.6' || cls === '4.6') return 'contenterror';
  if (cls === '5.7' || cls === '4.7') return 'securityerror';
  const reply = Number(f.replyCode);
  if ((reply > 400 && reply < 408) || (reply > 500 && reply < 508)) return 'syntaxerror';
  if (f.action === 'delayed' || f.action === 'expired') return 'expired';
  if (f.command === 'EHLO' || f.command === 'HELO') return 'blocked';
  return '';
}

/** The SMTP command the remote server answered, from the reply or the MTA's words around it. */
export function findCommand(text: string): string {
  const t = text.toLowerCase();
  const marks: [string, string][] = [
    ['rcpt to', 'RCPT'],
    ['rcpt', 'RCPT'],
    ['does not like recipient', 'RCPT'], // qmail
    ['>>> data', 'DATA'], // Sendmail's transcript
    ['mail from', 'MAIL'],
    ['end of data', 'DATA'],
    ['data command', 'DATA'],
    ['after data', 'DATA'],
    ['ehlo', 'EHLO'],
    ['helo', 'HELO'],
    ['starttls', 'STARTTLS'],
  ];
  let best = '';
  let at = Infinity;
  for (const [m, c] of marks) {
    const i = t.indexOf(m);
    if (i >= 0 && i < at) {
      at = i;
      best = c;
    }
  }
  return best;
}

export function isTemporary(status: string, replyCode: string, diagnostic: string, action: string): boolean {
  if (status) return status.startsWith('4');
  if (replyCode) return replyCode.startsWith('4');
  if (action === 'delayed') return true;
  const d = diagnostic.toLowerCase();
  return d.includes(' temporar') || d.includes(' persistent');
}

export function isHard(reason: string, temporary: boolean): boolean {
  if (reason === 'hasmoved' || reason === 'userunknown' || reason === 'hostunknown') return true;
  return reason === 'notaccept' && !temporary;
}

/** The pseudo status sisimai reports for a reason found without one (X.0.9NN). */
export function pseudoStatus(reason: string, temporary: boolean): string {
  return (temporary ? REASON_STATUS_TEMPORARY[reason] : REASON_STATUS_PERMANENT[reason]) ?? '';
}
