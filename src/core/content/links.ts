// Link checks (CNT-03): every link of a message — the HTML's hrefs, the links given, and bare URLs
// in the text (SMS) — is parsed once (WHATWG URL, which also turns http://3232235777/ into its IP),
// and refused or held when it points to an IP address, a URL shortener, a blocklisted domain, or when
// its visible text shows one domain while it goes to another.
import { getDomain, parse } from 'tldts';
import type { ContentPolicy } from './policy.ts';
import type { DeceptionRule } from './policy-types.ts';

/** The domain blocklists (the enforcement issue adds real lookups); the screen only asks. */
export interface DomainBlocklist {
  isListed(domain: string): boolean;
}

export type LinkField = 'html' | 'link' | 'text' | 'subject' | 'preheader';

export interface LinkProblem {
  rule: DeceptionRule;
  field: LinkField;
  start: number;
  end: number;
}

const MAX_URL_CHARS = 2_048;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** A URL from something a person would read as one ("www.x.ro", "bit.ly/abc", "https://…"), or null. */
export function urlOf(raw: string): URL | null {
  const s = raw.trim().slice(0, MAX_URL_CHARS);
  if (s === '') return null;
  const hasScheme = /^[a-z][a-z0-9+.-]{0,20}:\/\//i.test(s);
  if (!hasScheme) {
    if (/^(mailto|tel|sms|callto|data|javascript):/i.test(s) || s.startsWith('/') || s.startsWith('#')) return null;
    const host = s.split(/[/?#:]/, 1)[0]!;
    const info = parse(host);
    if (
      !s.toLowerCase().startsWith('www.') &&
      !(info.isIcann && info.domain && /[a-z]/i.test(info.publicSuffix ?? '')) &&
      !info.isIp
    )
      return null;
  }
  try {
    const url = new URL(hasScheme ? s : `http://${s}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.hostname === '' || url.hostname.includes('{') || url.hostname.includes('%')) return null;
    return url;
  } catch {
    return null;
  }
}

const isIpHost = (host: string) => IPV4.test(host) || host.startsWith('[');

/** The host and each parent domain: a.b.example.ro → a.b.example.ro, b.example.ro, example.ro, ro. */
function* hostAndParents(host: string): Generator<string> {
  let h = host;
  for (;;) {
    yield h;
    const dot = h.indexOf('.');
    if (dot < 0) return;
    h = h.slice(dot + 1);
  }
}

const registrable = (host: string) => (isIpHost(host) ? host : (getDomain(host) ?? host));

export interface CheckedLink {
  url: string;
  field: LinkField;
  start: number;
  end: number;
  /** For HTML links: the visible text and its range. */
  text?: string;
  textStart?: number;
  textEnd?: number;
}

/** The first domain-looking word of a link's visible text ("www.paypal.com", "paypal.com/login"). */
function shownDomain(text: string): string | null {
  for (const word of text.slice(0, 500).split(/[\s<>"'()[\]]+/)) {
    const cleaned = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}/]+$/gu, '');
    if (!cleaned.includes('.')) continue;
    const url = urlOf(cleaned);
    if (url) return url.hostname;
  }
  return null;
}

export function checkLinks(
  links: readonly CheckedLink[],
  policy: ContentPolicy,
  blocklist: DomainBlocklist | undefined,
): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const exceptions = new Set(policy.data.deception.shortenerExceptions);
  for (const link of links) {
    const url = urlOf(link.url);
    if (!url) continue;
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    const at = { field: link.field, start: link.start, end: link.end };
    if (isIpHost(host)) problems.push({ rule: 'ip-address-url', ...at });
    const parents = [...hostAndParents(host)];
    if (!exceptions.has(host) && parents.some((h) => policy.shorteners.has(h) && !exceptions.has(h)))
      problems.push({ rule: 'url-shortener', ...at });
    if (blocklist && parents.some((h) => h.includes('.') && blocklist.isListed(h)))
      problems.push({ rule: 'blocklisted-domain', ...at });
    if (link.text !== undefined && link.textStart !== undefined && link.textStart >= 0) {
      const shown = shownDomain(link.text);
      if (shown && registrable(shown) !== registrable(host)) {
        problems.push({
          rule: 'link-text-mismatch',
          field: link.field,
          start: link.textStart,
          end: link.textEnd ?? link.textStart,
        });
      }
    }
  }
  return problems;
}

/** Bare URLs in plain text (an SMS, a text part): words that read as a link, with their offsets. */
export function bareUrls(text: string, field: LinkField): CheckedLink[] {
  const out: CheckedLink[] = [];
  let i = 0;
  const n = text.length;
  const isBreak = (c: string) =>
    c === ' ' ||
    c === '\n' ||
    c === '\r' ||
    c === '\t' ||
    c === '<' ||
    c === '>' ||
    c === '"' ||
    c === "'" ||
    c === '(' ||
    c === ')';
  while (i < n) {
    while (i < n && isBreak(text[i]!)) i++;
    let j = i;
    while (j < n && !isBreak(text[j]!)) j++;
    let end = j;
    while (end > i && '.,;:!?'.includes(text[end - 1]!)) end--;
    if (end - i >= 4 && end - i <= MAX_URL_CHARS) {
      const word = text.slice(i, end);
      // A bare dotted number in prose ("the router at 192.168.1.1") is an address, not a link: an IP
      // host counts only with a scheme (http://192.168.1.1/).
      const url = word.includes('.') && !word.includes('@') ? urlOf(word) : null;
      if (url && (/^[a-z][a-z0-9+.-]{0,20}:\/\//i.test(word) || !isIpHost(url.hostname)))
        out.push({ url: word, field, start: i, end });
    }
    i = j;
  }
  return out;
}
