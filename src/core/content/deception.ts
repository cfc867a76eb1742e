// Deception checks on the words of a message (CNT-03): a subject that claims to be a reply or a
// forward, and text in the HTML that a reader cannot see. Link checks are in links.ts.
import type { ContentPolicy } from './policy.ts';
import type { FieldText, Span } from './screen.ts';

/** "Re:", "RE :", "Fwd[2]:", "AW:", "TR:", "Răsp:" … at the start of the subject (folded: ă → a, fullwidth colon → :). */
export function fakeReplyPrefix(subject: FieldText, policy: ContentPolicy): Span | null {
  const { norm, starts, ends } = subject.folded;
  const prefixes = new Set(policy.data.deception.replyPrefixes);
  let i = 0;
  let end = -1;
  // A chain ("Re: Fwd: …") is one prefix; look at the first 40 characters only.
  for (let round = 0; round < 4; round++) {
    while (i < norm.length && (norm[i] === ' ' || norm[i] === '\t')) i++;
    let j = i;
    while (j < norm.length && j - i < 16 && norm.charCodeAt(j) >= 97 && norm.charCodeAt(j) <= 122) j++;
    const word = norm.slice(i, j);
    let k = j;
    while (k < norm.length && norm[k] === ' ') k++;
    if (norm[k] === '[' || norm[k] === '(') {
      const close = norm[k] === '[' ? ']' : ')';
      let m = k + 1;
      while (m < norm.length && m - k < 6 && norm.charCodeAt(m) >= 48 && norm.charCodeAt(m) <= 57) m++;
      if (norm[m] === close) k = m + 1;
      while (k < norm.length && norm[k] === ' ') k++;
    }
    if (word === '' || !prefixes.has(word) || norm[k] !== ':') break;
    end = k;
    i = k + 1;
    if (i > 40) break;
  }
  if (end < 0) return null;
  const firstWord = subject.tokens.start[0] ?? 0;
  const start = starts[firstWord]!;
  const stop = ends[end]!;
  return { field: 'subject', start, end: stop, excerpt: subject.original.slice(start, stop) };
}

/**
 * Runs of hidden words in the HTML, except the email conventions: the preheader (hidden text before
 * any visible word, short, or equal to the preheader given) and hidden copies of visible text
 * (responsive templates hide the desktop or mobile version of the same words).
 */
export function hiddenTextRuns(html: FieldText, preheader: FieldText | null, policy: ContentPolicy): Span[] {
  const mask = html.hidden;
  if (!mask) return [];
  const t = html.tokens;
  const runs: [number, number][] = [];
  const visible: string[] = [];
  let firstVisible = -1;
  for (let i = 0; i < t.text.length; i++) {
    const hidden = mask[t.start[i]!] === 1;
    if (!hidden) {
      visible.push(t.text[i]!);
      if (firstVisible < 0) firstVisible = i;
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  if (runs.length === 0) return [];
  const visibleText = ` ${visible.join(' ')} `;
  const preheaderText = preheader ? preheader.tokens.text.join(' ') : null;
  const spans: Span[] = [];
  for (const [a, b] of runs) {
    const words = t.text.slice(a, b + 1).join(' ');
    const chars = t.end[b]! - t.start[a]!;
    const leading = firstVisible < 0 || b < firstVisible;
    if (leading && chars <= policy.data.deception.preheaderMaxChars) continue;
    if (preheaderText !== null && words === preheaderText) continue;
    if (visibleText.includes(` ${words} `)) continue;
    const start = html.folded.starts[t.start[a]!]!;
    const end = html.folded.ends[t.end[b]! - 1]!;
    spans.push({ field: 'html', start, end, excerpt: html.original.slice(start, Math.min(end, start + 200)) });
  }
  return spans;
}
