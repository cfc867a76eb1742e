// Trace keys (ABU-02): what a reported or returned message's headers carry that leads back to
// what Assent sent — VERP Return-Path, List-Unsubscribe tokens, Message-ID, Feedback-ID. Pure,
// bounded, never throws.
import { decodeWords, parseHeaders } from '../bounces/mime.ts';
import { VERP_PREFIX } from '../tokens/verp.ts';
import type { TraceKeys } from './types.ts';

/** Text scanned for keys; a longer header block is cut. */
export const MAX_TRACE_TEXT = 256 * 1024;
const MAX_PER_KIND = 20;

const VERP = new RegExp(`(?:^|[<\\s:"])(${VERP_PREFIX}[A-Za-z0-9_-]{20,62})@`, 'g');
const UNSUB_URL = /\/u\/([A-Za-z0-9._~-]{10,2000})/g;
const UNSUB_MAILTO = /mailto:unsubscribe\+([A-Za-z0-9._~-]{10,2000})@/gi;
const MESSAGE_ID = /<[^<>\s@]{1,250}@[^<>\s@]{1,250}>/g;

function all(re: RegExp, text: string, group = 1): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(re)) {
    out.add(m[group] ?? m[0]);
    if (out.size >= MAX_PER_KIND) break;
  }
  return [...out];
}

const values = (h: Map<string, string[]>, ...names: string[]) => names.flatMap((n) => h.get(n) ?? []).map(decodeWords);

export function traceKeys(headerText: string): TraceKeys {
  const text = String(headerText ?? '')
    .slice(0, MAX_TRACE_TEXT)
    .replace(/\r\n?/g, '\n');
  const h = parseHeaders(text);
  const returnPaths = values(
    h,
    'return-path',
    'original-mail-from',
    'x-original-return-path',
    'envelope-from',
    'x-envelope-from',
  ).join(' ');
  const unsub = values(h, 'list-unsubscribe').join(' ');
  const ids = values(h, 'message-id', 'x-original-message-id').join(' ');
  return {
    verpLocalParts: all(VERP, ` ${returnPaths}`),
    unsubscribeTokens: [...new Set([...all(UNSUB_URL, unsub), ...all(UNSUB_MAILTO, unsub)])].slice(0, MAX_PER_KIND),
    messageIds: all(MESSAGE_ID, ids, 0),
    feedbackIds: values(h, 'feedback-id')
      .map((v) => v.trim())
      .filter(Boolean)
      .slice(0, MAX_PER_KIND),
  };
}

/**
 * The same from free text: a pasted message or an inline forward whose header lines may be quoted
 * (`> `), indented or wrapped by a mail client. Each header line is found wherever it starts; an
 * unsubscribe link of ours anywhere in the text is a key too.
 */
export function traceKeysFromText(text: string): TraceKeys {
  const src = String(text ?? '')
    .slice(0, MAX_TRACE_TEXT)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^(?:\s*>)+\s?/, '').replace(/^\s+(?=[A-Za-z-]+:)/, ''))
    .join('\n');
  const direct = traceKeys(src);
  const line = (name: string) =>
    [...src.matchAll(new RegExp(`^${name}:[ \\t]*(.*(?:\\n[ \\t]+.*)*)`, 'gim'))].map((m) =>
      (m[1] ?? '').replace(/\n[ \t]+/g, ' '),
    );
  const returnPaths = line('(?:return-path|original-mail-from|x-original-return-path)').join(' ');
  const unsub = line('list-unsubscribe').join(' ');
  const ids = line('(?:message-id|x-original-message-id)').join(' ');
  const u = (a: string[], b: string[]) => [...new Set([...a, ...b])].slice(0, MAX_PER_KIND);
  return {
    verpLocalParts: u(direct.verpLocalParts, all(VERP, ` ${returnPaths}`)),
    // A forward often drops the headers but keeps the body, whose footer carries the unsubscribe
    // link: any /u/<token> in the text counts (a token proves itself by its signature).
    unsubscribeTokens: u(direct.unsubscribeTokens, [
      ...all(UNSUB_URL, unsub),
      ...all(UNSUB_MAILTO, unsub),
      ...all(UNSUB_URL, src),
    ]),
    messageIds: u(direct.messageIds, all(MESSAGE_ID, ids, 0)),
    feedbackIds: u(
      direct.feedbackIds,
      line('feedback-id').map((v) => v.trim()),
    ),
  };
}
