// Conformance of the bounce classifier (REP-01) and the ARF reader (REP-02) with real messages:
// sisimai's 629-message test set and its expected.tsv, and five RFC 5965 reports with their
// expected parse. sisimai's reason vocabulary is ours; where its engines name a reason we do not
// distinguish, the mapping is in this test (ours → theirs), never in the classifier.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBounce, type BounceResult } from '../../src/core/bounces/classify.ts';
import { ARF, BOUNCES, corpusPresent, expectedRows } from './bounce-corpus.ts';

const present = corpusPresent();
if (!present) {
  const msg = `bounce corpus absent at ${BOUNCES} (../shared/corpora): conformance tests skipped`;
  if (process.env.CI === 'true') throw new Error(`${msg} (CI=true: this is a failure, not a skip)`);
  console.warn(`NOTICE: ${msg}`);
}

// Agreement floors: what the classifier reaches today, so a regression fails.
const FLOOR = { hardSoft: 0.97, status: 0.935, recipient: 0.98, reason: 0.9 };

type Figures = { rows: number; hardSoft: number; status: number; recipient: number; reason: number };

function score(): Figures & { misses: string[] } {
  const cache = new Map<string, BounceResult[]>();
  const f = { rows: 0, hardSoft: 0, status: 0, recipient: 0, reason: 0, misses: [] as string[] };
  for (const row of expectedRows()) {
    const file = row.file;
    let results = cache.get(file);
    if (!results) {
      results = classifyBounce(readFileSync(join(BOUNCES, file)));
      cache.set(file, results);
    }
    const r = results[row.index - 1];
    f.rows++;
    if (!r) {
      f.misses.push(`${file}#${row.index}: no result`);
      continue;
    }
    if (r.hard === row.hard) f.hardSoft++;
    if (r.status === row.status) f.status++;
    // expected.tsv names no recipient: we count a recipient address found for the right kind of report.
    if (/^[^@\s]{1,64}@[^@\s]{1,255}$/.test(r.recipient) && (row.reason === 'feedback') === (r.kind === 'feedback'))
      f.recipient++;
    if (r.reason === row.reason) f.reason++;
    else f.misses.push(`${file}#${row.index}: ${row.reason} ≠ ${r.reason}`);
  }
  return f;
}

function pct(x: number, n: number): string {
  return `${((100 * x) / n).toFixed(1)}%`;
}

describe.skipIf(!present)('bounce corpus conformance', () => {
  it("[REP-01] agrees with sisimai's expected results on maildir/bsd (hard/soft, status, recipient, reason)", () => {
    const f = score();
    console.log(
      `bounce corpus maildir/bsd: ${f.rows} rows — hard/soft ${pct(f.hardSoft, f.rows)}, status ${pct(f.status, f.rows)}, ` +
        `recipient ${pct(f.recipient, f.rows)}, exact reason ${pct(f.reason, f.rows)}`,
    );
    expect(f.rows).toBeGreaterThan(600);
    expect(f.hardSoft / f.rows).toBeGreaterThanOrEqual(FLOOR.hardSoft);
    expect(f.status / f.rows).toBeGreaterThanOrEqual(FLOOR.status);
    expect(f.recipient / f.rows).toBeGreaterThanOrEqual(FLOOR.recipient);
    expect(f.reason / f.rows).toBeGreaterThanOrEqual(FLOOR.reason);
  });

  it('[REP-01] classifies the CRLF copies in maildir/dos as their LF twins in maildir/bsd', () => {
    let twins = 0;
    for (const file of readdirSync(join(BOUNCES, 'maildir/dos'))) {
      const lf = join(BOUNCES, 'maildir/bsd', file);
      if (!existsSync(lf)) continue; // a few dos copies carry older names with no LF twin
      twins++;
      // The reply text is left out: a few copies differ beyond line endings (lhost-notes-01's
      // ISO-2022-JP escapes survive only in the dos copy).
      const strip = (rs: BounceResult[]) => rs.map(({ reply: _reply, ...r }) => r);
      expect(strip(classifyBounce(readFileSync(join(BOUNCES, 'maildir/dos', file)))), file).toEqual(
        strip(classifyBounce(readFileSync(lf))),
      );
    }
    expect(twins).toBeGreaterThan(60);
  });

  it('[REP-01] classifies every message of maildir/bsd without throwing, one result at least', () => {
    for (const file of readdirSync(join(BOUNCES, 'maildir/bsd'))) {
      const results = classifyBounce(readFileSync(join(BOUNCES, 'maildir/bsd', file)));
      expect(results.length, file).toBeGreaterThan(0);
    }
  });

  it('[REP-01] reads the messages of maildir/not as not-a-bounce', () => {
    for (const file of readdirSync(join(BOUNCES, 'maildir/not'))) {
      const results = classifyBounce(readFileSync(join(BOUNCES, 'maildir/not', file)));
      // rb-issue-368-bug.eml is filed there from a sisimai bug report, but it is a postmaster's
      // notice that "xxxx@yyyyyy.net" was rejected for "Mailbox full": we read it as that, on purpose.
      if (file === 'rb-issue-368-bug.eml') {
        expect(results.map((r) => [r.kind, r.reason, r.recipient])).toEqual([['soft', 'mailboxfull', 'xxxx@yyyyyy.net']]);
        continue;
      }
      expect(
        results.map((r) => r.kind),
        file,
      ).toEqual(['not-a-bounce']);
    }
  });

  it('[REP-02] names the feedback type of every ARF message in the bounce corpus', () => {
    const rows = expectedRows().filter((r) => r.reason === 'feedback');
    let agree = 0;
    for (const row of rows) {
      const r = classifyBounce(readFileSync(join(BOUNCES, row.file)))[row.index - 1];
      if (r?.kind === 'feedback' && r.feedbackType === row.feedbackType) agree++;
    }
    console.log(`feedback reports: ${agree}/${rows.length} with the expected feedback type`);
    expect(agree / rows.length).toBeGreaterThanOrEqual(0.85);
  });
});

/** stalwart's names: 'auth-failure' → 'AuthFailure', 'bodyhash' → 'BodyHash' — compared loosely. */
const loose = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase().replace(/[-_]/g, '') : v);

describe.skipIf(!present)('ARF reports (RFC 5965)', () => {
  const files = present ? readdirSync(ARF).filter((f) => f.endsWith('.eml')) : [];
  for (const file of files) {
    it(`[REP-02] parses arf/${file} to the fields of its .json`, () => {
      const want = JSON.parse(readFileSync(join(ARF, file.replace('.eml', '.json')), 'utf8')) as Record<string, unknown>;
      const [r] = classifyBounce(readFileSync(join(ARF, file)));
      expect(r?.kind).toBe('feedback');
      const fb = r?.feedback;
      expect(fb).toBeDefined();
      if (!fb) return;
      const got: Record<string, unknown> = {
        feedback_type: loose(fb.feedbackType),
        arrival_date: fb.arrivalDate ? Math.floor(fb.arrivalDate.getTime() / 1000) : null,
        authentication_results: fb.authenticationResults,
        incidents: fb.incidents,
        original_envelope_id: fb.originalEnvelopeId,
        original_mail_from: fb.originalMailFrom,
        original_rcpt_to: fb.originalRcptTo,
        reported_domain: fb.reportedDomain,
        reported_uri: fb.reportedUri,
        reporting_mta: fb.reportingMta,
        source_ip: fb.sourceIp,
        user_agent: fb.userAgent,
        version: fb.version,
        source_port: fb.sourcePort,
        auth_failure: loose(fb.authFailure),
        delivery_result: loose(fb.deliveryResult),
        dkim_adsp_dns: fb.dkimAdspDns,
        dkim_canonicalized_body: fb.dkimCanonicalizedBody,
        dkim_canonicalized_header: fb.dkimCanonicalizedHeader,
        dkim_domain: fb.dkimDomain,
        dkim_identity: fb.dkimIdentity,
        dkim_selector: fb.dkimSelector,
        dkim_selector_dns: fb.dkimSelectorDns,
        spf_dns: fb.spfDns,
        identity_alignment: loose(fb.identityAlignment),
        headers: fb.originalHeaderText,
      };
      const expected = { ...want };
      for (const k of ['feedback_type', 'auth_failure', 'delivery_result', 'identity_alignment'])
        expected[k] = loose(expected[k]);
      delete expected.message; // the attached message/rfc822 itself: we keep its tracing headers, not the message
      expect(got).toEqual(expected);
    });
  }
});
