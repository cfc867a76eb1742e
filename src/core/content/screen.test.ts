// The screen's contract: normalisation shown in the original, revision, overrides, bad input.
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { MAX_CONTENT_HTML_BYTES, loadContentPolicy, screenContent } from './screen.ts';

const sms = (text: string) => screenContent({ channel: 'sms', text });

describe('normalisation', () => {
  it('[CNT-01] matches obfuscated, accented and confusable spellings and shows the original span', () => {
    const cases: [string, string][] = [
      ['Buy v1agra now', 'v1agra'],
      ['Buy v\u200bi\u200ca\u200dgra now', 'v\u200bi\u200ca\u200dgra'],
      ['Buy v.i.a.g.r.a now', 'v.i.a.g.r.a'],
      ['Buy via-gra now', 'via-gra'],
      ['Buy VIAAAGRA now', 'VIAAAGRA'],
      ['Buy \u0432iagra now'.replace('\u0432', '\u0475'), '\u0475iagra'],
      ['Buy vi\u0430gra now', 'vi\u0430gra'],
      ['Buy ｖｉａｇｒａ now', 'ｖｉａｇｒａ'],
      ['Cumpara pastila albastra acum', 'pastila albastra'],
      ['Cumpără pastila albastră acum', 'pastila albastră'],
      ['Cumpără pastila albastrã acum', 'pastila albastrã'],
    ];
    for (const [text, shown] of cases) {
      const r = sms(text);
      expect(r.verdict, text).not.toBe('allow');
      const span = r.findings.find((f) => f.category === 'erectile-remedies')!.spans[0]!;
      expect(span.excerpt).toBe(shown);
      expect(text.slice(span.start, span.end)).toBe(shown);
    }
  });
  it('[CNT-01] matches inflected forms of listed words (Romanian articles and plurals, English plurals)', () => {
    const r = sms('Clarvăzătoarea noastră citește horoscopurile, sună acum');
    expect(r.findings[0]!.category).toBe('clairvoyance');
    expect(r.findings[0]!.spans.map((s) => s.excerpt)).toContain('Clarvăzătoarea');
    expect(sms('Clarvăzătoare').score).toBeGreaterThan(0);
  });
  it('folds ş/ș and ţ/ț the same way (cedilla and comma below)', () => {
    expect(sms('Ţigări electronice şi lichide vape, comandă acum').findings[0]!.category).toBe('vaping');
    expect(sms('Țigări electronice și lichide vape, comandă acum').findings[0]!.category).toBe('vaping');
  });
  it('shows spans in the HTML source through entities and inline tags', () => {
    const html = '<p>Best prices on v<b>ia</b>gra &amp; cialis, order now</p>';
    const r = screenContent({ channel: 'email', html });
    const spans = r.findings.find((f) => f.category === 'erectile-remedies')!.spans;
    expect(spans.map((s) => html.slice(s.start, s.end))).toEqual(['v<b>ia</b>gra', 'cialis']);
  });
  it('leaves prices and ordinary numbers alone (no l33t in 100 lei, mp3, web3)', () => {
    expect(sms('Concert 100 lei, mp3 download, web3 conference').verdict).toBe('allow');
  });
});

describe('context', () => {
  it('[CNT-01] negation: "alcohol-free", "we do not sell", "fără alcool" do not count as promotion', () => {
    for (const text of [
      'Our café is alcohol-free and smoke-free: new lemonades, order now',
      'Nu vindem alcool minorilor; băuturi fără alcool la reducere, comandă acum',
    ]) {
      expect(sms(text).verdict, text).toBe('allow');
    }
  });
  it('the same words promoted are caught', () => {
    expect(sms('Vodka and gin, 2 for 1, order now with free delivery').verdict).not.toBe('allow');
  });
  it('a declared industry of the category raises the score', () => {
    const input = { channel: 'email' as const, html: '<p>New casino nights every Friday.</p>' };
    expect(screenContent({ ...input, declaredIndustry: 'gambling' }).score).toBeGreaterThan(screenContent(input).score);
  });
});

describe('policy', () => {
  it('[CNT-01] every result records the policy revision, a hash of the data that changes with it', () => {
    const base = sms('hello');
    expect(base.policyRevision).toMatch(/^content-v1-[0-9a-f]{16}$/);
    expect(base.policyRevision).toBe(loadContentPolicy().revision);
    const tuned = loadContentPolicy({ categories: { gambling: { en: { strong: ['lucky wheel'] } } } });
    expect(tuned.revision).not.toBe(base.policyRevision);
    const r = screenContent({ channel: 'sms', text: 'Spin the lucky wheel tonight' }, tuned);
    expect(r.policyRevision).toBe(tuned.revision);
    expect(r.findings[0]!.category).toBe('gambling');
    expect(sms('Spin the lucky wheel tonight').verdict).toBe('allow');
  });
  it('weights and thresholds are tunable', () => {
    const strict = loadContentPolicy({ holdAt: 1 });
    expect(screenContent({ channel: 'sms', text: 'casino' }, strict).verdict).toBe('hold');
    expect(sms('casino').verdict).toBe('allow');
    expect(() => loadContentPolicy({ categories: { nope: {} } })).toThrow(/unknown category/);
  });
});

describe('bad input', () => {
  it('refuses a 5 MB HTML body with CONTENT_TOO_LARGE', () => {
    const html = `<p>${'a'.repeat(5 * 1024 * 1024)}</p>`;
    expect(() => screenContent({ channel: 'email', html })).toThrow(AppError);
    try {
      screenContent({ channel: 'email', html });
    } catch (e) {
      expect((e as AppError).code).toBe('CONTENT_TOO_LARGE');
      expect((e as AppError).kind).toBe('too-large');
    }
    expect(MAX_CONTENT_HTML_BYTES).toBeLessThan(5 * 1024 * 1024);
  });
  it('counts UTF-8 bytes, not characters', () => {
    const html = 'ă'.repeat(MAX_CONTENT_HTML_BYTES / 2 + 10);
    expect(() => screenContent({ channel: 'email', html })).toThrow(/larger than/);
  });
  it('gives a verdict for malformed HTML, 10,000 nested tags, whitespace, emoji-only SMS, empty input', () => {
    const inputs = [
      { channel: 'email' as const, html: '<div><p>unclosed <b>bold <a href="x>broken</div></i></table><<<>>>&&&;&#xZZZ;' },
      { channel: 'email' as const, html: `${'<div>'.repeat(10_000)}casino free spins${'</div>'.repeat(10_000)}` },
      { channel: 'email' as const, html: `${'<span style="display:none">'.repeat(10_000)}x` },
      { channel: 'email' as const, html: ' \n\t '.repeat(10_000), text: '   ' },
      { channel: 'sms' as const, text: '🎉🎉🔥💯👍🏽' },
      { channel: 'sms' as const },
    ];
    for (const input of inputs) {
      const r = screenContent(input);
      expect(['allow', 'hold', 'reject']).toContain(r.verdict);
    }
    expect(screenContent(inputs[1]!).findings[0]!.category).toBe('gambling');
  });
  it('returns on long adversarial strings (no catastrophic backtracking)', () => {
    const n = 100_000;
    const adversarial = [
      'a'.repeat(n),
      '1'.repeat(n),
      'a1'.repeat(n / 2),
      '.'.repeat(n),
      'a.'.repeat(n / 2),
      'a '.repeat(n / 2),
      'www.'.repeat(n / 4),
      `http://${'a.'.repeat(n / 2 - 8)}`,
      '@'.repeat(n),
      'v1'.repeat(n / 2),
      '€1'.repeat(n / 2),
      '-'.repeat(n),
      'aaa-'.repeat(n / 4),
    ];
    for (const s of adversarial) {
      expect(sms(s).policyRevision).toBeTruthy();
      expect(
        screenContent({
          channel: 'email',
          subject: s.slice(0, 1000),
          html: `<p style="${s.slice(0, 5000)}" class="${s}">${s}</p><a href="${s}">${s}</a>`,
        }).verdict,
      ).toBeDefined();
    }
  });
});
