// Romanian system mail templates (I18N-01). Same data as the English ones (templates-en.ts).
import { CONTENT_CATEGORY_NAMES } from '../../../policy/content/names.ts';
import type { TemplateTexts } from './templates.ts';

export const RO: TemplateTexts = {
  'verify-email': {
    subject: 'Confirmați adresa de email pentru {{ appName }}',
    text: 'Bună ziua{% if name %}, {{ name }}{% endif %},\n\nVă rugăm să confirmați adresa de email deschizând acest link:\n{{ link }}\n{% if expiresInHours %}\nLinkul este valabil {{ expiresInHours }} de ore.\n{% endif %}\nDacă nu ați creat un cont, ignorați acest mesaj.',
    html: '<p>Bună ziua{% if name %}, {{ name }}{% endif %},</p><p>Vă rugăm să confirmați adresa de email:</p><p><a href="{{ link }}">Confirm adresa de email</a></p><p>Dacă nu ați creat un cont, ignorați acest mesaj.</p>',
  },
  'password-reset': {
    subject: 'Resetați parola {{ appName }}',
    text: 'Bună ziua{% if name %}, {{ name }}{% endif %},\n\nCineva a cerut resetarea parolei acestui cont. Pentru a alege o parolă nouă, deschideți:\n{{ link }}\n\nLinkul este valabil {{ expiresInMinutes | default: 60 }} de minute. Dacă nu ați fost dumneavoastră, ignorați mesajul; parola rămâne aceeași.',
    html: '<p>Bună ziua{% if name %}, {{ name }}{% endif %},</p><p>Cineva a cerut resetarea parolei acestui cont.</p><p><a href="{{ link }}">Aleg o parolă nouă</a></p><p>Linkul este valabil {{ expiresInMinutes | default: 60 }} de minute. Dacă nu ați fost dumneavoastră, ignorați mesajul; parola rămâne aceeași.</p>',
  },
  invitation: {
    subject: 'Sunteți invitat în {{ accountName }} pe {{ appName }}',
    text: '{% if inviterName %}{{ inviterName }} vă invită{% else %}Sunteți invitat{% endif %} să vă alăturați contului {{ accountName }} pe {{ appName }}{% if role %} ca {{ t.role[role] | default: role }}{% endif %}.\n\nAcceptați invitația:\n{{ link }}',
    html: '<p>{% if inviterName %}{{ inviterName }} vă invită{% else %}Sunteți invitat{% endif %} să vă alăturați contului <strong>{{ accountName }}</strong> pe {{ appName }}{% if role %} ca {{ t.role[role] | default: role }}{% endif %}.</p><p><a href="{{ link }}">Accept invitația</a></p>',
  },
  'standing-changed': {
    subject: '{{ accountName }}: contul dumneavoastră este acum {{ t.standing[standing] }}',
    text: 'Statutul contului {{ accountName }} s-a schimbat în: {{ t.standing[standing] }}.\n\nMotiv: {{ reason }}\n\n{% if services.size > 0 %}Servicii oprite: {% for s in services %}{{ t.service[s] }}{% unless forloop.last %}, {% endunless %}{% endfor %}.{% else %}Toate serviciile sunt disponibile.{% endif %}{% if standing == "blocked" %}\n\nConform Politicii Anti-Spam, sumele deja plătite nu se rambursează.{% endif %}\n\nÎntrebări? Răspundeți la acest mesaj sau scrieți operatorului platformei.',
    html: '<p>Statutul contului <strong>{{ accountName }}</strong> s-a schimbat în: <strong>{{ t.standing[standing] }}</strong>.</p><p>Motiv: {{ reason }}</p><p>{% if services.size > 0 %}Servicii oprite: {% for s in services %}{{ t.service[s] }}{% unless forloop.last %}, {% endunless %}{% endfor %}.{% else %}Toate serviciile sunt disponibile.{% endif %}</p>{% if standing == "blocked" %}<p>Conform Politicii Anti-Spam, sumele deja plătite nu se rambursează.</p>{% endif %}<p>Întrebări? Răspundeți la acest mesaj sau scrieți operatorului platformei.</p>',
  },
  'signup-attempt': {
    subject: 'Cineva a încercat să se înscrie la {{ appName }} cu adresa dumneavoastră',
    text: 'Bună ziua{% if name %}, {{ name }}{% endif %},\n\nCineva a încercat să creeze un cont nou {{ appName }} cu această adresă de email. Aveți deja un cont, așa că nu s-a creat nimic și nu s-a schimbat nimic.\n\nPentru a vă autentifica:\n{{ signInLink }}\n\nAți uitat parola? Alegeți una nouă:\n{{ resetLink }}\n\nDacă nu ați fost dumneavoastră, ignorați acest mesaj; contul și parola rămân neschimbate.',
    html: '<p>Bună ziua{% if name %}, {{ name }}{% endif %},</p><p>Cineva a încercat să creeze un cont nou {{ appName }} cu această adresă de email. Aveți deja un cont, așa că nu s-a creat nimic și nu s-a schimbat nimic.</p><p><a href="{{ signInLink }}">Autentificare</a></p><p>Ați uitat parola? <a href="{{ resetLink }}">Alegeți una nouă</a></p><p>Dacă nu ați fost dumneavoastră, ignorați acest mesaj; contul și parola rămân neschimbate.</p>',
  },
  'signup-review-outcome': {
    subject:
      '{{ accountName }}: {% if decision == "approve" %}contul a fost aprobat{% else %}înscrierea a fost refuzată{% endif %}',
    text: '{% if decision == "approve" %}Am verificat înscrierea contului {{ accountName }} și am aprobat-o: puteți trimite de acum.{% else %}Am verificat înscrierea contului {{ accountName }} și nu o putem accepta.{% endif %}\n\nMotiv: {{ reason }}',
    html: '<p>{% if decision == "approve" %}Am verificat înscrierea contului <strong>{{ accountName }}</strong> și am aprobat-o: puteți trimite de acum.{% else %}Am verificat înscrierea contului <strong>{{ accountName }}</strong> și nu o putem accepta.{% endif %}</p><p>Motiv: {{ reason }}</p>',
  },
  'import-review-outcome': {
    subject:
      '{{ accountName }}: importul {% if importName %}„{{ importName }}” {% endif %}a fost {% if decision == "approve" %}aprobat{% else %}refuzat{% endif %}',
    text: 'Importul{% if importName %} „{{ importName }}”{% endif %}{% if contacts %} ({{ contacts }} contacte){% endif %} a fost {% if decision == "approve" %}aprobat: puteți trimite către el{% else %}refuzat: nu puteți trimite către el{% endif %}.{% if reason %}\n\nMotiv: {{ reason }}{% endif %}',
    html: '<p>Importul{% if importName %} „{{ importName }}”{% endif %}{% if contacts %} ({{ contacts }} contacte){% endif %} a fost {% if decision == "approve" %}aprobat: puteți trimite către el{% else %}refuzat: nu puteți trimite către el{% endif %}.</p>{% if reason %}<p>Motiv: {{ reason }}</p>{% endif %}',
  },
  'campaign-report': {
    subject: 'Cum a mers ultima campanie? „{{ campaignName }}”',
    text: 'Iată cum a mers „{{ campaignName }}”:\n\nTrimise: {{ sent }}\n{% if delivered != nil %}Acceptate de serverele destinatare: {{ delivered }}\n{% endif %}{% if bounced != nil %}Respinse: {{ bounced }}\n{% endif %}{% if complaints != nil %}Reclamații de spam: {{ complaints }}\n{% endif %}{% if unsubscribed != nil %}Dezabonări: {{ unsubscribed }}\n{% endif %}{% if reportUrl %}\nRaportul complet: {{ reportUrl }}{% endif %}',
    html: '<p>Iată cum a mers <strong>{{ campaignName }}</strong>:</p><ul><li>Trimise: {{ sent }}</li>{% if delivered != nil %}<li>Acceptate de serverele destinatare: {{ delivered }}</li>{% endif %}{% if bounced != nil %}<li>Respinse: {{ bounced }}</li>{% endif %}{% if complaints != nil %}<li>Reclamații de spam: {{ complaints }}</li>{% endif %}{% if unsubscribed != nil %}<li>Dezabonări: {{ unsubscribed }}</li>{% endif %}</ul>{% if reportUrl %}<p><a href="{{ reportUrl }}">Raportul complet</a></p>{% endif %}',
  },
  'campaign-review-outcome': {
    subject:
      '„{{ campaignName }}”: {% if decision == "approve" %}aprobată la verificarea conținutului{% else %}neacceptată la verificarea conținutului{% endif %}',
    text: '{% if decision == "approve" %}Am verificat campania „{{ campaignName }}” și am aprobat-o: o puteți trimite de acum.{% if reason %}\n\nNota verificatorului: {{ reason }}{% endif %}{% else %}Am verificat campania „{{ campaignName }}” și nu o putem trimite: conținutul ei nu este acceptat conform Politicii Anti-Spam.{% if findings.size > 0 %}\n\nCe am găsit:\n{% for f in findings %}- {{ t.contentCategory[f.category] | default: f.category }}{% if f.excerpts.size > 0 %}: „{{ f.excerpts | join: \'”, „\' }}”{% endif %}\n{% endfor %}{% endif %}{% if reason %}\nMotiv: {{ reason }}\n{% endif %}\nPuteți modifica conținutul și îl puteți trimite din nou la verificare. Conținutul respins în mod repetat restricționează trimiterea de email a contului.{% endif %}{% if campaignUrl %}\n\nCampania: {{ campaignUrl }}{% endif %}',
    html: '{% if decision == "approve" %}<p>Am verificat campania <strong>{{ campaignName }}</strong> și am aprobat-o: o puteți trimite de acum.</p>{% if reason %}<p>Nota verificatorului: {{ reason }}</p>{% endif %}{% else %}<p>Am verificat campania <strong>{{ campaignName }}</strong> și nu o putem trimite: conținutul ei nu este acceptat conform Politicii Anti-Spam.</p>{% if findings.size > 0 %}<p>Ce am găsit:</p><ul>{% for f in findings %}<li>{{ t.contentCategory[f.category] | default: f.category }}{% if f.excerpts.size > 0 %}: „{{ f.excerpts | join: \'”, „\' }}”{% endif %}</li>{% endfor %}</ul>{% endif %}{% if reason %}<p>Motiv: {{ reason }}</p>{% endif %}<p>Puteți modifica conținutul și îl puteți trimite din nou la verificare. Conținutul respins în mod repetat restricționează trimiterea de email a contului.</p>{% endif %}{% if campaignUrl %}<p><a href="{{ campaignUrl }}">Deschideți campania</a></p>{% endif %}',
  },
  'complaint-received': {
    subject:
      '{{ accountName }}: un destinatar a raportat {% if campaignName %}„{{ campaignName }}”{% else %}mesajul dvs.{% endif %} ca spam',
    text: '{% if source == "spam-report" %}Cineva a raportat ca spam un mesaj trimis în numele {{ accountName }}{% else %}Un furnizor de e-mail ne-a anunțat că un destinatar a marcat ca spam un mesaj al {{ accountName }}{% endif %}{% if campaignName %} (campania „{{ campaignName }}”){% endif %}, la {{ receivedAt }}.\n\nDestinatar: {{ recipient }}. Nu va mai primi nimic din contul dvs.\n\nFiecare reclamație intră în rata de reclamații; peste 0,1% campaniile noi așteaptă o verificare, peste 0,3% trimiterea se oprește. Trimiteți doar celor care v-au cerut mesajele și faceți-vă ușor de recunoscut.',
    html: '<p>{% if source == "spam-report" %}Cineva a raportat ca spam un mesaj trimis în numele <strong>{{ accountName }}</strong>{% else %}Un furnizor de e-mail ne-a anunțat că un destinatar a marcat ca spam un mesaj al <strong>{{ accountName }}</strong>{% endif %}{% if campaignName %} (campania <strong>{{ campaignName }}</strong>){% endif %}, la {{ receivedAt }}.</p><p>Destinatar: {{ recipient }}. Nu va mai primi nimic din contul dvs.</p><p>Fiecare reclamație intră în rata de reclamații; peste 0,1% campaniile noi așteaptă o verificare, peste 0,3% trimiterea se oprește. Trimiteți doar celor care v-au cerut mesajele și faceți-vă ușor de recunoscut.</p>',
  },
  'campaign-hold': {
    subject: '{{ accountName }}: campaniile noi așteaptă acum o verificare',
    text: 'Campaniile noi ale {{ accountName }} așteaptă acum un verificator al platformei înainte de a fi trimise.\n\nMotiv: {{ reason }}\n\nCampaniile deja aprobate nu sunt afectate. Măsura se ridică după ce un operator verifică contul.',
    html: '<p>Campaniile noi ale <strong>{{ accountName }}</strong> așteaptă acum un verificator al platformei înainte de a fi trimise.</p><p>Motiv: {{ reason }}</p><p>Campaniile deja aprobate nu sunt afectate. Măsura se ridică după ce un operator verifică contul.</p>',
  },
  'consent-confirm': {
    subject: 'Vă rugăm să confirmați abonarea la {{ senderName | default: formName }}',
    text: 'Dumneavoastră (sau cineva care a folosit adresa dumneavoastră) v-ați înscris prin „{{ formName }}” pentru a primi de la {{ senderName | default: formName }}: {{ listNames | join: ", " }}.\n\nPentru a confirma, deschideți acest link:\n{{ confirmUrl }}\n\nDacă nu ați fost dumneavoastră, ignorați mesajul: nu veți fi adăugat și nu veți mai primi nimic.',
    html: '<p>Dumneavoastră (sau cineva care a folosit adresa dumneavoastră) v-ați înscris prin „{{ formName }}” pentru a primi de la <strong>{{ senderName | default: formName }}</strong>: {{ listNames | join: ", " }}.</p><p><a href="{{ confirmUrl }}">Da, confirm abonarea</a></p><p>Dacă nu ați fost dumneavoastră, ignorați mesajul: nu veți fi adăugat și nu veți mai primi nimic.</p>',
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

export const RO_LABELS = {
  standing: { active: 'activ', warned: 'avertizat', restricted: 'restricționat', suspended: 'suspendat', blocked: 'blocat' },
  service: { import: 'importul de contacte', email: 'trimiterea de email', sms: 'trimiterea de SMS', api: 'accesul API' },
  role: { owner: 'proprietar', member: 'membru' },
  contentCategory: CONTENT_CATEGORY_NAMES.ro,
  footer: {
    account: 'Primiți acest mesaj datorită contului dumneavoastră pe {{ appName }}. Vă scriem doar despre contul dumneavoastră.',
    contact:
      'Primiți acest mesaj deoarece adresa dumneavoastră a fost introdusă într-un formular de abonare. Nu se trimite nimic altceva fără confirmare.',
    featureNews: 'Puteți opri noutățile despre produs din setările contului: {{ publicUrl }}/app/settings',
  },
};
