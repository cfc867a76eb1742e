// BL-03 on both engines: the daily blocklist job's service over real zones served by Debian's
// rbldnsd on 127.0.0.1, with the worker's own response wired in (listingResponseFor). A listed
// sending domain pauses its owner's email, a listed link domain pauses the account whose campaign
// links to it, a listed platform IP blocks the account whose complaint rate shows sending without
// permission and leaves a clean one alone; each listing opens one incident, and the operator and
// the owners are told.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/accounts.ts';
import { campaignSender, type CampaignSender } from '../../../test/helpers/campaigns.ts';
import { seedOutcomes } from '../../../test/helpers/delivery.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform.ts';
import { LISTED_IPV4, TEST_ZONES, rbldnsdAvailable, startRbldnsd, type RunningRbldnsd } from '../../../test/helpers/rbldnsd.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../test/helpers/smtp.ts';
import { blocklistServiceFor, listingResponseFor } from '../../worker/jobs/blocklist-check.ts';

const available = rbldnsdAvailable();
const OPERATOR = 'ops@assent.test';

describeEachEngine('BL-03: what a new blocklist listing does', (_db, engine) => {
  let t: TestPlatform;
  let dns: RunningRbldnsd;
  let mail: SmtpCapture;
  let owner: CampaignSender;
  let linker: CampaignSender;
  let spammer: CampaignSender;
  let clean: CampaignSender;
  const sendingDomain = `listed-send-${engine}-assent.ro`;
  const linkDomain = `listed-link-${engine}-assent.ro`;

  /** A campaign of the account with `sent` accepted records today and `complaints` counted complaints. */
  async function history(s: CampaignSender, sent: number, complaints: number, link?: string) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: s.owner.headers,
      payload: {
        name: 'News',
        listId: s.listId,
        subject: 'News',
        fromName: 'Shop',
        fromEmail: `news@${(s.domain as unknown as { domain: string }).domain}`,
        format: 'html',
        body: '<p>Our news.</p>',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const campaignId = created.json().id as string;
    const at = t.clock.now().toISOString();
    await t.database.db.updateTable('campaigns').set({ started_at: at }).where('id', '=', campaignId).execute();
    if (link)
      await t.database.db
        .insertInto('campaign_links')
        .values({ campaign_id: campaignId, idx: 0, url: link, account_id: s.owner.accountId })
        .execute();
    await seedOutcomes(t.database, { accountId: s.owner.accountId, campaignId, at, sent, complaints });
  }

  beforeAll(async () => {
    if (!available) return;
    dns = await startRbldnsd({ listedDomains: [sendingDomain, linkDomain] });
    mail = await startSmtpCapture();
    t = await createTestPlatform(engine, {
      worker: true,
      config: { smtpUrl: mail.url, operatorEmail: OPERATOR, dnsServers: [dns.server], sendingIps: [LISTED_IPV4] },
    });
    owner = await campaignSender(t, sendingDomain);
    linker = await campaignSender(t, `linker-${engine}-assent.ro`);
    spammer = await campaignSender(t, `spammer-${engine}-assent.ro`);
    clean = await campaignSender(t, `clean-${engine}-assent.ro`);
    await history(owner, 10, 0);
    await history(linker, 10, 0, `https://${linkDomain}/offer?id=1`);
    await history(spammer, 1000, 2); // 0.2%: at or over the 0.1% hold threshold past 1,000
    await history(clean, 1000, 0);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await dns?.close();
    await mail?.close();
  });

  const standing = (s: CampaignSender) => t.platform.services.standing.getAccount(s.owner.accountId);
  const auditRule = async (s: CampaignSender, action: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select(['rule', 'reason', 'actor_id'])
        .where('account_id', '=', s.owner.accountId)
        .where('action', '=', action)
        .execute()
    )[0];

  it.skipIf(!available)(
    '[BL-03] [ACC-05] the daily run pauses the owners of a listed sending or link domain, blocks the account sending without permission, leaves a clean one alone, and opens one incident per listing; the operator status page shows each IP and domain zone by zone with its history',
    async () => {
      const service = blocklistServiceFor(t.platform, {
        zones: [TEST_ZONES.ips, TEST_ZONES.domains],
        onNewListing: listingResponseFor(t.platform),
      });
      const targets = await service.dailyTargets();
      expect(targets.map((x) => x.value)).toEqual(expect.arrayContaining([LISTED_IPV4, sendingDomain, linkDomain]));
      const run = await service.runChecks(targets);
      expect(run.opened.map((l) => l.target).sort()).toEqual([LISTED_IPV4, linkDomain, sendingDomain].sort());

      expect(await standing(owner)).toMatchObject({ standing: 'restricted', restrictedServices: ['email'] });
      expect(await auditRule(owner, 'standing.restrict')).toMatchObject({
        rule: 'BL-03.pause',
        actor_id: 'blocklist-monitor',
        reason: expect.stringContaining(`${sendingDomain} is listed on domains.bl.test`),
      });
      expect(await standing(linker)).toMatchObject({ standing: 'restricted', restrictedServices: ['email'] });
      expect((await auditRule(linker, 'standing.restrict'))?.reason).toContain('a domain your campaigns link to');
      expect((await standing(spammer)).standing).toBe('blocked');
      expect(await auditRule(spammer, 'standing.block')).toMatchObject({
        rule: 'BL-03.block',
        reason: expect.stringMatching(/complaint rate over the last 7 days is 0\.20% of 1000 messages/),
      });
      expect((await standing(clean)).standing).toBe('active');

      const incidents = await t.platform.services.enforcement.listIncidents({ open: true });
      const blocklist = incidents.filter((i) => i.kind === 'blocklist');
      expect(blocklist.map((i) => [i.subjectKind, i.subject]).sort()).toEqual(
        [
          ['domain', linkDomain],
          ['domain', sendingDomain],
          ['ip', LISTED_IPV4],
        ].sort(),
      );
      expect(blocklist.find((i) => i.subject === sendingDomain)?.accountId).toBe(owner.owner.accountId);

      // The operator and the owners are told.
      const deadline = Date.now() + 20_000;
      const want = [OPERATOR, owner.owner.email, spammer.owner.email];
      const operatorMails = () => mail.messages.filter((m) => m.envelope.to.includes(OPERATOR)).length;
      while (!want.every((to) => mail.messages.some((m) => m.envelope.to.includes(to))) || operatorMails() < 3) {
        if (Date.now() > deadline)
          throw new Error(`notices missing: ${want.filter((to) => !mail.messages.some((m) => m.envelope.to.includes(to)))}`);
        t.clock.advance(1_000);
        await new Promise((r) => setTimeout(r, 50));
      }
      const ops = mail.messages.filter((m) => m.envelope.to.includes(OPERATOR)).map((m) => m.parsed.subject);
      expect(ops.sort()).toEqual(
        [
          `Blocklist: ${LISTED_IPV4} listed on ips.bl.test`,
          `Blocklist: ${linkDomain} listed on domains.bl.test`,
          `Blocklist: ${sendingDomain} listed on domains.bl.test`,
        ].sort(),
      );
      // The clean account hears nothing of it (its sign-up mail aside).
      expect(
        mail.messages.filter(
          (m) => m.envelope.to.includes(clean.owner.email) && /restricted|blocked|paused|blocklist/i.test(m.parsed.subject ?? ''),
        ),
      ).toEqual([]);
      expect(
        mail.messages.find((m) => m.envelope.to.includes(owner.owner.email) && /restricted/i.test(m.parsed.subject ?? ''))?.parsed
          .text,
      ).toContain(sendingDomain);

      // A second run the same day opens nothing again and changes nobody's standing.
      t.clock.advance(60_000);
      const again = await service.runChecks(targets);
      expect(again.opened).toEqual([]);
      expect(
        (await t.platform.services.enforcement.listIncidents({ open: true })).filter((i) => i.kind === 'blocklist'),
      ).toHaveLength(3);

      // The operator's status page: per IP and domain, zone by zone, listed first; and a target's history.
      await t.platform.services.accounts.createOperator({
        email: `ops-${engine}@assent.test`,
        role: 'reviewer',
        password: 'correct-horse-battery',
      });
      const op = await signIn(t.app, `ops-${engine}@assent.test`, 'correct-horse-battery');
      const status = await t.app.inject({ method: 'GET', url: '/api/v1/operator/blocklists', headers: op.headers });
      expect(status.statusCode, status.body).toBe(200);
      const body = status.json();
      expect(body.checkedAt).toBe(t.clock.now().toISOString());
      const ip = body.targets.find((x: { target: string }) => x.target === LISTED_IPV4);
      expect(ip).toMatchObject({
        kind: 'ip',
        listed: true,
        checks: [expect.objectContaining({ zone: 'ips.bl.test', outcome: 'listed' })],
      });
      expect(body.targets[0].listed).toBe(true);
      expect(body.targets.find((x: { target: string }) => x.target === `clean-${engine}-assent.ro`)).toMatchObject({
        listed: false,
      });
      expect(body.open.map((l: { target: string }) => l.target).sort()).toEqual([LISTED_IPV4, linkDomain, sendingDomain].sort());
      const history = await t.app.inject({
        method: 'GET',
        url: `/api/v1/operator/blocklists/${sendingDomain}`,
        headers: op.headers,
      });
      expect(history.statusCode, history.body).toBe(200);
      expect(history.json().checks.map((c: { outcome: string }) => c.outcome)).toEqual(['listed', 'listed']);
      expect(history.json().listings).toEqual([expect.objectContaining({ zone: 'domains.bl.test', clearedAt: null })]);
      const customer = await t.app.inject({ method: 'GET', url: '/api/v1/operator/blocklists', headers: owner.owner.headers });
      expect(customer.statusCode).toBe(403);
    },
  );
});
