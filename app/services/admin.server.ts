import { auditActionsInUse, countAudit, namesOfObjects, recordAudit, searchAudit } from '../data/audit.server';
import { newId } from '../data/ids.server';
import { getOutboxMail, listOutbox } from '../data/outbox.server';
import { countSecurityEvents, logSecurityEvent, logSecurityEventOnItsOwn, searchSecurityEvents, SECURITY_EVENT_TYPES } from '../data/security-log.server';
import { deleteSessionsOfUser } from '../data/sessions.server';
import { findSiteByCode, findSiteById, insertSite, listSites, updateSite, type SiteRow } from '../data/sites.server';
import { openInvitations } from '../data/tokens.server';
import { findUserById, listStaffAndAdmins, setStaffSite } from '../data/users.server';
import type { Actor } from '../domain/actor';
import { err, ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import type { SiteCreateInput, SiteEditInput, StaffChangeInput } from '../forms/admin';
import { auditNameRefs, securityNameRefs } from '../i18n/labels';
import { maskLinks } from '../mail/links.server';
import type { RequestMeta } from './auth.server';
import { clampedPage, pageWindow } from '../server/paging.server';
import { transact } from '../server/tx.server';

function denied(actor: Actor | null, meta: RequestMeta, what: string): Result<never> {
  logSecurityEventOnItsOwn({ at: meta.now, type: 'permission_denied', userId: actor?.userId ?? null, ip: meta.ip, detail: what });
  return err({ kind: 'forbidden' });
}

// ---- sites -------------------------------------------------------------------------------------

const LEVEL: Record<SiteRow['kind'], number> = { city: 0, county: 1, township: 2, institution: 3 };

export interface SiteListItem {
  id: string;
  code: string;
  kind: SiteRow['kind'];
  nameZh: string;
  nameEn: string;
  depth: number;
  address: string | null;
  wishValueCapFen: number;
}

export function siteTree(): SiteListItem[] {
  return listSites().map((s) => ({
    id: s.id,
    code: s.code,
    kind: s.kind,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    depth: s.path.split('/').filter(Boolean).length - 1,
    address: s.address,
    wishValueCapFen: s.wishValueCapFen,
  }));
}

export function sitesPage(actor: Actor, meta: RequestMeta): Result<{ sites: SiteListItem[] }> {
  if (!can(actor, 'site.manage', { type: 'global' })) return denied(actor, meta, 'site.manage');
  return ok({ sites: siteTree() });
}

/** A site goes under a parent of a higher level (city above county above township above institution). */
export function createSite(actor: Actor, input: SiteCreateInput, meta: RequestMeta): Result<{ id: string }> {
  if (!can(actor, 'site.manage', { type: 'global' })) return denied(actor, meta, 'site.create');
  const parent = input.parentId ? findSiteById(input.parentId) : undefined;
  if (input.parentId && !parent) return err({ kind: 'validation', fields: { parentId: ['form.site.parent_invalid'] } });
  if (!parent && input.kind !== 'city') return err({ kind: 'validation', fields: { parentId: ['form.site.parent_required'] } });
  if (parent && LEVEL[input.kind] <= LEVEL[parent.kind]) return err({ kind: 'validation', fields: { kind: ['form.site_kind.below_parent'] } });
  if (findSiteByCode(input.code)) return err({ kind: 'validation', fields: { code: ['form.site_code.taken'] } });
  const id = newId();
  const path = `${parent?.path ?? '/'}${input.code}/`;
  transact((tx) => {
    insertSite(tx, {
      id,
      code: input.code,
      kind: input.kind,
      parentId: parent?.id ?? null,
      path,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      address: input.address,
      handoverNote: input.handoverNote,
      wishValueCapFen: input.wishValueCapFen,
      createdAt: meta.now,
    });
    recordAudit(tx, { at: meta.now, actorId: actor.userId, entityType: 'site', entityId: id, action: 'create', note: path, siteId: id });
  });
  return ok({ id });
}

export function sitePage(actor: Actor, id: string, meta: RequestMeta) {
  if (!can(actor, 'site.manage', { type: 'global' })) return denied(actor, meta, 'site.manage');
  const site = findSiteById(id);
  if (!site) return err({ kind: 'not_found' as const });
  const parent = site.parentId ? findSiteById(site.parentId) : undefined;
  return ok({
    site: { ...site, parentNameZh: parent?.nameZh ?? null, parentNameEn: parent?.nameEn ?? null },
  });
}

/** Names, address, hand-over note, value cap, the pairing contact and its overdue days; code and place in the tree stay (paths are built from codes). */
export function editSite(actor: Actor, id: string, input: SiteEditInput, meta: RequestMeta): Result<{ id: string }> {
  if (!can(actor, 'site.manage', { type: 'global' })) return denied(actor, meta, 'site.edit');
  const site = findSiteById(id);
  if (!site) return err({ kind: 'not_found' });
  transact((tx) => {
    updateSite(tx, id, input);
    const capNote = site.wishValueCapFen !== input.wishValueCapFen ? `value cap ${site.wishValueCapFen} → ${input.wishValueCapFen} fen` : null;
    const overdueNote = input.contactOverdueDays !== undefined && site.contactOverdueDays !== input.contactOverdueDays ? `contact overdue ${site.contactOverdueDays} → ${input.contactOverdueDays} days` : null;
    const note = [capNote, overdueNote].filter(Boolean).join('; ') || null;
    recordAudit(tx, { at: meta.now, actorId: actor.userId, entityType: 'site', entityId: id, action: 'update', note, siteId: id });
  });
  return ok({ id });
}

// ---- staff -------------------------------------------------------------------------------------

export function staffPage(actor: Actor, meta: RequestMeta) {
  if (!can(actor, 'staff.manage', { type: 'global' })) return denied(actor, meta, 'staff.manage');
  const sites = siteTree();
  const siteName = new Map(sites.map((s) => [s.id, s]));
  return ok({
    staff: listStaffAndAdmins(),
    invitations: openInvitations('staff_invite', meta.now).map((i) => ({
      id: i.id,
      email: i.email,
      siteZh: i.siteId ? siteName.get(i.siteId)?.nameZh ?? null : null,
      siteEn: i.siteId ? siteName.get(i.siteId)?.nameEn ?? null : null,
      expiresAt: i.expiresAt,
    })),
    sites,
  });
}

/** Moving staff to another site or taking the role away is a role change: every session of theirs ends. */
export function changeStaff(actor: Actor, input: StaffChangeInput, meta: RequestMeta): Result<{ userId: string }> {
  if (!can(actor, 'staff.manage', { type: 'global' })) return denied(actor, meta, 'staff.change');
  const user = findUserById(input.userId);
  if (!user || user.staffSiteId === null) return err({ kind: 'not_found' });
  const siteId = input.intent === 'move' ? input.siteId : null;
  if (siteId && !findSiteById(siteId)) return err({ kind: 'validation', fields: { siteId: ['form.site.required'] } });
  transact((tx) => {
    setStaffSite(tx, user.id, siteId);
    const revoked = deleteSessionsOfUser(user.id, tx);
    recordAudit(tx, { at: meta.now, actorId: actor.userId, entityType: 'user', entityId: user.id, action: input.intent === 'move' ? 'staff_move' : 'staff_remove', note: siteId, siteId });
    logSecurityEvent({ at: meta.now, type: 'role_changed', userId: user.id, ip: meta.ip, detail: `${input.intent} by ${actor.userId}` }, tx);
    logSecurityEvent({ at: meta.now, type: 'sessions_revoked', userId: user.id, ip: meta.ip, detail: `role change (${revoked})` }, tx);
  });
  return ok({ userId: user.id });
}

// ---- outbox, audit, security log ---------------------------------------------------------------

export function outboxPage(actor: Actor, filter: { to?: string }, meta: RequestMeta) {
  if (!can(actor, 'outbox.read', { type: 'global' })) return denied(actor, meta, 'outbox.read');
  return ok({ mail: listOutbox(200, filter.to || undefined).map(forAdmins) });
}

/** Admins read mail with its links masked, and never the sealed tokens (README D22). */
function forAdmins<M extends { bodyText: string; linkSecret: string | null }>({ linkSecret: _sealed, ...mail }: M) {
  return { ...mail, bodyText: maskLinks(mail.bodyText) };
}

export function outboxMail(actor: Actor, id: string, meta: RequestMeta) {
  if (!can(actor, 'outbox.read', { type: 'global' })) return denied(actor, meta, 'outbox.read');
  const mail = getOutboxMail(id);
  return mail ? ok(forAdmins(mail)) : err({ kind: 'not_found' as const });
}

export interface AuditPageFilter {
  entityType?: string;
  /** An action code; a code no event has is taken as a prefix of codes (old links: `child.`). */
  action?: string;
  from?: number;
  to?: number;
  page?: number;
}

/**
 * A page of the audit log, newest first (D19: 50 a page, "page 2 of 7, 320 in all"), with every action
 * present in the log (for the filter's select), and the names of the objects the page mentions. A fixed number
 * of queries whatever the page holds: the actions, the count, the page, the names.
 */
export function auditPage(actor: Actor, filter: AuditPageFilter, meta: RequestMeta) {
  if (!can(actor, 'audit.read', { type: 'global' })) return denied(actor, meta, 'audit.read');
  const actions = auditActionsInUse();
  const wanted = filter.action?.trim() ?? '';
  const matching = !wanted ? undefined : actions.includes(wanted) ? [wanted] : actions.filter((a) => a.startsWith(wanted));
  const where = { entityType: filter.entityType, actions: matching, from: filter.from, to: filter.to };
  const paging = clampedPage(countAudit(where), filter.page ?? 1);
  const rows = paging.total === 0 ? [] : searchAudit({ ...where, ...pageWindow(paging.page) });
  const events = rows.map((e) => ({ ...e, actorName: e.actorId ? (e.actorName ?? '?') : null }));
  return ok({ events, actions, paging, names: namesOfObjects(events.flatMap(auditNameRefs)) });
}

/** A page of the security log, newest first, with the names its details mention (users, organizations). */
export function securityLogPage(actor: Actor, filter: { type?: string; from?: number; to?: number; page?: number }, meta: RequestMeta) {
  if (!can(actor, 'audit.read', { type: 'global' })) return denied(actor, meta, 'security.read');
  const where = { type: filter.type, from: filter.from, to: filter.to };
  const paging = clampedPage(countSecurityEvents(where), filter.page ?? 1);
  const events = paging.total === 0 ? [] : searchSecurityEvents({ ...where, ...pageWindow(paging.page) });
  return ok({ events, types: SECURITY_EVENT_TYPES, paging, names: namesOfObjects(events.flatMap(securityNameRefs)) });
}
