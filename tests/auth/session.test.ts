import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { writeTx } from '../../app/data/db.server';
import { insertUser, findUserById } from '../../app/data/users.server';
import {
  createSession,
  HELPER_ABSOLUTE_MS,
  HELPER_SESSION_MS,
  invalidateAllSessions,
  readSessionToken,
  sessionIdFromToken,
  STAFF_ABSOLUTE_MS,
  STAFF_IDLE_MS,
  validateSessionToken,
} from '../../app/auth/session.server';

const { db } = useTestDatabase('session');

function makeUser(id: string, staff = false) {
  writeTx((tx) => {
    if (staff) db.$client.prepare("insert or ignore into sites (id, code, kind, path, name_zh, name_en, created_at) values ('s1','wz','city','/wz/','吴忠市','Wuzhong',0)").run();
    insertUser(tx, { id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, createdAt: 0, staffSiteId: staff ? 's1' : null });
  });
  return findUserById(id)!;
}

describe('sessions', () => {
  it('stores only the SHA-256 of a 160-bit token', () => {
    const user = makeUser('helper1');
    const { token, session } = createSession(user, 0);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).not.toContain(token);
    const stored = db.$client.prepare('select id from sessions').all() as { id: string }[];
    expect(stored.map((s) => s.id)).not.toContain(token);
  });

  it('slides a helper session forward and ends it after 7 idle days', () => {
    const user = makeUser('helper2');
    const { token } = createSession(user, 0);
    expect(validateSessionToken(token, 1000)?.refreshedCookie).toBeNull();
    const later = HELPER_SESSION_MS - 1000; // past half-life: slides
    const slid = validateSessionToken(token, later)!;
    expect(slid.refreshedCookie).toContain('Max-Age=604800');
    expect(slid.session.expiresAt).toBe(later + HELPER_SESSION_MS);
    expect(validateSessionToken(token, later + HELPER_SESSION_MS)).toBeNull();
    // and it is gone for good
    expect(validateSessionToken(token, later)).toBeNull();
  });

  it('ends a helper session 30 days after sign-in however busy, the last refresh cut to that limit', () => {
    const user = makeUser('helper-busy');
    const { token, session } = createSession(user, 0);
    expect(session.absoluteExpiresAt).toBe(HELPER_ABSOLUTE_MS);
    let now = 0;
    let lastCookie: string | null = null;
    // Back every four days: the 7-day window keeps sliding, but never past day 30.
    while (now + 4 * 86_400_000 < HELPER_ABSOLUTE_MS) {
      now += 4 * 86_400_000;
      const valid = validateSessionToken(token, now);
      expect(valid, `day ${now / 86_400_000}`).not.toBeNull();
      expect(valid!.session.expiresAt).toBeLessThanOrEqual(HELPER_ABSOLUTE_MS);
      lastCookie = valid!.refreshedCookie ?? lastCookie;
    }
    // The refresh on day 24 would have run to day 31: it is cut to day 30, and day 28 has nothing left to slide.
    expect(lastCookie).toContain(`Max-Age=${(HELPER_ABSOLUTE_MS - 24 * 86_400_000) / 1000}`);
    expect(validateSessionToken(token, HELPER_ABSOLUTE_MS - 1)).not.toBeNull();
    expect(validateSessionToken(token, HELPER_ABSOLUTE_MS)).toBeNull();
    expect(db.$client.prepare('select count(*) as n from sessions where id = ?').get(session.id)).toEqual({ n: 0 });
  });

  it('gives a helper made staff the staff limits on the session already open', () => {
    const user = makeUser('helper-promoted');
    const { token } = createSession(user, 0);
    db.$client.prepare("insert or ignore into sites (id, code, kind, path, name_zh, name_en, created_at) values ('s1','wz','city','/wz/','吴忠市','Wuzhong',0)").run();
    db.$client.prepare("update users set staff_site_id = 's1' where id = ?").run(user.id);
    let now = 0;
    while (now + 20 * 60_000 < STAFF_ABSOLUTE_MS) {
      now += 20 * 60_000;
      expect(validateSessionToken(token, now)).not.toBeNull();
    }
    expect(validateSessionToken(token, STAFF_ABSOLUTE_MS)).toBeNull();
  });

  it('ends a staff session after 30 idle minutes, and after 12 hours whatever the activity', () => {
    const staff = makeUser('staff1', true);
    const idle = createSession(staff, 0);
    expect(validateSessionToken(idle.token, STAFF_IDLE_MS + 1)).toBeNull();

    const busy = createSession(staff, 0);
    let now = 0;
    while (now + 20 * 60_000 < STAFF_ABSOLUTE_MS) {
      now += 20 * 60_000;
      expect(validateSessionToken(busy.token, now), `at ${now / 60_000} min`).not.toBeNull();
    }
    expect(validateSessionToken(busy.token, STAFF_ABSOLUTE_MS)).toBeNull();
  });

  it('revokes every session of a user at once', () => {
    const user = makeUser('helper3');
    const a = createSession(user, 0);
    const b = createSession(user, 0);
    expect(invalidateAllSessions(user.id)).toBe(2);
    expect(validateSessionToken(a.token, 1)).toBeNull();
    expect(validateSessionToken(b.token, 1)).toBeNull();
  });

  it('reads the token from the cookie header', () => {
    expect(readSessionToken(new Request('http://x/', { headers: { cookie: 'lang=en; wb_session=abc' } }))).toBe('abc');
    expect(readSessionToken(new Request('http://x/'))).toBeNull();
  });
});

describe('session sweep', () => {
  it('deletes expired sessions nobody came back to, and keeps live ones', async () => {
    const { pruneExpiredSessions } = await import('../../app/auth/session.server');
    const helper = makeUser('sweep-helper');
    const staff = makeUser('sweep-staff', true);
    const old = createSession(helper, 0);
    const idleStaff = createSession(staff, 0);
    const live = createSession(helper, HELPER_SESSION_MS);
    expect(pruneExpiredSessions(HELPER_SESSION_MS + 1)).toBeGreaterThanOrEqual(2);
    const left = (db.$client.prepare('select id from sessions').all() as { id: string }[]).map((r) => r.id);
    expect(left).toContain(live.session.id);
    expect(left).not.toContain(old.session.id);
    expect(left).not.toContain(idleStaff.session.id);
  });
});
