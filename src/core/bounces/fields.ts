// Small pure readers shared by the DSN, ARF and text paths. Every regex here is linear: bounded
// quantifiers over disjoint character classes, no nested repetition.

// RFC 3463 §2: class 2, 4 or 5; subject 0–7; detail up to three digits.
const STATUS_RE = /(?:^|[^\d.])([245]\.[0-7]\.\d{1,3})(?![\d.]\d)/;
const REPLY_RE = /(?:^|[\s([:;"'<#-])([245][0-5]\d)(?=[\s\-.;:,)\]]|$)/;
const ADDRESS_RE = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}/;

/** The first RFC 3463 enhanced status code in a text ("550 5.1.1 …" → "5.1.1"), or ''. */
export function findStatus(text: string): string {
  // Amazon SES prefixes its own class to the remote reply: "5.1.0 - Unknown address error 550-'5.7.1 …'".
  const ses = /^\s{0,8}[245]\.\d{1,3}\.\d{1,3} - /.exec(text);
  if (ses) {
    const inner = STATUS_RE.exec(text.slice(ses[0].length, 8192))?.[1];
    if (inner) return inner;
  }
  return STATUS_RE.exec(text.slice(0, 8192))?.[1] ?? '';
}

/** Every RFC 3463 status in a text, in order (at most 20). */
export function findStatuses(text: string): string[] {
  const re = new RegExp(STATUS_RE.source, 'g');
  const out: string[] = [];
  const t = text.slice(0, 8192);
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) && out.length < 20) if (m[1]) out.push(m[1]);
  return out;
}

/** The first SMTP reply code (RFC 5321 §4.2) in a text, or ''. */
export function findReplyCode(text: string): string {
  return REPLY_RE.exec(text.slice(0, 8192))?.[1] ?? '';
}

/** The first e-mail address in a text, lower-cased, or ''. */
export function findAddress(text: string): string {
  const m = ADDRESS_RE.exec(text.slice(0, 4096));
  return m
    ? m[0]
        .replace(/^[.]{1,64}/, '')
        .replace(/[.]{1,64}$/, '')
        .toLowerCase()
    : '';
}

/** `rfc822; <a@b>` → `a@b` (RFC 3464 §2.3.2 address-type; value). */
export function typedAddress(value: string): string {
  const semi = value.indexOf(';');
  return findAddress(semi >= 0 ? value.slice(semi + 1) : value) || findAddress(value);
}

/** `smtp; 550 …` → `550 …` (RFC 3464 §2.3.6 diagnostic-type; text). */
export function typedText(value: string): string {
  const semi = value.indexOf(';');
  if (semi > 0 && semi < 20 && /^[A-Za-z][A-Za-z0-9-]{0,18}$/.test(value.slice(0, semi).trim()))
    return value.slice(semi + 1).trim();
  return value.trim();
}

/** sisimai smtp/status Prefer: which of the Status field and the code in the reply to keep. */
export function preferStatus(field: string, inMessage: string, reply: string): string {
  if (!field) return inMessage;
  if (!inMessage) return field;
  const r = reply || '0';
  if (r[0] !== '0' && field[0] !== inMessage[0]) {
    if (r[0] === field[0]) return field;
    if (r[0] === inMessage[0]) return inMessage;
  }
  if (field === inMessage) return field;
  if (field.includes('.0.0')) return inMessage.includes('.0.0') ? field : inMessage;
  if (field.indexOf('.0') > 0 && inMessage.indexOf('.0') < 0) return inMessage;
  if (inMessage.includes('.0.0')) return field;
  if (field === '4.4.7' || field === '4.7.0' || field.startsWith('5.3.')) return inMessage;
  if (/^\d\.5\.[1245]$/.test(field)) return inMessage;
  if (field === '5.1.1') return inMessage.indexOf('.0') > 0 || inMessage.startsWith('5.5.') ? field : inMessage;
  if (field === '5.1.3' && inMessage.startsWith('5.7.')) return inMessage;
  return field;
}

/**
 * Lines of `name: value` fields, names lower-cased, in order. Continuation lines are unfolded with
 * a space, or with `folding: 'keep'` kept as written (ARF reports are compared field for field).
 */
export function fieldList(
  text: string,
  maxFields: number,
  folding: 'unfold' | 'keep' = 'unfold',
): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const line of text.split('\n')) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && out.length) {
      const last = out[out.length - 1] as { name: string; value: string };
      if (last.value.length < 8192) last.value += folding === 'keep' ? '\n' + line.trimEnd() : ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 60) continue;
    if (out.length >= maxFields) break;
    out.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return out;
}
