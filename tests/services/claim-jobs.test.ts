import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, auditOf, buildWorld, claimRows, emailOf, outboxTo, publishedWish, wishStatus, type World } from '../helpers/wish-fixtures';
import { liveClaimsDueBefore } from '../../app/data/claims.server';
import { claimWish, helperClaimStep, runClaimJobs, runClaimJobsInBatches, staffClaimStep } from '../../app/services/claims.server';
import { CLAIM_DELIVERY_DAYS } from '../../app/domain/claim';

// The claims job reads only the claims that may be due (liveClaimsDueBefore, from both sides through indexes, as the
// staff queue does): the same claims as every live claim tested one by one, each handled once even when due on both counts.
const { db } = useTestDatabase('claim-jobs');
const NOW = Date.UTC(2025, 5, 1, 2); // 2025-06-01 10:00 in Shanghai
const DAY = 24 * 3600_000;
let world: World;
let child: string;

beforeAll(() => {
  world = buildWorld(db, NOW);
  child = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' }, NOW);
});

const actor = (key: keyof World['users']) => actorOf(db, world.users[key]);
const wish = (deadline?: string) => publishedWish(db, { childId: child, author: world.users.staffGc, reviewer: world.users.staffLt, deadline }, NOW);
const claimed = (deadline: string | undefined, step: 'pending' | 'approved' | 'delivered' | 'released', at = NOW) => {
  const id = wish(deadline);
  const made = claimWish(actor('volunteer'), id, undefined, at);
  if (!made.ok) throw new Error('claim refused');
  const c = made.value.claimId;
  if (step === 'approved' || step === 'delivered') expect(staffClaimStep(actor('staffLt'), c, 'approve', {}, at).ok).toBe(true);
  if (step === 'delivered') expect(helperClaimStep(actor('volunteer'), id, 'deliver', at).ok).toBe(true);
  if (step === 'released') expect(helperClaimStep(actor('volunteer'), id, 'release', at).ok).toBe(true);
  return { wishId: id, claimId: c };
};
const mailsOf = (template: string, wishId: string) =>
  outboxTo(db, emailOf(db, world.users.volunteer)).filter((m) => m.template === template && m.bodyText.includes(wishId));

describe('the claims job', () => {
  it('reads the same due claims, in the same order, as a test of every live claim would', () => {
    claimed('2025-06-05', 'pending');
    claimed('2025-06-05', 'approved');
    claimed('2025-06-05', 'delivered');
    claimed('2025-06-05', 'released');
    claimed(undefined, 'pending');
    claimed(undefined, 'approved', NOW + DAY);
    claimed('2025-07-30', 'approved', NOW + 2 * DAY);
    claimed('2025-06-08', 'approved', NOW + 3 * DAY);
    for (const at of [NOW, NOW + 4 * DAY, NOW + 6 * DAY, NOW + 15 * DAY, NOW + 16 * DAY, NOW + 20 * DAY, NOW + 90 * DAY]) {
      const approvedBefore = at - CLAIM_DELIVERY_DAYS * DAY;
      const ids = (rows: { claim: { id: string } }[]) => rows.map((r) => r.claim.id);
      // Every live claim, tested one by one: the wish's deadline passed, or the approved claim's window closed.
      const everyLive = db.$client
        .prepare(
          `select c.id from claims c join wishes w on w.id = c.wish_id where c.status in ('pending', 'approved')
             and (w.deadline_at < ? or (c.status = 'approved' and c.approved_at < ?)) order by c.created_at, c.id`,
        )
        .pluck()
        .all(at, approvedBefore);
      expect(ids(liveClaimsDueBefore(at, approvedBefore))).toEqual(everyLive);
    }
    // Both sides are read: a deadline passed (any live claim), and an approved claim's delivery window closed.
    expect(liveClaimsDueBefore(NOW + 6 * DAY, NOW - 30 * DAY)).toHaveLength(2);
    expect(liveClaimsDueBefore(NOW - DAY, NOW + 2 * DAY + 1)).toHaveLength(3);
  });

  it('expires a claim due on both counts once, telling the helper once', () => {
    // Approved at NOW (window closes on 06-15), the wish's deadline 06-10: both passed on 06-20.
    const { wishId, claimId } = claimed('2025-06-10', 'approved');
    const first = runClaimJobs(NOW + 19 * DAY);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(claimRows(db, wishId)[0].status).toBe('expired');
    expect(wishStatus(db, wishId)).toBe('published');
    expect(auditOf(db, 'claim', claimId).filter((e) => e.action === 'expire')).toHaveLength(1);
    expect(mailsOf('claim.expired', wishId)).toHaveLength(1);
    runClaimJobs(NOW + 19 * DAY + 1);
    expect(mailsOf('claim.expired', wishId)).toHaveLength(1);
  });

  it('reminds a claim due soon on both counts once, also when the background run meets it again', async () => {
    // Approved on 06-21 (the window closes on 07-05), the deadline 07-05 too: both within 3 days on 07-03.
    const at = NOW + 20 * DAY;
    const { wishId, claimId } = claimed('2025-07-05', 'approved', at);
    const soon = at + 12 * DAY;
    await runClaimJobsInBatches(soon);
    expect(mailsOf('claim.reminder', wishId)).toHaveLength(1);
    expect(await runClaimJobsInBatches(soon + 1)).toMatchObject({ reminded: 0 });
    runClaimJobs(soon + DAY);
    expect(mailsOf('claim.reminder', wishId)).toHaveLength(1);
    expect(auditOf(db, 'claim', claimId).filter((e) => e.action === 'remind')).toHaveLength(1);
    expect(claimRows(db, wishId)[0].status).toBe('approved');
  });
});
