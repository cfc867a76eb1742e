// The minimal page around the hosted form and the token pages: no script, no cookie, no
// third-party asset, readable without JavaScript (CON-11). Shared by forms-public, confirm,
// unsubscribe and preferences.
import type { FastifyReply } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { STATUS_BY_KIND } from '../../errors.ts';
import { html, type SafeHtml } from '../../public/html.ts';
import { PAGE_STRINGS, type PageLanguage } from './strings.ts';

export const HTML_TYPE = 'text/html; charset=utf-8';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
main{max-width:36rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input[type=text],input[type=email],input[type=tel]{width:100%;padding:.5rem;box-sizing:border-box;font:inherit}
.box{display:flex;gap:.6rem;align-items:flex-start;margin:.9rem 0;font-weight:400}.box input{margin-top:.3rem}
.err{color:#a40000;font-size:.9rem}.notice{background:#fff4d6;padding:.6rem .8rem;border-radius:4px}
button{font:inherit;padding:.6rem 1.2rem;margin-top:1rem;cursor:pointer}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
ul.lists{list-style:none;padding:0}ul.lists li{display:flex;justify-content:space-between;gap:1rem;align-items:center;border-bottom:1px solid #eee;padding:.5rem 0}`;

export function page(lang: PageLanguage, title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html> `.value;
}

export function messagePage(lang: PageLanguage, title: string, message: string): string {
  return page(
    lang,
    title,
    html`<h1>${title}</h1>
      <p>${message}</p>`,
  );
}

/** Pages carrying tokens or start stamps are never cached or stored by intermediaries. */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').type(HTML_TYPE).send(body);
}

/** An AppError as a readable page, with the status its kind maps to (src/server/errors.ts). */
export function sendErrorPage(reply: FastifyReply, lang: PageLanguage, title: string, err: unknown): FastifyReply {
  if (!(err instanceof AppError)) throw err;
  // ACC-09: a blocked or suspended account's form or link: the same neutral page everywhere.
  if (err.code === 'FORM_UNAVAILABLE') {
    const t = PAGE_STRINGS[lang];
    return sendPage(reply, STATUS_BY_KIND[err.kind], messagePage(lang, t.unavailableTitle, t.unavailable));
  }
  return sendPage(reply, STATUS_BY_KIND[err.kind], messagePage(lang, title, err.message));
}
