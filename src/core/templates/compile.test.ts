import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { compileStats, compileTemplate, MAX_CAMPAIGN_BODY_BYTES } from './compile.ts';
import { render } from './render.ts';

const MJML = `<mjml>
  <mj-head><mj-style>.hi { color: #c00; }</mj-style></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text css-class="hi">Hello {{ contact.first_name | default: "friend" }} from {{ account.name }}</mj-text>
      <mj-button href="https://example.com/a">Go</mj-button>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;

const ctx = (attrs: Record<string, unknown>) => ({ contact: { email: 'a@example.com', ...attrs }, account: { name: 'Acme' } });

async function failing(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a failure');
}

describe('templates', () => {
  it('[DEL-04] compiles MJML once and renders per recipient with defaults, never "undefined"', async () => {
    const before = compileStats.mjml;
    const t = await compileTemplate({
      format: 'mjml',
      body: MJML,
      subject: 'Hi {{ contact.first_name }}{{ contact.nope }}',
      preheader: 'Pre',
    });
    expect(compileStats.mjml - before).toBe(1);
    const a = render(t, ctx({ first_name: 'Ana' }));
    const b = render(t, ctx({}));
    expect(compileStats.mjml - before).toBe(1);
    expect(a.html).toContain('Hello Ana from Acme');
    expect(b.html).toContain('Hello friend from Acme');
    expect(b.subject).toBe('Hi ');
    expect(b.html + b.text + b.subject).not.toContain('undefined');
    expect(a.text).toContain('Hello Ana from Acme');
    // CSS inlined
    expect(a.html).toMatch(/color:\s*#c00/);
  });

  it('[DEL-04] escapes contact values in HTML but not in the text part', async () => {
    const t = await compileTemplate({ format: 'html', body: '<p>{{ contact.first_name }}</p>', subject: 's', preheader: '' });
    const r = render(t, ctx({ first_name: '<b>x</b>' }));
    expect(r.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(r.html).not.toContain('<b>x</b>');
  });

  it('[DEL-04] an unknown filter is TEMPLATE_UNKNOWN_FILTER with its position', async () => {
    const e = await failing(
      compileTemplate({ format: 'html', body: '<p>a</p>\n<p>{{ contact.x | shout }}</p>', subject: 's', preheader: '' }),
    );
    expect(e.code).toBe('TEMPLATE_UNKNOWN_FILTER');
    expect(e.details).toMatchObject({ filter: 'shout', line: 2 });
  });

  it('[DEL-04] a template that does not parse is TEMPLATE_SYNTAX with line and column', async () => {
    const e = await failing(
      compileTemplate({ format: 'html', body: 'ok\nok\n{% if x %}never closed', subject: 's', preheader: '' }),
    );
    expect(e.code).toBe('TEMPLATE_SYNTAX');
    expect(e.details).toMatchObject({ line: 3 });
    expect(typeof e.details?.col).toBe('number');
  });

  it('[DEL-04] include/render/layout cannot read files', async () => {
    for (const tag of ['{% include "/etc/passwd" %}', '{% render "x" %}', '{% layout "x" %}ok']) {
      const t = await compileTemplate({ format: 'html', body: `<p>${tag}</p>`, subject: 's', preheader: '' }).catch(
        (e: unknown) => e,
      );
      if (t instanceof AppError) continue;
      expect(() => render(t as never, ctx({}))).toThrow();
    }
  });

  it('[DEL-04] MJML errors name the line', async () => {
    const bad =
      '<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n<mj-text foo="bar">x</mj-text>\n</mj-column></mj-section></mj-body></mjml>';
    const e = await failing(compileTemplate({ format: 'mjml', body: bad, subject: 's', preheader: '' }));
    expect(e.code).toBe('MJML_INVALID');
    expect(e.details?.line).toBe(5);
  });

  it('[DEL-04] an oversized body is CAMPAIGN_BODY_TOO_LARGE', async () => {
    const e = await failing(
      compileTemplate({ format: 'html', body: 'x'.repeat(MAX_CAMPAIGN_BODY_BYTES + 1), subject: 's', preheader: '' }),
    );
    expect(e.code).toBe('CAMPAIGN_BODY_TOO_LARGE');
  });
});
