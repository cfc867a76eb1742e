// Renders a LegalDocument (terms, anti-spam policy) with its version and date.
import type { Industry } from '../../../core/accounts/industries.ts';
import type { Block, LegalDocument } from '../content/types.ts';
import { html, type SafeHtml } from '../html.ts';
import { href, type PageContext } from '../layout.ts';
import { formatDate } from '../strings.ts';

export function renderLegalDocument(
  ctx: PageContext,
  doc: LegalDocument,
  meta: { version: string; updated: string; industries: readonly Industry[] },
): SafeHtml {
  const block = (b: Block): SafeHtml => {
    if (b.kind === 'p') {
      return html`<p>${b.text}${b.link ? html` <a href="${href(ctx, b.link.href)}">${b.link.label}</a>` : ''}</p>`;
    }
    if (b.kind === 'industries') {
      const items = meta.industries.filter((i) => i.policy === b.policy);
      return html`<ul class="industries" data-policy="${b.policy}">
        ${items.map((i) => html`<li data-industry="${i.id}">${i.label[ctx.lang]}</li>`)}
      </ul>`;
    }
    const items = b.items.map((item) => html`<li>${item}</li>`);
    return b.kind === 'ol'
      ? html`<ol>
          ${items}
        </ol>`
      : html`<ul>
          ${items}
        </ul>`;
  };
  return html`<article class="legal">
    <h1>${doc.title}</h1>
    <p class="doc-meta">
      <span class="doc-version">${ctx.t.version} ${meta.version}</span> ·
      <span class="doc-updated"
        >${ctx.t.updated}: <time datetime="${meta.updated}">${formatDate(meta.updated, ctx.lang)}</time></span
      >
    </p>
    ${doc.intro.map((p) => html`<p class="lead">${p}</p>`)}
    <nav class="toc" aria-label="Contents">
      <ol>
        ${doc.sections.map((s) => html`<li><a href="#${s.id}">${s.heading.replace(/^\d+\.\s*/, '')}</a></li>`)}
      </ol>
    </nav>
    ${doc.sections.map(
      (s) =>
        html`<section id="${s.id}">
          <h2>${s.heading}</h2>
          ${s.blocks.map(block)}
        </section>`,
    )}
  </article>`;
}
