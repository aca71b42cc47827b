import { recordAudit } from '../data/audit.server';
import {
  childChoicesUnder,
  findChild,
  findSiteInfo,
  insertChild,
  listChildrenUnder,
  sitesUnder,
  updateChild as updateChildRow,
  wishesOfChild,
} from '../data/children.server';
import { writeTx } from '../data/db.server';
import { newId } from '../data/ids.server';
import { scopeRoot } from '../data/scope.server';
import { timelineOf } from '../data/wishes.server';
import type { Actor } from '../domain/actor';
import { shanghaiDate } from '../domain/calendar';
import { err, forbidden, notFound, ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { ageBand } from '../domain/wish';
import type { ChildInput } from '../forms/child';
import { refuseUnlessChanged, transact } from './tx.server';

// Private child records (PRODUCT.md §3): staff of the site subtree only, every read audited.
// Audit actions are prefixed "child." so that one search finds every access to children's data;
// audit notes never carry the record's fields.

/** The child list of the viewer's subtree. Showing real names is a read of the records: it is audited too. */
export function childrenOfSubtree(actor: Actor, now: number) {
  const root = scopeRoot(actor);
  if (root === null || !can(actor, 'child.read', { type: 'site', sitePath: root })) return forbidden();
  const today = shanghaiDate(now);
  const rows = listChildrenUnder(root);
  writeTx((tx) =>
    recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      entityType: 'site',
      entityId: actor.staff?.siteId ?? 'all',
      action: 'child.list',
      note: `${rows.length}`,
      siteId: actor.staff?.siteId ?? null,
    }),
  );
  return ok({
    children: rows.map((r) => ({ ...r, ageBand: safeAgeBand(r.birthDate, today) })),
    sites: sitesUnder(root),
  });
}

/** Children a new wish can be written for: the public face only (alias, age band, site). */
export function childChoices(actor: Actor, now: number) {
  const root = scopeRoot(actor);
  if (root === null) return [];
  const today = shanghaiDate(now);
  return childChoicesUnder(root).map(({ birthDate, ...rest }) => ({ ...rest, ageBand: safeAgeBand(birthDate, today) }));
}

export function childForStaff(actor: Actor, id: string, now: number) {
  const found = findChild(id);
  if (!found || !can(actor, 'child.read', { type: 'site', sitePath: found.sitePath })) return notFound();
  writeTx((tx) =>
    recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      entityType: 'child',
      entityId: id,
      action: 'child.read',
      siteId: found.child.siteId,
    }),
  );
  const root = scopeRoot(actor) ?? found.sitePath;
  return ok({
    child: found.child,
    site: { zh: found.siteZh, en: found.siteEn },
    ageBand: safeAgeBand(found.child.birthDate, shanghaiDate(now)),
    wishes: wishesOfChild(id),
    sites: sitesUnder(root),
    timeline: timelineOf('child', id),
  });
}

export function createChild(actor: Actor, input: ChildInput, now: number): Result<{ id: string }> {
  const checked = checkChildInput(actor, input, now);
  if (!checked.ok) return checked;
  const id = newId();
  writeTx((tx) => {
    insertChild(tx, { id, ...input, guardian: input.guardian ?? null, notes: input.notes ?? null, createdBy: actor.userId, createdAt: now });
    recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'child', entityId: id, action: 'child.create', siteId: input.siteId });
  });
  return ok({ id });
}

export function updateChild(actor: Actor, id: string, input: ChildInput, now: number): Result<{ id: string }> {
  const found = findChild(id);
  if (!found || !can(actor, 'child.read', { type: 'site', sitePath: found.sitePath })) return notFound();
  if (!can(actor, 'child.write', { type: 'site', sitePath: found.sitePath })) return forbidden();
  const checked = checkChildInput(actor, input, now);
  if (!checked.ok) return checked;
  return transact((tx) => {
    refuseUnlessChanged(
      updateChildRow(tx, id, { ...input, guardian: input.guardian ?? null, notes: input.notes ?? null }),
    );
    recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'child', entityId: id, action: 'child.update', siteId: input.siteId });
    return { id };
  });
}

/** The site must be in the viewer's subtree, the birth date in the past, and the alias must not give the child away. */
function checkChildInput(actor: Actor, input: ChildInput, now: number): Result<true> {
  const site = findSiteInfo(input.siteId);
  if (!site) return err({ kind: 'validation', fields: { siteId: ['form.choose_one'] } });
  if (!can(actor, 'child.write', { type: 'site', sitePath: site.path })) return forbidden();
  if (input.birthDate > shanghaiDate(now)) return err({ kind: 'validation', fields: { birthDate: ['form.date_future'] } });
  const findings = checkPublicText([input.alias], { realName: input.realName });
  if (findings.length) return err({ kind: 'privacy', findings });
  return ok(true);
}

function safeAgeBand(birthDate: string, today: string): string {
  try {
    return ageBand(birthDate, today);
  } catch {
    return '?';
  }
}
