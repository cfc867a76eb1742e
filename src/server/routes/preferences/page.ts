import type { PreferencesView } from '../../../core/unsubscribe/service.ts';
import { html } from '../../public/html.ts';
import type { PublicSender } from '../../../core/forms/types.ts';
import { senderLine } from '../forms-public/sender-line.ts';
import { page } from '../forms-public/shell.ts';
import { PAGE_STRINGS, pageLanguage } from '../forms-public/strings.ts';

export function preferencesPage(token: string, view: PreferencesView, saved: boolean, sender: PublicSender | null): string {
  const lang = pageLanguage(view.language);
  const t = PAGE_STRINGS[lang];
  const open = view.lists.filter((l) => l.status !== 'withdrawn');
  const body = html`<h1>${t.preferencesTitle}</h1>
    ${senderLine(lang, sender)} ${saved ? html`<p class="notice" role="status">${t.saved}</p>` : ''}
    <p>${t.preferencesLead(view.address)}</p>
    ${view.lists.length === 0 ? html`<p>${t.noLists}</p>` : ''}
    <ul class="lists">
      ${view.lists.map(
        (l) =>
          html`<li data-list-id="${l.listId}" data-status="${l.status}" data-archived="${l.archived ? 'yes' : 'no'}">
            <span
              >${l.name} (${l.channel === 'sms' ? 'SMS' : 'email'}) —
              ${t.status[l.status]}${l.archived ? ` (${t.archivedList})` : ''}</span
            >
            ${l.status !== 'withdrawn' ? html`<form method="post" action="/p/${token}"><input type="hidden" name="action" value="leave" /><input type="hidden" name="listId" value="${l.listId}" /><button type="submit">${t.leave}</button></form>` : ''}
          </li>`,
      )}
    </ul>
    ${open.length > 0 ? html`<form method="post" action="/p/${token}"><input type="hidden" name="action" value="leave-all" /><button type="submit">${t.leaveAll}</button></form>` : ''}`;
  return page(lang, t.preferencesTitle, body);
}
