// A campaign sender for route tests: a signed-up owner with an email list ("News", the bakery's)
// and a sending domain added through its route and marked verified in the database (DNS
// verification is the sending-domains area's own test).
import { expect } from 'vitest';
import { signUp, type SignedIn } from './accounts.ts';
import type { TestPlatform } from './platform.ts';

export interface CampaignSender {
  owner: SignedIn;
  listId: string;
  /** The domain as POST /api/v1/sending-domains answered (id, records to publish, …). */
  domain: { id: string; records: { type: string; name: string; value: string }[] };
}

export async function campaignSender(t: TestPlatform, domainName = 'bakery-assent-test.ro'): Promise<CampaignSender> {
  const owner = await signUp(t.app);
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: owner.headers, payload });
  const list = await post('/api/v1/lists', {
    name: 'News',
    purposeText: 'Monthly bakery news by email.',
    channel: 'email',
    frequency: 'monthly',
    senderName: 'Bakery',
  });
  expect(list.statusCode, list.body).toBe(201);
  const domain = await post('/api/v1/sending-domains', { domain: domainName });
  expect(domain.statusCode, domain.body).toBe(201);
  await t.platform.database.db
    .updateTable('sending_domains')
    .set({ status: 'verified', verified_at: t.clock.now().toISOString() })
    .where('id', '=', domain.json().id)
    .execute();
  return { owner, listId: list.json().id, domain: domain.json() };
}
