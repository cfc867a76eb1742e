// Per-address checks of IMP-03: artefacts of copying from the web, RFC 5321 mailbox syntax,
// domain shape (a real public suffix), disposable domains and role accounts. Pure and fast:
// a dot-atom fast path, the full RFC 5322/6532 parser (email-addresses) only for the rest.
import emailAddresses from 'email-addresses';
import { parse as parseDomain } from 'tldts';
import { createRequire } from 'node:module';
import { MAX_ADDRESS_LENGTH, MAX_DOMAIN_LENGTH, MAX_LOCAL_PART_LENGTH } from './limits.ts';

// Both lists are plain CommonJS data packages without type declarations.
const require = createRequire(import.meta.url);
const disposableList = require('disposable-email-domains') as string[];
const disposableWildcards = require('disposable-email-domains/wildcard.json') as string[];
const roleList = require('role-based-email-addresses') as string[];

export interface CleanedAddress {
  address: string;
  /** Written as "name [at] domain (dot) com" and rewritten by us — a sign of scraping. */
  deobfuscated: boolean;
  /** Carried web/markup debris: HTML, mailto:, stray <>, quotes, trailing punctuation. */
  artefact: boolean;
  /** The display name of an RFC 5322 name-addr cell ("Anna Pop <anna@example.org>"). */
  displayName: string | null;
}

// An HTML link to an address (<a href="mailto:x@y">x@y</a>): a page copied into a spreadsheet.
const MAILTO_LINK = /<\s*a\b[^>]*?href\s*=\s*["']?\s*mailto:([^"'>?\s]+)/i;
const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
// RFC 5322 §3.4 name-addr: [display-name] "<" addr-spec ">", nothing after it.
const NAME_ADDR = /^([^<>]*)<([^<>@\s]+@[^<>\s]+)>\s*$/;

const OBFUSCATED_AT = /\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|\s+at\s+|\s*\[@\]\s*)\s*/i;
const OBFUSCATED_DOT = /\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\}|\s+dot\s+)\s*/gi;

/** Strips what copying from a web page leaves around an address and undoes "[at]"/"(dot)". */
export function cleanAddress(raw: string): CleanedAddress {
  let s = raw.trim();
  let artefact = false;
  let deobfuscated = false;
  let displayName: string | null = null;
  const link = MAILTO_LINK.exec(s);
  if (link) {
    s = decodeURIComponentSafe(link[1] ?? '');
    artefact = true;
  } else if (HTML_TAG.test(s)) {
    s = s.replace(HTML_TAG, ' ').trim();
    artefact = true;
  }
  HTML_TAG.lastIndex = 0;
  if (/^mailto:/i.test(s)) {
    s = decodeURIComponentSafe(s.slice(7).split('?')[0] ?? '');
    artefact = true;
  }
  const nameAddr = NAME_ADDR.exec(s);
  if (nameAddr) {
    // A mail client's "Name <address>" is a person's mailbox, not debris: read both (RFC 5322).
    const parsed = emailAddresses.parseOneAddress({ input: s, rfc6532: true });
    displayName = parsed && parsed.type === 'mailbox' ? parsed.name?.trim() || null : null;
    if (parsed && parsed.type === 'mailbox' && displayName) {
      s = parsed.address;
    } else {
      // "<address>" alone, or a name-addr that does not parse: text copied around an address.
      s = nameAddr[2] ?? '';
      artefact = true;
    }
  } else {
    const angle = /<([^<>]*)>/.exec(s);
    if (angle && angle[1]?.includes('@')) {
      s = angle[1];
      artefact = true;
    }
  }
  const stripped = s.replace(/^["'`(\[{\s]+/, '').replace(/["'`)\]}\s.,;:!?>]+$/, '');
  if (stripped !== s && !/^"[^"]*"@/.test(s)) {
    s = stripped;
    artefact = true;
  }
  if (!s.includes('@') && OBFUSCATED_AT.test(s)) {
    s = s.replace(OBFUSCATED_AT, '@').replace(OBFUSCATED_DOT, '.');
    deobfuscated = true;
  } else if (/@/.test(s) && OBFUSCATED_DOT.test(s.split('@')[1] ?? '')) {
    const [l, d] = s.split('@');
    s = `${l}@${(d ?? '').replace(OBFUSCATED_DOT, '.')}`;
    deobfuscated = true;
  }
  OBFUSCATED_DOT.lastIndex = 0;
  return { address: s, deobfuscated, artefact, displayName };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// RFC 5321 §4.1.2 Dot-string: atext runs separated by single dots (ASCII).
const DOT_ATOM_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// RFC 5321 §4.1.2 Quoted-string: qtextSMTP or quoted-pairSMTP between double quotes.
const QUOTED_LOCAL = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
// RFC 5321 §4.1.2 Domain: LDH labels of 1–63 characters (IDNs arrive as A-labels or UTF-8).
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9\u00a1-\uffff-]{1,63}(?<!-)$/;

export type SyntaxProblem = 'invalid-syntax' | 'too-long' | 'invalid-domain';

/** Returns the normalised address (domain lower-cased) or the syntax problem. */
export function checkSyntax(
  address: string,
): { ok: true; address: string; local: string; domain: string } | { ok: false; problem: SyntaxProblem } {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return { ok: false, problem: 'invalid-syntax' };
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (
    Buffer.byteLength(local) > MAX_LOCAL_PART_LENGTH ||
    Buffer.byteLength(domain) > MAX_DOMAIN_LENGTH ||
    Buffer.byteLength(address) > MAX_ADDRESS_LENGTH
  ) {
    return { ok: false, problem: 'too-long' };
  }
  if (!DOT_ATOM_LOCAL.test(local) && !QUOTED_LOCAL.test(local)) {
    // UTF-8 local parts (RFC 6531) go through the full RFC 5322/6532 grammar.
    const nonAscii = /[^\x00-\x7f]/.test(local);
    const parsed = nonAscii ? emailAddresses.parseOneAddress({ input: address, rfc6532: true }) : null;
    if (!parsed || parsed.type !== 'mailbox' || parsed.local !== local) return { ok: false, problem: 'invalid-syntax' };
  }
  if (domain.startsWith('[')) return { ok: false, problem: 'invalid-domain' }; // address literals: no list member has one
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return { ok: false, problem: 'invalid-domain' };
  if (!hasPublicSuffix(domain)) return { ok: false, problem: 'invalid-domain' };
  return { ok: true, address: `${local}@${domain}`, local, domain };
}

const domainCache = new Map<string, boolean>();
const DOMAIN_CACHE_MAX = 20_000;

/** The domain ends in a real public suffix (ICANN or private section) and is not one itself. */
export function hasPublicSuffix(domain: string): boolean {
  const hit = domainCache.get(domain);
  if (hit !== undefined) return hit;
  const p = parseDomain(domain, { allowPrivateDomains: true });
  const ok = p.domain !== null && (p.isIcann === true || p.isPrivate === true) && p.isIp !== true;
  if (domainCache.size >= DOMAIN_CACHE_MAX) domainCache.clear();
  domainCache.set(domain, ok);
  return ok;
}

const DISPOSABLE = new Set<string>(disposableList);
const DISPOSABLE_WILDCARD = new Set<string>(disposableWildcards);

/** The domain (or a parent, for the wildcard list) is a known disposable-mail provider. */
export function isDisposableDomain(domain: string): boolean {
  if (DISPOSABLE.has(domain)) return true;
  const parts = domain.split('.');
  for (let i = 1; i < parts.length - 1; i++) {
    if (DISPOSABLE_WILDCARD.has(parts.slice(i).join('.'))) return true;
  }
  return DISPOSABLE_WILDCARD.has(domain);
}

const ROLES = new Set<string>(roleList.map((r) => r.toLowerCase()));

/** The local part (without a +tag) names a role or group, not a person: info@, sales@ … */
export function isRoleAddress(local: string): boolean {
  const base = local.toLowerCase().split('+')[0] ?? '';
  return ROLES.has(base);
}

/** Mailboxes that scrapers harvest from "contact us" pages across many sites. */
export const GENERIC_SITE_MAILBOXES = new Set([
  'info',
  'contact',
  'office',
  'webmaster',
  'admin',
  'sales',
  'hello',
  'support',
  'postmaster',
  'hostmaster',
  'secretariat',
  'birou',
  'contabilitate',
]);
