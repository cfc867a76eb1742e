// Per-recipient rendering of a compiled template (DEL-04): only Liquid runs here, never MJML.
import type { CompiledTemplate } from './compile.ts';

export interface RenderContext {
  contact: Record<string, unknown> & { email: string };
  account: { name: string } & Record<string, unknown>;
  /** Extra top-level values (unsubscribe_url, preferences_url). */
  [key: string]: unknown;
}

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

const str = (x: unknown): string => (typeof x === 'string' ? x : String(x ?? ''));

export function render(compiled: CompiledTemplate, ctx: RenderContext): Rendered {
  const { html, plain } = compiled.engines;
  return {
    subject: str(plain.renderSync(compiled.parsed.subject, ctx)).replace(/[\r\n]+/g, ' '),
    html: str(html.renderSync(compiled.parsed.html, ctx)),
    text: str(plain.renderSync(compiled.parsed.text, ctx)),
  };
}
