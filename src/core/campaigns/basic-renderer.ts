// A plain CampaignRenderer for when the template area (src/core/templates: Liquid + MJML) is not
// wired: the body is taken as HTML as written, the text part is the HTML without tags, the links
// are its hrefs. It personalises nothing; it lets review, preview and tests run without MJML.
import type { Campaign } from './types.ts';
import type { CampaignRenderer } from './service.ts';

const MAX_LINKS = 500;

function textOf(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[^<]*<\/\1>/gi, ' ')
    .replace(/<[^>]{0,10000}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href\s*=\s*["']([^"']{1,2000})["']/gi)) {
    if (out.length >= MAX_LINKS) break;
    out.push(m[1]!);
  }
  return out;
}

export function createBasicRenderer(): CampaignRenderer {
  const compile = async (c: Pick<Campaign, 'body'>) => ({ html: c.body, text: textOf(c.body), links: linksOf(c.body) });
  return {
    compile,
    async render(c) {
      const { html, text } = await compile(c);
      return { subject: c.subject, html, text };
    },
  };
}
