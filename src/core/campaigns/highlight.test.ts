// The reviewer's highlighting (CNT-02): marks go in at the screen's offsets only where they cut no
// markup, and everything else of the HTML stays byte for byte.
import { describe, expect, it } from 'vitest';
import { highlightHtml, segmentText, textRanges } from './highlight.ts';

const span = (html: string, phrase: string, category = 'gambling', from = 0) => {
  const start = html.indexOf(phrase, from);
  if (start < 0) throw new Error(`no ${phrase}`);
  return { start, end: start + phrase.length, category };
};
const unmark = (s: string) => s.replace(/<mark data-testid="span" data-category="[^"]*">/g, '').replace(/<\/mark>/g, '');

describe('highlightHtml', () => {
  it('[CNT-02] wraps a span of text in a mark carrying its category and leaves the rest unchanged', () => {
    const html = '<p>Play <b>poker</b> online tonight</p>';
    const out = highlightHtml(html, [span(html, 'online')]);
    expect(out).toBe('<p>Play <b>poker</b> <mark data-testid="span" data-category="gambling">online</mark> tonight</p>');
    expect(unmark(out)).toBe(html);
  });

  it('[CNT-02] clips a span that crosses tags to its visible pieces, never inside a tag', () => {
    const html = '<p>Play <b class="x">poker</b> online</p>';
    const out = highlightHtml(html, [{ start: html.indexOf('Play'), end: html.indexOf('online') + 6, category: 'gambling' }]);
    expect(out).toBe(
      '<p><mark data-testid="span" data-category="gambling">Play </mark><b class="x"><mark data-testid="span" data-category="gambling">poker</mark></b><mark data-testid="span" data-category="gambling"> online</mark></p>',
    );
    expect(unmark(out)).toBe(html);
  });

  it('skips spans inside comments, style, script and non-link attributes; a quoted > in an attribute does not end the tag', () => {
    const html = '<a title="a > casino" href="https://casino.example">go</a><!-- casino --><style>.casino{}</style><p>casino</p>';
    const spans = [
      span(html, 'casino'), // in the title attribute
      span(html, 'casino', 'gambling', html.indexOf('https')), // href
      span(html, 'casino', 'gambling', html.indexOf('<!--')),
      span(html, 'casino', 'gambling', html.indexOf('<style>')),
      span(html, 'casino', 'gambling', html.indexOf('<p>')),
    ];
    const out = highlightHtml(html, spans);
    // The two in the link's attributes mark the link's text (once); comment and style stay unmarked.
    expect(out.match(/<mark /g)).toHaveLength(2);
    expect(
      out.startsWith(
        '<a title="a > casino" href="https://casino.example"><mark data-testid="span" data-category="gambling">go</mark></a>',
      ),
    ).toBe(true);
    expect(out.endsWith('<p><mark data-testid="span" data-category="gambling">casino</mark></p>')).toBe(true);
    expect(unmark(out)).toBe(html);
  });

  it("[CNT-02] a span in a link's href marks that link's text instead", () => {
    const html = '<p>Sale: <a href="https://tinyurl.com/x">Go to the sale</a> now</p>';
    const out = highlightHtml(html, [{ ...span(html, 'https://tinyurl.com/x'), category: 'deception' }]);
    expect(out).toBe(
      '<p>Sale: <a href="https://tinyurl.com/x"><mark data-testid="span" data-category="deception">Go to the sale</mark></a> now</p>',
    );
    // Not for other tags' attributes.
    const img = '<p><img alt="casino"> text</p>';
    expect(highlightHtml(img, [span(img, 'casino')])).toBe(img);
  });

  it('never splits a character reference and merges overlapping spans', () => {
    const html = '<p>Rock&amp;roll casino</p>';
    const mid = html.indexOf('amp;') + 1; // inside &amp;
    const out = highlightHtml(html, [
      { start: mid, end: html.indexOf(' casino'), category: 'a' },
      { start: html.indexOf('roll'), end: html.indexOf('</p>'), category: 'b' },
    ]);
    expect(out).toBe('<p>Rock<mark data-testid="span" data-category="a">&amp;roll casino</mark></p>');
  });

  it('ignores spans out of range or empty, and escapes the category attribute', () => {
    const html = '<p>x</p>';
    expect(highlightHtml(html, [{ start: 50, end: 60, category: 'a' }])).toBe(html);
    expect(highlightHtml(html, [{ start: 3, end: 3, category: 'a' }])).toBe(html);
    expect(highlightHtml(html, [{ start: 3, end: 4, category: '"><script>' }])).toBe(
      '<p><mark data-testid="span" data-category="&quot;&gt;&lt;script&gt;">x</mark></p>',
    );
  });

  it('stays linear on adversarial markup (a long unclosed tag, ten thousand nested tags)', () => {
    const unclosed = `<p title="${'a'.repeat(200_000)}`;
    const nested = `${'<div>'.repeat(10_000)}casino${'</div>'.repeat(10_000)}`;
    const t0 = performance.now();
    expect(highlightHtml(unclosed, [{ start: 5, end: 100, category: 'a' }])).toBe(unclosed);
    expect(highlightHtml(nested, [span(nested, 'casino')])).toContain(
      '<mark data-testid="span" data-category="gambling">casino</mark>',
    );
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('textRanges treats a lone < as text', () => {
    const html = '<p>1 < 2</p>';
    expect(textRanges(html).map(([a, b]) => html.slice(a, b))).toEqual(['1 < 2']);
  });
});

describe('segmentText', () => {
  it('[CNT-02] splits a subject into plain and matched pieces', () => {
    const subject = 'Singles near you tonight';
    expect(segmentText(subject, [span(subject, 'Singles', 'dating')])).toEqual([
      { text: 'Singles', category: 'dating' },
      { text: ' near you tonight', category: null },
    ]);
    expect(segmentText('', [])).toEqual([{ text: '', category: null }]);
  });
});
