// Deception checks (CNT-03) and phishing simulations (CNT-04).
import { describe, expect, it } from 'vitest';
import { screenContent, type ContentInput, type ScreenResult } from './screen.ts';

const rules = (r: ScreenResult) => r.findings.map((f) => f.rule);
const finding = (r: ScreenResult, rule: string) => r.findings.find((f) => f.rule === rule);
const mail = (html: string, extra: Partial<ContentInput> = {}): ContentInput => ({
  channel: 'email',
  subject: 'Our autumn news',
  html,
  ...extra,
});

describe('fake reply subjects', () => {
  for (const subject of [
    'Re: your order',
    'RE: Meeting',
    'Fwd: invoice',
    'FW: offer',
    'AW: Ihre Anfrage',
    'TR: devis',
    'Răsp: oferta',
    'Re: Fwd: hello',
    'Re[2]: update',
    'ＲＥ： hello',
  ]) {
    it(`[CNT-03] rejects a campaign subject "${subject}" with the prefix as span`, () => {
      const r = screenContent(mail('<p>Hello</p>', { subject }));
      expect(r.verdict).toBe('reject');
      const f = finding(r, 'deception.fake-reply-subject')!;
      expect(f.category).toBe('deception');
      expect(f.spans[0]!.field).toBe('subject');
      expect(subject.slice(f.spans[0]!.start, f.spans[0]!.end)).toBe(f.spans[0]!.excerpt);
      expect(f.spans[0]!.start).toBe(0);
    });
  }
  it('a subject that merely contains such words passes', () => {
    for (const subject of ['Regarding your order', 'Trending: new arrivals', 'Review: our year', 'Free shipping: today']) {
      expect(rules(screenContent(mail('<p>Hello</p>', { subject })))).not.toContain('deception.fake-reply-subject');
    }
  });
});

describe('hidden text', () => {
  const cases: [string, string][] = [
    ['display:none', '<div style="display:none">cheap offers everywhere hidden words</div>'],
    ['visibility:hidden', '<span style="visibility: hidden">cheap offers everywhere hidden words</span>'],
    ['font-size 0', '<span style="font-size:0px">cheap offers everywhere hidden words</span>'],
    ['font-size 1px', '<font style="font-size:1px">cheap offers everywhere hidden words</font>'],
    ['white on white', '<span style="color:#ffffff">cheap offers everywhere hidden words</span>'],
    ['near colour', '<td bgcolor="#102030"><span style="color:#112131">cheap offers everywhere hidden words</span></td>'],
    ['off-screen', '<div style="position:absolute;left:-9999px">cheap offers everywhere hidden words</div>'],
    ['opacity 0', '<p style="opacity:0">cheap offers everywhere hidden words</p>'],
  ];
  for (const [name, hidden] of cases) {
    it(`[CNT-03] holds hidden text (${name}) and shows it as the span`, () => {
      const html = `<p>Welcome to our shop newsletter.</p>${hidden}<p>See you soon.</p>`;
      const r = screenContent(mail(html));
      expect(r.verdict).not.toBe('allow');
      const f = finding(r, 'deception.hidden-text')!;
      expect(f.spans[0]!.excerpt).toContain('cheap offers everywhere');
      expect(html.slice(f.spans[0]!.start, f.spans[0]!.end)).toBe(f.spans[0]!.excerpt);
    });
  }
  it('hidden policy words count against their category too', () => {
    const r = screenContent(mail('<p>Welcome.</p><div style="display:none">viagra cialis casino</div><p>Bye.</p>'));
    expect(r.findings.map((f) => f.category)).toContain('erectile-remedies');
  });
  it('allows the email conventions: a hidden preheader before the content, hidden copies of visible text, visible grey text', () => {
    const preheader =
      '<div style="display:none;max-height:0;overflow:hidden">Our autumn picks are here&zwnj;&nbsp;&zwnj;&nbsp;</div>';
    const mobile = '<div class="m" style="display:none">Shop the new collection</div>';
    const html = `${preheader}<p>Shop the new collection</p>${mobile}<p style="color:#999999">Unsubscribe</p>`;
    expect(screenContent(mail(html)).verdict).toBe('allow');
  });
});

describe('links', () => {
  it('[CNT-03] rejects link text that shows one domain while the href goes to another', () => {
    const html = '<p>Log in at <a href="https://secure-login.example.ro/x">www.paypal.com</a></p>';
    const r = screenContent(mail(html));
    expect(r.verdict).toBe('reject');
    expect(finding(r, 'deception.link-text-mismatch')!.spans[0]!.excerpt).toBe('www.paypal.com');
  });
  it('allows link text showing the same registrable domain', () => {
    const html =
      '<p>Visit <a href="https://shop.example.com/?utm_source=news">www.example.com</a> or <a href="https://example.com">our shop</a></p>';
    expect(screenContent(mail(html)).verdict).toBe('allow');
  });
  it('[CNT-03] holds URL shorteners from the list, in HTML, links and SMS text', () => {
    for (const input of [
      mail('<p><a href="https://bit.ly/3abc">Read</a></p>'),
      { channel: 'email', html: '<p>Hi</p>', links: ['https://tinyurl.com/xyz'] } as ContentInput,
      { channel: 'sms', text: 'Oferta ta: bit.ly/3xYz până duminică' } as ContentInput,
    ]) {
      const r = screenContent(input);
      expect(r.verdict).toBe('hold');
      expect(rules(r)).toContain('deception.url-shortener');
    }
    const sms = screenContent({ channel: 'sms', text: 'Oferta ta: bit.ly/3xYz până duminică' });
    expect(sms.findings[0]!.spans[0]).toMatchObject({ field: 'text', excerpt: 'bit.ly/3xYz' });
  });
  it('[CNT-03] rejects IP-address URLs, written plainly or as a number', () => {
    for (const href of ['http://192.168.10.1/login', 'http://3232238337/login', 'http://[::1]/a']) {
      expect(rules(screenContent(mail(`<p><a href="${href}">Sign in</a></p>`)))).toContain('deception.ip-address-url');
    }
  });
  it('[CNT-03] rejects links to a domain on the configured blocklist, subdomains too; without one nothing is listed', () => {
    const blocklist = { isListed: (d: string) => d === 'bad.example' };
    const input = mail('<p><a href="https://promo.bad.example/x">Offer</a></p>');
    const r = screenContent(input, undefined, { blocklist });
    expect(r.verdict).toBe('reject');
    expect(finding(r, 'deception.blocklisted-domain')!.spans[0]!.excerpt).toBe('https://promo.bad.example/x');
    expect(screenContent(input).verdict).toBe('allow');
  });
});

describe('phishing simulations', () => {
  it('[CNT-04] refuses security-awareness "phishing simulation" content, in English and Romanian', () => {
    for (const text of [
      'This was a phishing test run by your IT department as part of our security awareness test.',
      'Oferim simulări de phishing pentru angajații companiei tale: test de phishing lunar.',
    ]) {
      const r = screenContent({ channel: 'email', subject: 'Training', html: `<p>${text}</p>` });
      expect(r.verdict).toBe('reject');
      expect(r.findings[0]!.category).toBe('phishing-simulation');
    }
  });
  it('[CNT-04] refuses credential-harvest lures', () => {
    const r = screenContent({
      channel: 'email',
      subject: 'Action required',
      html: '<p>Your mailbox is full. Your password will expire today: <a href="https://x.example">log in to restore</a> access.</p>',
    });
    expect(r.verdict).toBe('reject');
    expect(r.findings[0]!.category).toBe('phishing-simulation');
  });
});
