// The readable proof-of-opt-in page (CON-09): server-rendered, every value HTML-escaped.
import type { ProofBundle } from '../../../core/consent/proof.ts';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const KIND_LABEL: Record<string, string> = {
  requested: 'Sign-up requested (awaiting confirmation)',
  granted: 'Consent given',
  confirmed: 'Sign-up confirmed (double opt-in)',
  withdrawn: 'Consent withdrawn',
  reconfirmed: 'Consent renewed',
};

export function renderProofPage(b: ProofBundle): string {
  const row = (label: string, value: unknown) =>
    value === null || value === undefined || value === ''
      ? ''
      : `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const events = b.events
    .map(
      (e) => `<section class="event">
<h2>${escapeHtml(KIND_LABEL[e.kind] ?? e.kind)} — ${escapeHtml(e.occurredAt)}</h2>
<table>
${row('List', e.listId)}${row('Channel', e.channel)}${row('Source', `${e.sourceType}${e.sourceId ? ` (${e.sourceId})` : ''}`)}${row('Form', e.formId ? `${e.formId} v${e.formVersion ?? '?'}` : '')}
${row('IP address', e.ip)}${row('User agent', e.userAgent)}${row('Language', e.language)}${row('Partners', e.partners.join(', '))}
${row('Confirmed at', e.confirmedAt)}${row('Confirmation IP', e.confirmIp)}${row('Confirmation user agent', e.confirmUserAgent)}
${Object.keys(e.evidence).length ? row('Other evidence', JSON.stringify(e.evidence)) : ''}
${row('Chain position', e.seq)}${row('Previous hash', e.prevHash)}${row('Hash', e.hash)}${row('Text hash (SHA-256)', e.textHash)}
</table>
<p><strong>Exact text shown:</strong></p>
<blockquote>${escapeHtml(e.textShown) || '<em>(none)</em>'}</blockquote>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Proof of opt-in — contact ${escapeHtml(b.contactId)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}th{text-align:left;padding-right:1rem;vertical-align:top}td{word-break:break-all}blockquote{border-left:3px solid #888;margin:0;padding:.5rem 1rem;white-space:pre-wrap}</style>
</head><body>
<h1>Proof of opt-in</h1>
<p>Contact <code>${escapeHtml(b.contactId)}</code> of account <code>${escapeHtml(b.accountId)}</code>, generated ${escapeHtml(b.generatedAt)}.</p>
<p>Account chain head at export: seq ${escapeHtml(b.chainHead.seq)}, hash <code>${escapeHtml(b.chainHead.hash)}</code>. Serialisation ${escapeHtml(b.canonicalVersion)}; bundle hash <code>${escapeHtml(b.bundleHash)}</code>.</p>
<p>Download the JSON bundle and run <code>assent proof verify FILE</code> to check every hash independently.</p>
${events || '<p>No consent events are recorded for this contact.</p>'}
</body></html>`;
}
