// Visitor-facing words of the hosted form, confirmation, unsubscribe and preference pages (EN/RO).
export type PageLanguage = 'en' | 'ro';

export const PAGE_STRINGS = {
  en: {
    fields: { email: 'Email address', phone: 'Mobile phone number', first_name: 'First name', last_name: 'Last name' },
    required: 'required',
    submit: 'Sign up',
    continue: 'Continue',
    honeypot: 'Leave this field empty',
    errorsTitle: 'Please check the marked fields.',
    staleVersion: 'This form was updated since you opened it. Please read it again and send it.',
    tooFast: 'That was quicker than a person can fill in the form. Please wait a few seconds and send it again.',
    startInvalid: 'This page is too old. Please fill in the form again.',
    checkInboxTitle: 'Check your inbox',
    checkInbox:
      'We sent you an email. Open the link in it and press the confirm button to finish signing up. Until then, you will not receive anything.',
    thanksTitle: 'Thank you',
    thanks: 'You are signed up. Every message has a link to unsubscribe.',
    badRequestTitle: 'This form could not be sent',
    notFoundTitle: 'Form not found',
    unavailableTitle: 'Not available',
    unavailable: 'This form is not available.',
    confirmTitle: 'Confirm your subscription',
    confirmLead: (sender: string, lists: string) =>
      `Press the button to confirm that you want to receive from ${sender}: ${lists}.`,
    confirmButton: 'Yes, confirm my subscription',
    confirmedTitle: 'Subscription confirmed',
    confirmed: 'Thank you, your subscription is confirmed.',
    alreadyConfirmed: 'This subscription was already confirmed. Nothing more to do.',
    linkProblemTitle: 'This link does not work',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeLead: (address: string, list: string | null) =>
      list ? `Stop messages from the list "${list}" to ${address}?` : `Stop all messages from this sender to ${address}?`,
    unsubscribeButton: 'Unsubscribe',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribed: (list: string | null) =>
      list ? `You will get no more messages from the list "${list}".` : 'You will get no more messages from this sender.',
    managePreferences: 'Manage all your subscriptions',
    preferencesTitle: 'Your subscriptions',
    preferencesLead: (address: string) => `Subscriptions of ${address}. Leave any list, or all of them.`,
    status: { active: 'subscribed', pending: 'waiting for confirmation', withdrawn: 'unsubscribed' },
    leave: 'Leave this list',
    leaveAll: 'Leave all lists',
    archivedList: 'no longer sent',
    noLists: 'You are not on any list.',
    saved: 'Saved.',
    sender: (name: string) => `Sender: ${name}`,
    privacyPolicy: 'Privacy policy',
  },
  ro: {
    fields: { email: 'Adresa de email', phone: 'Număr de telefon mobil', first_name: 'Prenume', last_name: 'Nume' },
    required: 'obligatoriu',
    submit: 'Mă abonez',
    continue: 'Continuă',
    honeypot: 'Lăsați acest câmp gol',
    errorsTitle: 'Verificați câmpurile marcate.',
    staleVersion: 'Formularul a fost actualizat între timp. Citiți-l din nou și trimiteți-l.',
    tooFast:
      'Formularul a fost trimis mai repede decât îl poate completa o persoană. Așteptați câteva secunde și trimiteți-l din nou.',
    startInvalid: 'Pagina este prea veche. Completați formularul din nou.',
    checkInboxTitle: 'Verificați-vă căsuța de email',
    checkInbox:
      'V-am trimis un email. Deschideți linkul din el și apăsați butonul de confirmare pentru a finaliza abonarea. Până atunci nu veți primi nimic.',
    thanksTitle: 'Vă mulțumim',
    thanks: 'V-ați abonat. Fiecare mesaj are un link de dezabonare.',
    badRequestTitle: 'Formularul nu a putut fi trimis',
    notFoundTitle: 'Formularul nu există',
    unavailableTitle: 'Indisponibil',
    unavailable: 'Acest formular nu este disponibil.',
    confirmTitle: 'Confirmați abonarea',
    confirmLead: (sender: string, lists: string) =>
      `Apăsați butonul pentru a confirma că doriți să primiți de la ${sender}: ${lists}.`,
    confirmButton: 'Da, confirm abonarea',
    confirmedTitle: 'Abonare confirmată',
    confirmed: 'Vă mulțumim, abonarea este confirmată.',
    alreadyConfirmed: 'Această abonare a fost deja confirmată. Nu mai este nimic de făcut.',
    linkProblemTitle: 'Acest link nu funcționează',
    unsubscribeTitle: 'Dezabonare',
    unsubscribeLead: (address: string, list: string | null) =>
      list
        ? `Opriți mesajele din lista „${list}” către ${address}?`
        : `Opriți toate mesajele de la acest expeditor către ${address}?`,
    unsubscribeButton: 'Dezabonare',
    unsubscribedTitle: 'V-ați dezabonat',
    unsubscribed: (list: string | null) =>
      list ? `Nu veți mai primi mesaje din lista „${list}”.` : 'Nu veți mai primi mesaje de la acest expeditor.',
    managePreferences: 'Gestionați toate abonările',
    preferencesTitle: 'Abonările dumneavoastră',
    preferencesLead: (address: string) => `Abonările pentru ${address}. Puteți părăsi orice listă sau pe toate.`,
    status: { active: 'abonat', pending: 'așteaptă confirmarea', withdrawn: 'dezabonat' },
    leave: 'Părăsesc această listă',
    leaveAll: 'Părăsesc toate listele',
    archivedList: 'nu se mai trimite',
    noLists: 'Nu sunteți în nicio listă.',
    saved: 'Salvat.',
    sender: (name: string) => `Expeditor: ${name}`,
    privacyPolicy: 'Politica de confidențialitate',
  },
} as const;

export function pageLanguage(lang: string | null | undefined): PageLanguage {
  return lang === 'ro' ? 'ro' : 'en';
}
