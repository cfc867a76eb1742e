// The render plan (text pieces kept, outputs evaluated per recipient) against liquidjs rendering
// the same parsed template whole: byte-for-byte the same output, defaults never "undefined".
import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile.ts';
import { render, type RenderContext } from './render.ts';

const BODY = [
  '<p>Hi {{ contact.first_name | default: "friend" }} / {{ contact.first_name }} / {{ contact.first_name | default: "friend" }}</p>',
  '<p>{{ contact.last_name | default: \'<b>&"x"</b>\' }} {{ contact.nope.deeper }} {{ contact.n }} {{ contact.flag }}</p>',
  '<p>{{ contact.first_name | upcase }} {{ contact.tags | join: ", " }} {{ contact.tags.size }} {{ contact.tags.first }} {{ contact.tags[1] }} {{ contact.tags[-1] }}</p>',
  '<p>{{ contact.obj.k }} {{ contact.obj }} {{ contact.constructor }} {{ contact.email }} {{ account.name }}</p>',
  '<a href="{{ click[0] }}">a</a><a href="{{ click[1] }}">b</a><a href="{{ click[7] }}">none</a><a href="{{ unsubscribe_url }}">u</a>',
  '<p>{{ contact.first_name | default: contact.email }} {{ missing | default: "" }} {{ "lit" }} {{ 3 }}</p>',
].join('\n');

const contexts: RenderContext[] = [
  {
    contact: { email: 'a@x.org', first_name: 'Ana <&> "q" \'s', n: 42, flag: false, tags: ['t1', 't<2>'], obj: { k: 'v&' } },
    account: { name: 'Acme & Co' },
    unsubscribe_url: 'https://assent.test/u/abc?x=1&y=2',
    click: ['https://assent.test/c/1', 'https://assent.test/c/2?a=1&b=<2>'],
  },
  { contact: { email: 'b@x.org', first_name: '', last_name: null }, account: { name: 'Acme' }, click: [] },
  { contact: { email: 'c@x.org', first_name: 0, tags: 'not-an-array', obj: [1, 2] }, account: { name: 'A' }, click: ['u'] },
];

describe('render plan', () => {
  it('[DEL-04] renders exactly what liquidjs renders for the whole template, for html, text and subject', async () => {
    for (const format of ['html', 'mjml'] as const) {
      const body =
        format === 'mjml'
          ? `<mjml><mj-body><mj-section><mj-column><mj-text>${BODY}</mj-text></mj-column></mj-section></mj-body></mjml>`
          : BODY;
      const t = await compileTemplate({
        format,
        body,
        subject: 'Hi {{ contact.first_name | default: "there" }} {{ contact.n }}',
        preheader: 'p',
      });
      for (const ctx of contexts) {
        const got = render(t, ctx);
        expect(got.html).toBe(String(t.engines.html.renderSync(t.parsed.html, ctx)));
        expect(got.text).toBe(String(t.engines.plain.renderSync(t.parsed.text, ctx)));
        expect(got.subject).toBe(String(t.engines.plain.renderSync(t.parsed.subject, ctx)).replace(/[\r\n]+/g, ' '));
        expect(got.html + got.text + got.subject).not.toContain('undefined');
      }
    }
  });

  it('[DEL-04] a template with tags (assign, for, if) is rendered by liquidjs whole, assignments seen by later outputs', async () => {
    const t = await compileTemplate({
      format: 'html',
      body: '{% assign who = contact.first_name | default: "you" %}<p>{{ who }}</p>{% for t in contact.tags %}<i>{{ t }}</i>{% endfor %}{% if contact.vip %}VIP{% endif %}{{ contact.first_name | default: "friend" }}',
      subject: 's',
      preheader: '',
    });
    const r = render(t, { contact: { email: 'a@x', tags: ['a', 'b'], vip: true }, account: { name: 'A' } });
    expect(r.html).toBe('<p>you</p><i>a</i><i>b</i>VIPfriend');
  });
});
