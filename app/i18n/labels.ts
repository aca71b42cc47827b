import type { Translate } from './index';
import type { NamedKind, NameRef, ObjectNames } from '../views/names';

export type { NamedKind, NameRef, ObjectNames };

// Labels for the codes the logs store (audit actions, object types and statuses, security event types,
// mail templates). A code without a label shows as itself rather than as a catalogue key.

/** The text of `key`, or `fallback` when neither catalogue has it. */
export function labelOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

/** Where the status labels of each audited object type live. */
export const AUDIT_STATUS_PREFIX: Readonly<Record<string, string>> = {
  wish: 'wish.status',
  claim: 'claim.status',
  volunteer: 'helper.status',
  organization: 'helper.status',
  activity: 'activity.status',
  slot: 'slot.status',
  pairing: 'pairing.status',
  signup: 'signup.status',
  visit: 'visit.status',
  concern: 'concern.status',
};

export const auditEntityLabel = (t: Translate, entityType: string) => labelOr(t, `audit.entity.${entityType}`, entityType);
export const auditActionLabel = (t: Translate, action: string) => labelOr(t, `audit.action.${action}`, action);

export function auditStatusLabel(t: Translate, entityType: string, status: string): string {
  const prefix = AUDIT_STATUS_PREFIX[entityType];
  return prefix ? labelOr(t, `${prefix}.${status}`, status) : status;
}

export const securityEventLabel = (t: Translate, type: string) => labelOr(t, `security.type.${type}`, type);
export const mailTemplateLabel = (t: Translate, template: string) => labelOr(t, `mail.template.${template}`, template);

// ---- objects and notes of the logs ---------------------------------------------------------------
// The logs store ids and short machine-written notes. The pages show the object's name (looked up for
// the whole page at once, see namesOfObjects) and a label for each note format the code writes; any
// other note (a reason, a check note) is shown as written.

/** The table an object's name comes from (see namesOfObjects in data/audit.server). */

const AUDIT_NAME_KIND: Readonly<Record<string, NamedKind>> = {
  user: 'user',
  volunteer: 'user',
  organization: 'org',
  site: 'site',
  wish: 'wish',
  claim: 'claim',
  activity: 'activity',
  slot: 'slot',
  pairing: 'pairing',
  child: 'child',
  signup: 'signup',
  visit: 'visit',
  concern: 'concern',
  certificate: 'certificate',
};

/** The name of an object, in the page's language where it has two; undefined when unknown. */
export function nameOf(names: ObjectNames, ref: NameRef | null | undefined, locale: string): string | undefined {
  if (!ref) return undefined;
  const found = names[`${ref.kind}:${ref.id}`];
  return found ? (locale === 'en' && found.nameEn ? found.nameEn : found.name) : undefined;
}

const ID = '([a-z0-9]+)';
const HELPER = '(volunteer|organization)';
const helperRef = (kind: string, id: string): NameRef => ({ kind: kind === 'organization' ? 'org' : 'user', id });
/** The notes naming a site (by id). */
const SITE_NOTE_ACTIONS = new Set(['staff_move', 'staff_join']);

/** The objects an audit event names: its object, and a site its note refers to. */
export function auditNameRefs(e: { entityType: string; entityId: string; action: string; note: string | null }): NameRef[] {
  const refs: NameRef[] = [];
  const kind = AUDIT_NAME_KIND[e.entityType];
  if (kind && e.entityId !== 'all') refs.push({ kind, id: e.entityId });
  if (e.note && SITE_NOTE_ACTIONS.has(e.action)) refs.push({ kind: 'site', id: e.note });
  return refs;
}

/** The object of an audit event as a name ("盐池县"), or undefined when it has none to show. */
export function auditObjectName(t: Translate, e: { entityType: string; entityId: string }, names: ObjectNames, locale: string): string | undefined {
  if (e.entityType === 'site' && e.entityId === 'all') return t('admin.log.all_sites');
  const kind = AUDIT_NAME_KIND[e.entityType];
  if (!kind) return undefined;
  const found = names[`${kind}:${e.entityId}`];
  // A contact log: 小羽 · 入户走访 · 2026-03-02; a concern: 疑似疏于照料 · 小羽 (the child's alias, never the real name).
  if (found && kind === 'visit') return [found.name, labelOr(t, `visit.kind.${found.kind}`, found.kind ?? ''), found.day].filter(Boolean).join(' · ');
  if (found && kind === 'concern') return [labelOr(t, `concern.kind.${found.kind}`, found.kind ?? ''), found.name].filter(Boolean).join(' · ');
  return nameOf(names, { kind, id: e.entityId }, locale);
}

const fenAsYuan = (fen: string) => `¥${(Number(fen) / 100).toFixed(Number(fen) % 100 === 0 ? 0 : 2)}`;

/** The note of an audit event in words: known formats labelled, anything else as written. */
export function auditNoteText(t: Translate, e: { entityType: string; action: string; note: string | null }, names: ObjectNames, locale: string): string {
  const note = e.note ?? '';
  if (!note) return '';
  if ((e.action === 'child.list' || e.action === 'child.search') && /^\d+$/.test(note)) {
    return t(e.action === 'child.list' ? 'admin.log.note.rows_shown' : 'admin.log.note.matches', { count: note });
  }
  if (e.action === 'sign_up') return labelOr(t, `admin.log.account.${note}`, note);
  if (e.action === 'create_by_cli') return labelOr(t, `admin.log.role.${note}`, note);
  if (SITE_NOTE_ACTIONS.has(e.action)) return nameOf(names, { kind: 'site', id: note }, locale) ?? note;
  const cap = note.match(/^value cap (\d+) → (\d+) fen$/);
  if (cap) return t('admin.log.note.value_cap', { from: fenAsYuan(cap[1]), to: fenAsYuan(cap[2]) });
  if (note === 'wish_withdrawn') return t('admin.log.note.wish_withdrawn');
  if (note === 'caring parent: re-check due') return t('admin.log.note.caring_recheck');
  return note;
}

/** The objects a security event's detail names (the helper of a vetting decision, who changed a role). */
export function securityNameRefs(e: { type: string; detail: string | null }): NameRef[] {
  const d = e.detail ?? '';
  let m: RegExpMatchArray | null;
  if (e.type === 'vetting_decision' && (m = d.match(new RegExp(`^[a-z_]+ ${HELPER} ${ID}$`)))) return [helperRef(m[1], m[2])];
  if (e.type === 'sessions_revoked' && (m = d.match(new RegExp(`^suspension of ${HELPER} ${ID} \\(\\d+\\)$`)))) return [helperRef(m[1], m[2])];
  if (e.type === 'role_changed' && (m = d.match(new RegExp(`^(?:move|remove) by ${ID}$`)))) return [{ kind: 'user', id: m[1] }];
  return [];
}

/** The detail of a security event in words: known formats labelled, anything else as written. */
export function securityDetailText(t: Translate, e: { type: string; detail: string | null }, names: ObjectNames, locale: string): string {
  const d = e.detail ?? '';
  if (!d) return '';
  const helper = (kind: string, id: string) => `${auditEntityLabel(t, kind)} ${nameOf(names, helperRef(kind, id), locale) ?? id}`;
  let m: RegExpMatchArray | null;
  switch (e.type) {
    case 'sign_up':
      return labelOr(t, `admin.log.account.${d}`, d);
    case 'sign_in_failed':
    case 'honeypot':
      return labelOr(t, `admin.log.detail.${d.replace(/ /g, '_')}`, d);
    case 'rate_limited':
      return d
        .split(',')
        .map((rule) => labelOr(t, `admin.log.rate.${rule}`, rule))
        .join(t('admin.log.list_separator'));
    case 'vetting_decision':
      if ((m = d.match(new RegExp(`^([a-z_]+) ${HELPER} ${ID}$`)))) return `${auditActionLabel(t, m[1])} · ${helper(m[2], m[3])}`;
      return d;
    case 'sessions_revoked':
      if ((m = d.match(/^(password reset|password change|email change|role change) \((\d+)\)$/))) {
        return t(`admin.log.revoked.${m[1].replace(/ /g, '_')}`, { count: m[2] });
      }
      if ((m = d.match(new RegExp(`^suspension of ${HELPER} ${ID} \\((\\d+)\\)$`)))) return t('admin.log.revoked.suspension', { who: helper(m[1], m[2]), count: m[3] });
      return d;
    case 'role_changed':
      if ((m = d.match(new RegExp(`^(move|remove) by ${ID}$`)))) {
        return t(`admin.log.role_change.${m[1]}`, { name: nameOf(names, { kind: 'user', id: m[2] }, locale) ?? m[2] });
      }
      if (d === 'staff invitation accepted') return t('admin.log.role_change.invitation');
      return d;
    default:
      return d;
  }
}
