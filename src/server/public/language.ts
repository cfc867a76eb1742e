// Which language a public page is shown in (I18N-01): `?lang=` first, then the `lang` cookie
// (set only when the visitor explicitly picks a language with the switch: a strictly necessary
// preference cookie, CK-01), then the browser's Accept-Language, then English.
import { LANGUAGE_COOKIE_NAME, type Language } from '../../../policy/cookies.ts';

export const LANGUAGES: readonly Language[] = ['en', 'ro'];
export const DEFAULT_LANGUAGE: Language = 'en';
/** Accept-Language values longer than this are ignored (bounded input, SEC-03). */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 256;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function resolveLanguage(input: {
  query?: unknown;
  cookies?: Record<string, string | undefined>;
  acceptLanguage?: string | undefined;
}): Language {
  if (isLanguage(input.query)) return input.query;
  const fromCookie = input.cookies?.[LANGUAGE_COOKIE_NAME];
  if (isLanguage(fromCookie)) return fromCookie;
  return fromAcceptLanguage(input.acceptLanguage);
}

/** RFC 9110 §12.5.4: the highest-weighted supported primary tag wins. */
export function fromAcceptLanguage(header: string | undefined): Language {
  if (!header || header.length > MAX_ACCEPT_LANGUAGE_LENGTH) return DEFAULT_LANGUAGE;
  let best: { lang: Language; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
    if (!isLanguage(primary) || !Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? DEFAULT_LANGUAGE;
}
