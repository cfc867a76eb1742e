// The content review's second opinion (issue 9 §4) with the real spamd (Debian spamassassin):
// a GTUBE campaign the embedded screen allows is held, with a 'spam-score' finding and spamd's
// score and rules on the verdict; spamd down, the screen's verdict stands and the verdict says the
// second opinion was unavailable. On both engines the verdict round-trips through the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { freePort } from '../../../test/helpers/smtp-sink.ts';
import { GTUBE, spamdAvailable, startSpamd, type RunningSpamd } from '../../../test/helpers/spamd.ts';
import { createSpamAssassinSecondOpinion } from '../../channels/spamd/second-opinion.ts';
import { createCampaignStore } from '../../db/repositories/campaigns.ts';
import { createAccountRow, emailList, permissionServices } from '../../db/repositories/permission.testkit.ts';
import { createAuditRepository } from '../../db/repositories/audit.ts';
import { createGateStore } from '../../db/repositories/gate.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { screenContent } from '../content/screen.ts';
import type { SecondOpinion } from '../content/second-opinion.ts';
import { createGateService } from '../gate/service.ts';
import { silentLogger } from '../ports.ts';
import { createBasicRenderer } from './basic-renderer.ts';
import { createContentReview } from './review.ts';
import { createCampaignService } from './service.ts';
import type { ContentReview } from './types.ts';

const clock = manualClock('2026-12-03T10:00:00.000Z');
const GTUBE_HTML = `<p>Our bakery opens at 8 on Saturday.</p><p>${GTUBE}</p>`;
const GTUBE_TEXT = `Our bakery opens at 8 on Saturday.\n${GTUBE}`;
const content = (html: string, text: string, subject = 'Fresh bread this week') => ({
  accountId: 'acc-1',
  subject,
  preheader: '',
  body: html,
  format: 'html' as const,
  html,
  text,
  links: [],
});

describe('content review with a second opinion (fakes: the decision rules)', () => {
  const fixed = (score: number): SecondOpinion => ({
    check: async () => ({ engine: 'spamassassin', score, engineThreshold: 5, rules: ['FAKE_RULE'] }),
  });

  it('a score over the limit never turns a reject into anything milder; the finding is still recorded', async () => {
    const text = 'This is a security awareness phishing simulation: click to enter your password for the test.';
    const v = await createContentReview({ clock, secondOpinion: fixed(50) }).review(content(`<p>${text}</p>`, text));
    expect(v.decision).toBe('reject');
    expect(v.findings).toContainEqual(expect.objectContaining({ category: 'spam-score', rule: 'spamassassin', score: 50 }));
  });

  it('a score at or under the limit leaves an allow alone (the limit is SPAMD_MAX_SCORE, not spamd’s own)', async () => {
    const c = content('<p>Our bakery opens at 8 on Saturday.</p>', 'Our bakery opens at 8 on Saturday.');
    const v = await createContentReview({ clock, secondOpinion: fixed(6), secondOpinionMaxScore: 8 }).review(c);
    expect(v.decision).toBe('allow');
    expect(v.secondOpinion).toEqual({ engine: 'spamassassin', score: 6, threshold: 8, engineThreshold: 5, rules: ['FAKE_RULE'] });
    const held = await createContentReview({ clock, secondOpinion: fixed(8.1), secondOpinionMaxScore: 8 }).review(c);
    expect(held.decision).toBe('hold');
  });

  it('an adapter that throws (a bug) does not fail the review: recorded as unavailable', async () => {
    const broken: SecondOpinion = {
      check: async () => {
        throw new Error('boom');
      },
    };
    const c = content('<p>Our bakery opens at 8 on Saturday.</p>', 'Our bakery opens at 8 on Saturday.');
    const v = await createContentReview({ clock, secondOpinion: broken }).review(c);
    expect(v.decision).toBe('allow');
    expect(v.secondOpinion).toMatchObject({ status: 'unavailable', reason: 'protocol-error' });
  });
});

describe.skipIf(!spamdAvailable())('content review with the real spamd', () => {
  let spamd: RunningSpamd;
  beforeAll(async () => {
    spamd = await startSpamd();
  });
  afterAll(async () => {
    await spamd?.close();
  });

  it('[CNT-02] a GTUBE campaign the embedded screen allows is held, with the spamassassin finding and score', async () => {
    // The embedded screen alone allows it: GTUBE is no category of the content policy.
    expect(
      screenContent({ channel: 'email', subject: 'Fresh bread this week', html: GTUBE_HTML, text: GTUBE_TEXT }).verdict,
    ).toBe('allow');
    const review = createContentReview({ clock, secondOpinion: createSpamAssassinSecondOpinion({ url: spamd.url }) });
    const v = await review.review(content(GTUBE_HTML, GTUBE_TEXT));
    expect(v.decision).toBe('hold');
    expect(v.secondOpinion).toMatchObject({ engine: 'spamassassin', threshold: 5, engineThreshold: 5 });
    if (!v.secondOpinion || !('engine' in v.secondOpinion)) throw new Error('no score');
    expect(v.secondOpinion.score).toBeGreaterThanOrEqual(1000);
    expect(v.secondOpinion.rules).toContain('GTUBE');
    expect(v.findings).toContainEqual(
      expect.objectContaining({
        category: 'spam-score',
        rule: 'spamassassin',
        score: v.secondOpinion.score,
        threshold: 5,
        rules: expect.arrayContaining(['GTUBE']),
      }),
    );
  });

  it('a plain campaign stays allowed, with spamd’s low score recorded', async () => {
    const review = createContentReview({ clock, secondOpinion: createSpamAssassinSecondOpinion({ url: spamd.url }) });
    const v = await review.review(
      content('<p>Our bakery opens at 8 on Saturday. New sourdough this week.</p>', 'Our bakery opens at 8 on Saturday.'),
    );
    expect(v.decision).toBe('allow');
    expect(v.secondOpinion).toMatchObject({ engine: 'spamassassin' });
    if (v.secondOpinion && 'engine' in v.secondOpinion) expect(v.secondOpinion.score).toBeLessThan(5);
    expect(v.findings).not.toContainEqual(expect.objectContaining({ category: 'spam-score' }));
  });

  describeEachEngine('campaigns with the spamd second opinion', (db) => {
    async function world(review: ContentReview) {
      const database = db();
      const p = permissionServices(database, clock);
      const accountId = await createAccountRow(database);
      const list = await p.lists.create(accountId, emailList());
      const ref = {} as { service: ReturnType<typeof createCampaignService> };
      const gate = createGateService({
        store: createGateStore(database),
        standing: { assertServiceAllowed: async () => {} },
        clock,
        logger: silentLogger,
        preconditions: () => ({ check: (a, id) => ref.service.precondition(a, id) }),
      });
      const service = (ref.service = createCampaignService({
        store: createCampaignStore(database),
        lists: p.lists,
        segments: p.segments,
        domains: { verifiedFor: async () => ({ id: 'd1' }) as never },
        review,
        renderer: createBasicRenderer(),
        gate,
        engine: () => ({
          start: async () => ({ queued: 0, held: 0 }),
          kick: async () => {},
          progress: async () => {
            throw new Error('not used');
          },
        }),
        contacts: p.contacts,
        systemMail: { enqueue: async () => 'mail-1' },
        ownerEmails: async () => [],
        audit: createAuditLog({ store: createAuditRepository(database.db), clock }),
        clock,
        logger: silentLogger,
      }));
      const create = (body: string) =>
        service.create(accountId, {
          name: 'December',
          listId: list.id,
          subject: 'Fresh bread this week',
          fromName: 'Bakery',
          fromEmail: 'news@bakery.example',
          format: 'html',
          body,
        });
      return { service, accountId, create };
    }

    it('[CNT-02] submit holds the GTUBE campaign for review; the stored verdict keeps spamd’s score and rules', async () => {
      const { service, accountId, create } = await world(
        createContentReview({ clock, secondOpinion: createSpamAssassinSecondOpinion({ url: spamd.url }) }),
      );
      const c = await create(GTUBE_HTML);
      const submitted = await service.submit(accountId, c.id);
      expect(submitted.status).toBe('in-review');
      const stored = await service.get(accountId, c.id);
      expect(stored.verdict?.decision).toBe('hold');
      expect(stored.verdict?.secondOpinion).toMatchObject({ engine: 'spamassassin', threshold: 5 });
      const so = stored.verdict?.secondOpinion;
      if (!so || !('engine' in so)) throw new Error('no score stored');
      expect(so.score).toBeGreaterThanOrEqual(1000);
      expect(so.rules).toContain('GTUBE');
      expect(stored.verdict?.findings).toContainEqual(expect.objectContaining({ category: 'spam-score', rule: 'spamassassin' }));
    });

    it('spamd down: the embedded verdict stands (approved) and the stored verdict records the second opinion as unavailable', async () => {
      const down = `spamd://127.0.0.1:${await freePort()}`;
      const { service, accountId, create } = await world(
        createContentReview({ clock, secondOpinion: createSpamAssassinSecondOpinion({ url: down }) }),
      );
      const c = await create(GTUBE_HTML);
      const submitted = await service.submit(accountId, c.id);
      expect(submitted.status).toBe('approved');
      const stored = await service.get(accountId, c.id);
      expect(stored.verdict?.decision).toBe('allow');
      expect(stored.verdict?.secondOpinion).toMatchObject({ status: 'unavailable', reason: 'unreachable' });
      expect(stored.verdict?.findings).not.toContainEqual(expect.objectContaining({ category: 'spam-score' }));
    });
  });
});
