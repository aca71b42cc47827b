import { describe, expect, it } from 'vitest';
import type { Actor } from '../../app/domain/actor';
import { DAY_MS, endOfShanghaiDay, isCalendarDate, shanghaiDate } from '../../app/domain/calendar';
import { CLAIM_STATUSES, type ClaimStatus } from '../../app/domain/claim';
import { claimDueAt, dueSoon, reminderDue } from '../../app/domain/claim-schedule';
import { can } from '../../app/domain/policy';
import { decideWithdrawal } from '../../app/domain/wish-claim';
import { WISH_STATUSES, type WishStatus } from '../../app/domain/wish';

const base = { admin: false, staff: null, volunteer: null, orgs: [] };
const staffIn: Actor = { ...base, userId: 'staff-lt', staff: { siteId: 'lt', sitePath: '/wz/lt/' } };
const staffOther: Actor = { ...base, userId: 'staff-yc', staff: { siteId: 'yc', sitePath: '/wz/yc/' } };
const volunteer: Actor = { ...base, userId: 'vol', volunteer: { status: 'approved', caringParent: false } };
const T = Date.UTC(2025, 5, 1, 2);

describe('Shanghai calendar', () => {
  it('reads the date in UTC+8 and ends a day at its last millisecond there', () => {
    expect(shanghaiDate(Date.UTC(2025, 5, 30, 15, 59))).toBe('2025-06-30');
    expect(shanghaiDate(Date.UTC(2025, 5, 30, 16, 0))).toBe('2025-07-01');
    expect(endOfShanghaiDay('2025-06-30')).toBe(Date.UTC(2025, 5, 30, 16) - 1);
    expect(endOfShanghaiDay('2024-12-31')).toBe(Date.UTC(2024, 11, 31, 16) - 1);
  });

  it('accepts only real calendar dates', () => {
    for (const ok of ['2024-02-29', '2025-12-31', '2000-01-01']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-6-1', '20250601', '', '2025-06-31']) expect(isCalendarDate(bad), bad).toBe(false);
    expect(() => endOfShanghaiDay('2025-02-30')).toThrow(RangeError);
    expect(() => endOfShanghaiDay('2025-02-30')).toThrow('not a calendar date: 2025-02-30');
  });

  it('reads the whole text, every day of the month and every year as written', () => {
    for (const bad of ['12025-06-01', '2025-06-011', 'x2025-06-01', '2025-06-01 ', '2025-06-00', '2025-00-10', '2025-04-31', '0050-06-01']) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
    for (const ok of ['2025-01-31', '2024-12-01', '1900-03-01']) expect(isCalendarDate(ok), ok).toBe(true);
  });
});

describe('when a claim is due', () => {
  it('is the wish deadline for a pending claim, the earlier of deadline and delivery window once approved', () => {
    expect(claimDueAt({ status: 'pending', approvedAt: null }, null)).toBeNull();
    // The delivery window starts at approval: not before, and not without an approval time.
    expect(claimDueAt({ status: 'pending', approvedAt: T }, null)).toBeNull();
    expect(claimDueAt({ status: 'approved', approvedAt: null }, null)).toBeNull();
    expect(claimDueAt({ status: 'approved', approvedAt: null }, T + 5 * DAY_MS)).toBe(T + 5 * DAY_MS);
    expect(claimDueAt({ status: 'pending', approvedAt: null }, T + 5 * DAY_MS)).toBe(T + 5 * DAY_MS);
    expect(claimDueAt({ status: 'approved', approvedAt: T }, null)).toBe(T + 14 * DAY_MS);
    expect(claimDueAt({ status: 'approved', approvedAt: T }, T + 5 * DAY_MS)).toBe(T + 5 * DAY_MS);
    expect(claimDueAt({ status: 'approved', approvedAt: T }, T + 30 * DAY_MS)).toBe(T + 14 * DAY_MS);
    for (const status of ['delivered', 'confirmed', 'rejected', 'released', 'expired'] as ClaimStatus[]) {
      expect(claimDueAt({ status, approvedAt: T }, T + DAY_MS), status).toBeNull();
    }
  });

  it('is "soon" within three days, inclusive, and not once past', () => {
    const due = T + 10 * DAY_MS;
    expect(dueSoon(due, due - 3 * DAY_MS - 1)).toBe(false);
    expect(dueSoon(due, due - 3 * DAY_MS)).toBe(true);
    expect(dueSoon(due, due)).toBe(true);
    expect(dueSoon(due, due + 1)).toBe(false);
    expect(dueSoon(null, T)).toBe(false);
  });

  it('reminds an approved claim once, within three days of its due time', () => {
    const approved = { status: 'approved' as const, approvedAt: T, reminderSentAt: null };
    expect(reminderDue(approved, null, T + 10 * DAY_MS)).toBe(false);
    expect(reminderDue(approved, null, T + 11 * DAY_MS)).toBe(true);
    expect(reminderDue({ ...approved, reminderSentAt: T + 11 * DAY_MS }, null, T + 12 * DAY_MS)).toBe(false);
    // A pending claim is staff's move, not the helper's: no reminder.
    expect(reminderDue({ status: 'pending', approvedAt: null, reminderSentAt: null }, T + DAY_MS, T)).toBe(false);
    expect(reminderDue(approved, T + 2 * DAY_MS, T)).toBe(true);
  });
});

describe('withdrawing a wish with its live claim', () => {
  const wish = (status: WishStatus) => ({ status, authorId: 'staff-author', sitePath: '/wz/lt/gc/' });

  it('follows the wish table: withdrawn from every state before delivered', () => {
    for (const status of WISH_STATUSES) {
      const result = decideWithdrawal(wish(status), null);
      expect(result.ok, status).toBe(['draft', 'in_review', 'published', 'claimed'].includes(status));
    }
  });

  it('releases a pending or approved claim, and refuses for anything else', () => {
    for (const status of CLAIM_STATUSES) {
      const result = decideWithdrawal(wish('claimed'), { status });
      if (status === 'pending' || status === 'approved') {
        expect(result).toEqual({ ok: true, value: { wishStep: 'withdraw', wishTo: 'withdrawn', claimTo: 'released', mails: ['claim.withdrawn'] } });
      }
      else expect(result, status).toMatchObject({ ok: false, error: { kind: 'bad_transition' } });
    }
  });

  it('mails nobody when there is no claim', () => {
    expect(decideWithdrawal(wish('published'), null)).toEqual({ ok: true, value: { wishStep: 'withdraw', wishTo: 'withdrawn', claimTo: null, mails: [] } });
  });

  it('is for staff of the subtree only (can wish.withdraw)', () => {
    const resource = { type: 'wish' as const, ...wish('published') };
    expect(can(staffIn, 'wish.withdraw', resource)).toBe(true);
    expect(can(staffOther, 'wish.withdraw', resource)).toBe(false);
    expect(can(volunteer, 'wish.withdraw', resource)).toBe(false);
    expect(can(null, 'wish.withdraw', resource)).toBe(false);
  });
});
