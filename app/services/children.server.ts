import { recordAudit } from '../data/audit.server';
import {
  childChoiceUnder,
  findChild,
  findSiteInfo,
  insertChild,
  pageOfChildrenUnder,
  searchChildChoicesUnder,
  sitesUnder,
  sitesWithChildrenUnder,
  updateChild as updateChildRow,
  wishesOfChild,
} from '../data/children.server';
import { newId } from '../data/ids.server';
import { scopeRoot } from '../data/scope.server';
import { timelineOf } from '../data/wishes.server';
import type { Actor } from '../domain/actor';
import { shanghaiDate } from '../domain/calendar';
import { err, forbidden, notFound, ok, type Result } from '../domain/errors';
import { can } from '../domain/policy';
import { checkPublicText } from '../domain/privacy';
import { childPrivacyFacts } from '../server/child-facts.server';
import { ageBand } from '../domain/wish';
import type { ChildInput } from '../forms/child';
import { readPage } from '../server/paging.server';
import { refuseUnlessChanged, transact } from '../server/tx.server';

// Private child records (PRODUCT.md §3): staff of the site subtree only, every read audited.
// Audit actions are prefixed "child." so that one search finds every access to children's data;
// audit notes never carry the record's fields.

export interface ChildListQuery {
  /** Part of the alias or real name, trimmed and at most CHILD_SEARCH_MAX long (forms/queries). */
  q?: string | null;
  /** A site of the subtree that holds children; anything else is ignored. */
  site?: string | null;
  page: number;
}

/** A look at children's records from a list or a search: one audit event with how many (never the text searched). */
function auditChildRead(actor: Actor, action: 'child.list' | 'child.search', count: number, now: number): void {
  const siteId = actor.staff?.siteId ?? null;
  transact((tx) => recordAudit(tx, { at: now, actorId: actor.userId, entityType: 'site', entityId: siteId ?? 'all', action, note: `${count}`, siteId }));
}

/**
 * The child list of the viewer's subtree, a page at a time, narrowed by a search on alias or real
 * name and by site. Showing real names is a read of the records: each page shown is one
 * `child.list` audit event carrying the number of rows shown (never the text searched).
 */
export function childrenOfSubtree(actor: Actor, query: ChildListQuery, now: number) {
  const root = scopeRoot(actor);
  if (root === null || !can(actor, 'child.read', { type: 'site', sitePath: root })) return forbidden();
  const today = shanghaiDate(now);
  const q = query.q ?? '';
  const searchSites = sitesWithChildrenUnder(root);
  const site = searchSites.some((x) => x.id === query.site) ? (query.site as string) : '';
  const { rows, paging } = readPage(query.page, (window) => pageOfChildrenUnder(root, { text: q, siteId: site || null }, window));
  auditChildRead(actor, 'child.list', rows.length, now);
  return ok({
    children: rows.map(({ birthDate, ...r }) => ({ ...r, birthYear: birthDate.slice(0, 4), ageBand: safeAgeBand(birthDate, today) })),
    paging,
    q,
    site,
    searchSites: searchSites.map(({ path: _path, ...x }) => x),
    sites: sitesUnder(root),
  });
}

/** At most this many children are offered in the picker of a new wish; more matches ask for a narrower search. */
export const CHILD_PICKER_LIMIT = 50;
export interface ChildPickerQuery {
  /** Part of the alias or real name, trimmed and at most CHILD_SEARCH_MAX long (forms/queries). */
  q?: string | null;
  /** A site of the subtree that holds children; anything else is ignored. */
  site?: string | null;
  /** A child to preselect (e.g. from the child's page); ignored unless it is in the subtree. */
  childId?: string | null;
}

export interface ChildPicker {
  q: string;
  /** The site searched, '' for all. */
  site: string;
  /** The sites of the subtree that hold children, to search by. */
  sites: { id: string; nameZh: string; nameEn: string }[];
  /** The choices: the preselected child (if any) and the first `limit` matches. */
  children: { id: string; alias: string; realName: string; birthYear: string; ageBand: string; siteId: string; siteZh: string; siteEn: string }[];
  /** How many children matched. */
  total: number;
  limit: number;
  /** Whether a text or a site narrowed the choices. */
  searched: boolean;
  /** Whether the subtree has any child record at all. */
  hasChildren: boolean;
  /** The child chosen in advance, or ''. */
  childId: string;
}

/**
 * The children a new wish can be written for, narrowed by a search: alias, real name, birth year, age
 * band and site (a staff page: the real name and birth year tell apart children of one alias and age
 * band), at most CHILD_PICKER_LIMIT of them by site then alias, with how many matched.
 * Showing and matching real names is a read of the records: each search (a text or a site given) is one
 * `child.search` audit event, which carries the number of matches and never the text searched; a look
 * without a search is one `child.list` event with the number of children shown.
 */
export function childPicker(actor: Actor, query: ChildPickerQuery, now: number): ChildPicker {
  const root = scopeRoot(actor);
  const q = query.q ?? '';
  if (root === null || !can(actor, 'child.read', { type: 'site', sitePath: root })) {
    return { q, site: '', sites: [], children: [], total: 0, limit: CHILD_PICKER_LIMIT, searched: false, hasChildren: false, childId: '' };
  }
  const sites = sitesWithChildrenUnder(root);
  const site = sites.some((x) => x.id === query.site) ? (query.site as string) : '';
  const searched = q !== '' || site !== '';
  const { total, rows } = searchChildChoicesUnder(root, { text: q, siteId: site || null }, CHILD_PICKER_LIMIT);
  const preselected = query.childId ? childChoiceUnder(root, query.childId) : undefined;
  // The preselected child stays offered even when the search does not find it.
  const choices = preselected && !rows.some((r) => r.id === preselected.id) ? [preselected, ...rows] : rows;
  // The choices carry real names: a search is a `child.search` (how many matched), a plain look a `child.list`
  // (how many were shown), as on the child list (README D13).
  if (searched || choices.length > 0) {
    auditChildRead(actor, searched ? 'child.search' : 'child.list', searched ? total : choices.length, now);
  }
  const today = shanghaiDate(now);
  return {
    q,
    site,
    sites: sites.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    children: choices.map(({ birthDate, ...rest }) => ({ ...rest, birthYear: birthDate.slice(0, 4), ageBand: safeAgeBand(birthDate, today) })),
    total,
    limit: CHILD_PICKER_LIMIT,
    searched,
    hasChildren: sites.length > 0,
    // A search that finds exactly one child chooses it.
    childId: preselected?.id ?? (searched && total === 1 ? rows[0].id : ''),
  };
}

export function childForStaff(actor: Actor, id: string, now: number) {
  const found = findChild(id);
  if (!found || !can(actor, 'child.read', { type: 'site', sitePath: found.sitePath })) return notFound();
  transact((tx) =>
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
  transact((tx) => {
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
  const findings = checkPublicText([input.alias], childPrivacyFacts(input));
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
