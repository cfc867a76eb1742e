// Campaign templates (DEL-04): Liquid personalisation over MJML or HTML, compiled ONCE per
// campaign version — MJML → HTML, CSS inlined (juice), the text part made from the compiled HTML
// (html-to-text), and the Liquid of html/text/subject parsed — then rendered per recipient.
//
// No code execution: liquidjs has no eval, and file access is cut (include/render/layout read
// through a file system that refuses every path). Only liquidjs's pure built-in filters are
// registered; strictFilters turns an unknown filter into TEMPLATE_UNKNOWN_FILTER at parse time.
// A missing variable renders empty (strictVariables off), never "undefined".
import { Liquid, type FS, type Template } from 'liquidjs';
import { invalid, tooLarge } from '../errors.ts';

// MJML, juice and html-to-text (~100 MB resident once imported) are needed only to compile, so
// they are loaded by the first compile: a process that only renders compiled templates (or
// sends nothing) never holds them.
const importCompileTools = () =>
  Promise.all([import('mjml'), import('juice'), import('html-to-text')]).then(([mjml, juice, htmlToText]) => ({
    mjml2html: mjml.default,
    juice: juice.default,
    convert: htmlToText.convert,
  }));
let compileTools: ReturnType<typeof importCompileTools> | null = null;
const loadCompileTools = () => (compileTools ??= importCompileTools());

/** The largest campaign body we compile (source bytes, UTF-8). */
export const MAX_CAMPAIGN_BODY_BYTES = 512 * 1024;
export const MAX_SUBJECT_BYTES = 998;
export const MAX_PREHEADER_BYTES = 1024;

export interface TemplateSource {
  format: 'mjml' | 'html';
  body: string;
  subject: string;
  preheader: string;
  /** Applied to the compiled HTML before the text part is made (link rewriting, the footer). */
  transformHtml?: (html: string) => string;
}

export interface CompiledTemplate {
  /** The compiled, CSS-inlined HTML, Liquid still in it (shown by previews, screened by review). */
  html: string;
  /** The text part made from the compiled HTML, Liquid still in it. */
  text: string;
  subject: string;
  /** Parsed Liquid, rendered per recipient. */
  parsed: { html: Template[]; text: Template[]; subject: Template[] };
  engines: { html: Liquid; plain: Liquid };
}

const noFiles: FS = {
  readFileSync(): string {
    throw invalid('TEMPLATE_SYNTAX', 'Templates cannot include files.');
  },
  async readFile(): Promise<string> {
    throw invalid('TEMPLATE_SYNTAX', 'Templates cannot include files.');
  },
  existsSync: () => false,
  exists: async () => false,
  contains: async () => false,
  resolve: (_root: string, file: string) => file,
  sep: '/',
};

/** One engine: strict filters, lenient variables, no file system, bounded render. */
export function createLiquid(escapeHtmlOutput: boolean): Liquid {
  return new Liquid({
    strictFilters: true,
    strictVariables: false,
    fs: noFiles,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    ownPropertyOnly: true,
    // Contact values in the HTML part are escaped; the text part and subject take them as they are.
    outputEscape: escapeHtmlOutput ? 'escape' : undefined,
    parseLimit: MAX_CAMPAIGN_BODY_BYTES * 2,
    renderLimit: 1000,
    memoryLimit: 16 * 1024 * 1024,
  });
}

/** Counts of MJML compilations (tests show it runs once per prepare, never per recipient). */
export const compileStats = { mjml: 0 };

function position(err: unknown): { line?: number; col?: number } {
  const e = err as { token?: { getPosition?: () => [number, number] }; message?: string };
  const pos = e.token?.getPosition?.();
  if (pos) return { line: pos[0], col: pos[1] };
  const m = /line:(\d+), col:(\d+)/.exec(String(e.message ?? ''));
  return m ? { line: Number(m[1]), col: Number(m[2]) } : {};
}

function parse(engine: Liquid, source: string, part: string): Template[] {
  try {
    return engine.parse(source);
  } catch (err) {
    const msg = String((err as Error).message ?? err);
    const where = position(err);
    const at = where.line ? ` (${part}, line ${where.line}, column ${where.col})` : ` (${part})`;
    if (/undefined filter/i.test(msg)) {
      const name = /undefined filter: ([\w-]+)/i.exec(msg)?.[1] ?? '';
      throw invalid('TEMPLATE_UNKNOWN_FILTER', `Unknown filter "${name}"${at}.`, { part, filter: name, ...where });
    }
    throw invalid('TEMPLATE_SYNTAX', `The template does not parse${at}: ${msg.split(', line:')[0]}`, { part, ...where });
  }
}

export async function compileTemplate(src: TemplateSource): Promise<CompiledTemplate> {
  if (Buffer.byteLength(src.body, 'utf8') > MAX_CAMPAIGN_BODY_BYTES)
    throw tooLarge('CAMPAIGN_BODY_TOO_LARGE', `The body is larger than ${MAX_CAMPAIGN_BODY_BYTES / 1024} KiB.`, {
      limit: MAX_CAMPAIGN_BODY_BYTES,
    });
  if (
    Buffer.byteLength(src.subject, 'utf8') > MAX_SUBJECT_BYTES ||
    Buffer.byteLength(src.preheader, 'utf8') > MAX_PREHEADER_BYTES
  )
    throw tooLarge('CAMPAIGN_BODY_TOO_LARGE', 'The subject or preheader is too long.');
  const engine = createLiquid(false);
  const htmlEngine = createLiquid(true);
  const { mjml2html, juice, convert } = await loadCompileTools();
  // Parse the source first so a Liquid error names the line of what the author wrote.
  parse(engine, src.body, 'body');
  const subjectT = parse(engine, src.subject, 'subject');
  let html: string;
  if (src.format === 'mjml') {
    compileStats.mjml++;
    let out: { html: string; errors: { line: number; message: string }[] };
    try {
      out = await mjml2html(src.body, { validationLevel: 'strict', keepComments: false });
    } catch (err) {
      const e = err as { errors?: { line: number; message: string }[]; message?: string };
      const first = e.errors?.[0];
      throw invalid(
        'MJML_INVALID',
        `The MJML is not valid${first ? ` (line ${first.line}): ${first.message}` : `: ${e.message}`}`,
        {
          line: first?.line,
          errors: (e.errors ?? []).slice(0, 20).map((x) => ({ line: x.line, message: x.message })),
        },
      );
    }
    if (out.errors.length > 0) {
      const first = out.errors[0]!;
      throw invalid('MJML_INVALID', `The MJML is not valid (line ${first.line}): ${first.message}`, { line: first.line });
    }
    html = out.html;
  } else {
    html = juice(src.body);
  }
  if (src.format === 'mjml') html = juice(html);
  if (src.preheader && !html.includes('data-preheader')) {
    const pre = `<div data-preheader style="display:none;max-height:0;overflow:hidden;">${escapeHtml(src.preheader)}</div>`;
    html = /<body[^>]*>/i.test(html) ? html.replace(/<body[^>]*>/i, (m) => m + pre) : pre + html;
  }
  if (src.transformHtml) html = src.transformHtml(html);
  const text = convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: '[data-preheader]', format: 'skip' },
    ],
  });
  return {
    html,
    text,
    subject: src.subject,
    engines: { html: htmlEngine, plain: engine },
    parsed: { html: parse(htmlEngine, html, 'body'), text: parse(engine, text, 'text'), subject: subjectT },
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
