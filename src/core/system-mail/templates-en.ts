// English system mail templates (Liquid; rendered without code execution). `t` holds the labels
// of the language, `publicUrl` the platform address. HTML output is escaped by default.
import { CONTENT_CATEGORY_NAMES } from '../../../policy/content/names.ts';
import type { TemplateTexts } from './templates.ts';

export const EN: TemplateTexts = {
  'verify-email': {
    subject: 'Confirm your email address for {{ appName }}',
    text: 'Hello{% if name %} {{ name }}{% endif %},\n\nPlease confirm your email address by opening this link:\n{{ link }}\n{% if expiresInHours %}\nThe link works for {{ expiresInHours }} hours.\n{% endif %}\nIf you did not create an account, ignore this mail.',
    html: '<p>Hello{% if name %} {{ name }}{% endif %},</p><p>Please confirm your email address:</p><p><a href="{{ link }}">Confirm my email address</a></p><p>If you did not create an account, ignore this mail.</p>',
  },
  'password-reset': {
    subject: 'Reset your {{ appName }} password',
    text: 'Hello{% if name %} {{ name }}{% endif %},\n\nSomeone asked to reset the password of this account. To choose a new password, open:\n{{ link }}\n\nThe link works for {{ expiresInMinutes | default: 60 }} minutes. If it was not you, ignore this mail; your password stays the same.',
    html: '<p>Hello{% if name %} {{ name }}{% endif %},</p><p>Someone asked to reset the password of this account.</p><p><a href="{{ link }}">Choose a new password</a></p><p>The link works for {{ expiresInMinutes | default: 60 }} minutes. If it was not you, ignore this mail; your password stays the same.</p>',
  },
  invitation: {
    subject: 'You are invited to {{ accountName }} on {{ appName }}',
    text: '{% if inviterName %}{{ inviterName }} invited you{% else %}You are invited{% endif %} to join {{ accountName }} on {{ appName }}{% if role %} as {{ t.role[role] | default: role }}{% endif %}.\n\nAccept the invitation:\n{{ link }}',
    html: '<p>{% if inviterName %}{{ inviterName }} invited you{% else %}You are invited{% endif %} to join <strong>{{ accountName }}</strong> on {{ appName }}{% if role %} as {{ t.role[role] | default: role }}{% endif %}.</p><p><a href="{{ link }}">Accept the invitation</a></p>',
  },
  'standing-changed': {
    subject: '{{ accountName }}: your account is now {{ t.standing[standing] }}',
    text: 'The standing of your account {{ accountName }} changed to: {{ t.standing[standing] }}.\n\nReason: {{ reason }}\n\n{% if services.size > 0 %}Services switched off: {% for s in services %}{{ t.service[s] }}{% unless forloop.last %}, {% endunless %}{% endfor %}.{% else %}All services are available.{% endif %}{% if standing == "blocked" %}\n\nUnder the Anti-Spam Policy, amounts already paid are not refunded.{% endif %}\n\nQuestions? Reply to this mail or write to the platform operator.',
    html: '<p>The standing of your account <strong>{{ accountName }}</strong> changed to: <strong>{{ t.standing[standing] }}</strong>.</p><p>Reason: {{ reason }}</p><p>{% if services.size > 0 %}Services switched off: {% for s in services %}{{ t.service[s] }}{% unless forloop.last %}, {% endunless %}{% endfor %}.{% else %}All services are available.{% endif %}</p>{% if standing == "blocked" %}<p>Under the Anti-Spam Policy, amounts already paid are not refunded.</p>{% endif %}<p>Questions? Reply to this mail or write to the platform operator.</p>',
  },
  'signup-attempt': {
    subject: 'Someone tried to sign up to {{ appName }} with your address',
    text: 'Hello{% if name %} {{ name }}{% endif %},\n\nSomeone tried to create a new {{ appName }} account with this email address. You already have one, so nothing was created and nothing changed.\n\nTo sign in:\n{{ signInLink }}\n\nForgot your password? Choose a new one:\n{{ resetLink }}\n\nIf it was not you, ignore this mail; your account and password stay as they are.',
    html: '<p>Hello{% if name %} {{ name }}{% endif %},</p><p>Someone tried to create a new {{ appName }} account with this email address. You already have one, so nothing was created and nothing changed.</p><p><a href="{{ signInLink }}">Sign in</a></p><p>Forgot your password? <a href="{{ resetLink }}">Choose a new one</a></p><p>If it was not you, ignore this mail; your account and password stay as they are.</p>',
  },
  'signup-review-outcome': {
    subject:
      '{{ accountName }}: {% if decision == "approve" %}your account is approved{% else %}your signup was refused{% endif %}',
    text: '{% if decision == "approve" %}We reviewed the signup of {{ accountName }} and approved it: you can now send.{% else %}We reviewed the signup of {{ accountName }} and cannot accept it.{% endif %}\n\nReason: {{ reason }}',
    html: '<p>{% if decision == "approve" %}We reviewed the signup of <strong>{{ accountName }}</strong> and approved it: you can now send.{% else %}We reviewed the signup of <strong>{{ accountName }}</strong> and cannot accept it.{% endif %}</p><p>Reason: {{ reason }}</p>',
  },
  'import-review-outcome': {
    subject:
      '{{ accountName }}: import {% if importName %}"{{ importName }}" {% endif %}{% if decision == "approve" %}approved{% else %}refused{% endif %}',
    text: 'Your import{% if importName %} "{{ importName }}"{% endif %}{% if contacts %} ({{ contacts }} contacts){% endif %} was {% if decision == "approve" %}approved: you can send to it now{% else %}refused: you cannot send to it{% endif %}.{% if reason %}\n\nReason: {{ reason }}{% endif %}',
    html: '<p>Your import{% if importName %} "{{ importName }}"{% endif %}{% if contacts %} ({{ contacts }} contacts){% endif %} was {% if decision == "approve" %}approved: you can send to it now{% else %}refused: you cannot send to it{% endif %}.</p>{% if reason %}<p>Reason: {{ reason }}</p>{% endif %}',
  },
  'campaign-report': {
    subject: 'How did your last campaign go? "{{ campaignName }}"',
    text: 'Here is how "{{ campaignName }}" went:\n\nSent: {{ sent }}\n{% if delivered != nil %}Accepted by receiving servers: {{ delivered }}\n{% endif %}{% if bounced != nil %}Bounced: {{ bounced }}\n{% endif %}{% if complaints != nil %}Spam complaints: {{ complaints }}\n{% endif %}{% if unsubscribed != nil %}Unsubscribed: {{ unsubscribed }}\n{% endif %}{% if reportUrl %}\nThe full report: {{ reportUrl }}{% endif %}',
    html: '<p>Here is how <strong>{{ campaignName }}</strong> went:</p><ul><li>Sent: {{ sent }}</li>{% if delivered != nil %}<li>Accepted by receiving servers: {{ delivered }}</li>{% endif %}{% if bounced != nil %}<li>Bounced: {{ bounced }}</li>{% endif %}{% if complaints != nil %}<li>Spam complaints: {{ complaints }}</li>{% endif %}{% if unsubscribed != nil %}<li>Unsubscribed: {{ unsubscribed }}</li>{% endif %}</ul>{% if reportUrl %}<p><a href="{{ reportUrl }}">The full report</a></p>{% endif %}',
  },
  'campaign-review-outcome': {
    subject:
      '"{{ campaignName }}": {% if decision == "approve" %}approved by our content review{% else %}not accepted by our content review{% endif %}',
    text: '{% if decision == "approve" %}We reviewed your campaign "{{ campaignName }}" and approved it: you can send it now.{% if reason %}\n\nReviewer\'s note: {{ reason }}{% endif %}{% else %}We reviewed your campaign "{{ campaignName }}" and cannot send it: its content is not accepted under the Anti-Spam Policy.{% if findings.size > 0 %}\n\nWhat we found:\n{% for f in findings %}- {{ t.contentCategory[f.category] | default: f.category }}{% if f.excerpts.size > 0 %}: "{{ f.excerpts | join: \'", "\' }}"{% endif %}\n{% endfor %}{% endif %}{% if reason %}\nReason: {{ reason }}\n{% endif %}\nYou can change the content and submit it again. Repeated rejected content restricts the account\'s email sending.{% endif %}{% if campaignUrl %}\n\nThe campaign: {{ campaignUrl }}{% endif %}',
    html: '{% if decision == "approve" %}<p>We reviewed your campaign <strong>{{ campaignName }}</strong> and approved it: you can send it now.</p>{% if reason %}<p>Reviewer\'s note: {{ reason }}</p>{% endif %}{% else %}<p>We reviewed your campaign <strong>{{ campaignName }}</strong> and cannot send it: its content is not accepted under the Anti-Spam Policy.</p>{% if findings.size > 0 %}<p>What we found:</p><ul>{% for f in findings %}<li>{{ t.contentCategory[f.category] | default: f.category }}{% if f.excerpts.size > 0 %}: “{{ f.excerpts | join: \'”, “\' }}”{% endif %}</li>{% endfor %}</ul>{% endif %}{% if reason %}<p>Reason: {{ reason }}</p>{% endif %}<p>You can change the content and submit it again. Repeated rejected content restricts the account\'s email sending.</p>{% endif %}{% if campaignUrl %}<p><a href="{{ campaignUrl }}">Open the campaign</a></p>{% endif %}',
  },
  'complaint-received': {
    subject:
      '{{ accountName }}: a recipient reported {% if campaignName %}"{{ campaignName }}"{% else %}your mail{% endif %} as spam',
    text: '{% if source == "spam-report" %}Someone reported a message sent in the name of {{ accountName }} as spam{% else %}A mailbox provider told us that a recipient marked a message of {{ accountName }} as spam{% endif %}{% if campaignName %} (campaign "{{ campaignName }}"){% endif %}, on {{ receivedAt }}.\n\nRecipient: {{ recipient }}. They will receive nothing more from your account.\n\nEvery complaint counts toward your complaint rate; a rate over 0.1% holds new campaigns for review, over 0.3% pauses sending. Send only to people who asked for your mail, and make it easy to recognise you.',
    html: '<p>{% if source == "spam-report" %}Someone reported a message sent in the name of <strong>{{ accountName }}</strong> as spam{% else %}A mailbox provider told us that a recipient marked a message of <strong>{{ accountName }}</strong> as spam{% endif %}{% if campaignName %} (campaign <strong>{{ campaignName }}</strong>){% endif %}, on {{ receivedAt }}.</p><p>Recipient: {{ recipient }}. They will receive nothing more from your account.</p><p>Every complaint counts toward your complaint rate; a rate over 0.1% holds new campaigns for review, over 0.3% pauses sending. Send only to people who asked for your mail, and make it easy to recognise you.</p>',
  },
  'campaign-hold': {
    subject: '{{ accountName }}: new campaigns now wait for review',
    text: 'New campaigns of {{ accountName }} now wait for a platform reviewer before they are sent.\n\nReason: {{ reason }}\n\nCampaigns already approved are not affected. The hold is lifted after an operator reviews the account.',
    html: '<p>New campaigns of <strong>{{ accountName }}</strong> now wait for a platform reviewer before they are sent.</p><p>Reason: {{ reason }}</p><p>Campaigns already approved are not affected. The hold is lifted after an operator reviews the account.</p>',
  },
  'consent-confirm': {
    subject: 'Please confirm your subscription to {{ senderName | default: formName }}',
    text: 'You (or someone using your address) signed up through "{{ formName }}" to receive from {{ senderName | default: formName }}: {{ listNames | join: ", " }}.\n\nTo confirm, open this link:\n{{ confirmUrl }}\n\nIf it was not you, ignore this mail: you will not be added and will get nothing more.',
    html: '<p>You (or someone using your address) signed up through "{{ formName }}" to receive from <strong>{{ senderName | default: formName }}</strong>: {{ listNames | join: ", " }}.</p><p><a href="{{ confirmUrl }}">Yes, confirm my subscription</a></p><p>If it was not you, ignore this mail: you will not be added and will get nothing more.</p>',
  },
  notice: {
    subject: '{{ subject }}',
    text: '{{ body }}',
    html: '<p>{{ body | escape | newline_to_br | raw }}</p>',
  },
  'feature-news': {
    subject: '{{ subject }}',
    text: '{{ body }}',
    html: '<p>{{ body | escape | newline_to_br | raw }}</p>',
  },
};

export const EN_LABELS = {
  standing: { active: 'active', warned: 'warned', restricted: 'restricted', suspended: 'suspended', blocked: 'blocked' },
  service: { import: 'contact import', email: 'email sending', sms: 'SMS sending', api: 'API access' },
  role: { owner: 'owner', member: 'member' },
  contentCategory: CONTENT_CATEGORY_NAMES.en,
  footer: {
    account: 'You get this mail because of your account at {{ appName }}. We only write to you about your account.',
    contact: 'You get this mail because your address was entered in a signup form. Nothing more is sent unless you confirm.',
    featureNews: 'You can turn feature news off in your account settings: {{ publicUrl }}/app/settings',
  },
};
