// The MJML campaign of bench/compose.ts and bench/send.ts (real composer): 8 sections, each a
// Liquid default (first_name) and one tracked link; ~30 KB as a signed message.
const para =
  '<mj-text>Dear {{ contact.first_name | default: "friend" }}, our autumn collection has arrived: warm coats, scarves and boots. <a href="https://shop.example/p/{{ forloop.index }}">See more</a></mj-text>';
export const campaignBody = `<mjml><mj-head><mj-style>.x{color:#333}</mj-style></mj-head><mj-body>${Array.from({ length: 8 }, (_, i) => `<mj-section><mj-column>${para.replace('/p/{{ forloop.index }}', `/p/${i}`)}</mj-column></mj-section>`).join('')}</mj-body></mjml>`;
