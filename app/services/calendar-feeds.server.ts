import { generateMailToken, hashMailToken, looksLikeMailToken } from '../auth/tokens.server';
import { recordAudit } from '../data/audit.server';
import type { Tx } from '../data/db.server';
import { activityForPage, databaseFileName, feedByTokenHash, feedEntriesOf, feedOfUser, findSlot, replaceFeed } from '../data/signups.server';
import type { Actor } from '../domain/actor';
import { isPublicActivity } from '../domain/activity';
import { forbidden, ok, type Result } from '../domain/errors';
import { icsCalendar, type IcsEvent } from '../domain/ical';
import { linkKey, seal, unseal } from '../platform/link-key.server';
import { config } from '../platform/config.server';
import { transact } from '../server/tx.server';

// iCal for activity slots: one .ics per slot, and a personal feed per helper at a secret URL. The feed's
// token is random, looked up by its SHA-256, and kept sealed under the link key (never in the database,
// README D22) bound to the user id, so /me can show the URL again. Rotating replaces it: the old URL 404s.
// Events carry the activity's title, the slot's time, site and place and a link: no child data.

const base = () => config().appUrl.replace(/\/$/, '');
const key = () => linkKey(databaseFileName(), config().mailLinkKey);
const sealContext = (userId: string) => `calendar-feed:${userId}`;
const uidOf = (slotId: string) => `slot-${slotId}@wishbridge`;

/** A new feed row for this person (the token only ever leaves sealed or as its hash). */
export function newFeedRow(userId: string, now: number) {
  const token = generateMailToken();
  return { userId, tokenHash: hashMailToken(token), tokenSealed: seal(key(), token, sealContext(userId)), createdAt: now };
}

export function feedUrlOf(userId: string): string | null {
  const feed = feedOfUser(userId);
  if (!feed) return null;
  const token = unseal(key(), feed.tokenSealed, sealContext(userId));
  return token ? `${base()}/feeds/${token}.ics` : null;
}

/** A new secret address; the old one stops working in the same write. */
export function rotateFeed(actor: Actor | null, now: number): Result<{ url: string }> {
  if (!actor) return forbidden();
  const row = newFeedRow(actor.userId, now);
  const written = transact((tx: Tx) => {
    replaceFeed(tx, row);
    recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'user', entityId: actor.userId, action: 'rotate_feed' });
  });
  if (!written.ok) return written;
  return ok({ url: feedUrlOf(actor.userId)! });
}

/** The feed's text, or null when the token is not (or no longer) anyone's. */
export function feedIcs(token: string, locale: 'zh-CN' | 'en', now: number): string | null {
  if (!looksLikeMailToken(token)) return null;
  const feed = feedByTokenHash(hashMailToken(token));
  if (!feed) return null;
  const events: IcsEvent[] = feedEntriesOf(feed.userId).map((e) => ({
    uid: uidOf(e.slotId),
    start: e.startsAt,
    end: e.endsAt,
    summary: e.status === 'offered' ? `${locale === 'en' ? '[Place offered] ' : '【候补名额待确认】'}${e.activityTitle}` : e.activityTitle,
    location: [locale === 'en' ? e.siteEn : e.siteZh, e.place].filter(Boolean).join(' '),
    url: `${base()}/activities/${e.activityId}`,
    status: e.status === 'offered' ? 'TENTATIVE' : 'CONFIRMED',
  }));
  return icsCalendar(events, { name: locale === 'en' ? 'WishBridge: my activity slots' : '心愿桥:我的活动', now });
}

/** One public slot as an .ics file, or null when the slot or its activity is not public. */
export function slotIcs(activityId: string, slotId: string, locale: 'zh-CN' | 'en', now: number): string | null {
  const slot = findSlot(slotId);
  const activity = activityForPage(activityId);
  if (!slot || !activity || slot.activityId !== activityId || !isPublicActivity(activity.status)) return null;
  const event: IcsEvent = {
    uid: uidOf(slotId),
    start: slot.slot.startsAt,
    end: slot.slot.endsAt,
    summary: activity.title,
    location: [locale === 'en' ? slot.siteEn : slot.siteZh, slot.slot.place].filter(Boolean).join(' '),
    url: `${base()}/activities/${activityId}`,
    status: slot.slot.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
  return icsCalendar([event], { name: activity.title, now });
}
