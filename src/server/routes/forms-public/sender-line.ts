// The line naming the sender (the account) and linking its privacy policy, on the hosted form and
// the preference page (issue 13 §7): a person can see who will write to them and how their data
// is handled before ticking anything (Mailchimp and Brevo show the same in their form footers).
import { isHttpUrl } from '../../../core/forms/definition.ts';
import type { PublicSender } from '../../../core/forms/types.ts';
import { html, type SafeHtml } from '../../public/html.ts';
import { PAGE_STRINGS, type PageLanguage } from './strings.ts';

export function senderLine(lang: PageLanguage, sender: PublicSender | null): SafeHtml | '' {
  if (!sender) return '';
  const t = PAGE_STRINGS[lang];
  const url = sender.privacyPolicyUrl && isHttpUrl(sender.privacyPolicyUrl) ? sender.privacyPolicyUrl : null;
  return html`<p class="sender" data-testid="sender">
    ${t.sender(sender.name)}${url ? html` · <a href="${url}" rel="noopener" data-testid="privacy-link">${t.privacyPolicy}</a>` : ''}
  </p>`;
}
