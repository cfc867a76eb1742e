// The CampaignRenderer over the template area (src/core/templates, DEL-04): Liquid over MJML or
// HTML compiled once per campaign version (cached here by id and version); compile errors are the
// template area's AppErrors with their positions (TEMPLATE_SYNTAX, TEMPLATE_UNKNOWN_FILTER, MJML_INVALID).
import { compileTemplate, type CompiledTemplate } from '../templates/compile.ts';
import { render } from '../templates/render.ts';
import type { CampaignRenderer } from './service.ts';
import { emailFormat } from './types.ts';

const CACHE_LIMIT = 100;
const HREF = /href\s*=\s*["']([^"']{1,2000})["']/gi;
const MAX_LINKS = 500;

function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(HREF)) {
    if (out.length >= MAX_LINKS) break;
    out.push(m[1]!);
  }
  return out;
}

export function createTemplateCampaignRenderer(
  deps: { accountName?: (accountId: string) => Promise<string> } = {},
): CampaignRenderer {
  const cache = new Map<string, Promise<CompiledTemplate>>();
  const compiled = (key: string | null, src: Parameters<typeof compileTemplate>[0]) => {
    if (key === null) return compileTemplate(src);
    let p = cache.get(key);
    if (!p) {
      p = compileTemplate(src);
      p.catch(() => cache.delete(key));
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(key, p);
    }
    return p;
  };
  return {
    async compile(c) {
      const t = await compileTemplate({
        format: emailFormat(c.format),
        body: c.body,
        subject: c.subject,
        preheader: c.preheader,
      });
      return { html: t.html, text: t.text, links: linksOf(t.html) };
    },
    async render(c, contact) {
      const t = await compiled(`${c.id}:${c.version}`, { ...c, format: emailFormat(c.format) });
      const accountName = deps.accountName ? await deps.accountName(c.accountId) : '';
      return render(t, { contact: { ...contact.attributes, email: contact.email ?? '' }, account: { name: accountName } });
    },
  };
}
