import { config } from '../platform/config.server';
import { auditTrailOf, recordAudit } from '../data/audit.server';
import type { Tx } from '../data/db.server';
import { membersOfOrganization, setOrganizationVetting } from '../data/organizations.server';
import { logSecurityEvent, logSecurityEventOnItsOwn } from '../data/security-log.server';
import { deleteSessionsOfUser } from '../data/sessions.server';
import {
  findOrganizationForVetting,
  findVolunteerForVetting,
  listOrganizationsForStaff,
  listVolunteersForStaff,
  staffOverCounty,
  type HelperScope,
} from '../data/staff.server';
import { findUserById, setVolunteerVetting, type VettingWrite } from '../data/users.server';
import type { Actor, HelperStatus } from '../domain/actor';
import { err, ok, type Result } from '../domain/errors';
import { can, type Resource } from '../domain/policy';
import { availableSteps, decideReapply, decideVetting, recheckOverdue, VETTING_STEP_ACTION, type VettingTransition } from '../domain/vetting';
import { shanghaiDate } from '../domain/calendar';
import { enqueueMail } from '../mail/send.server';
import type { VettingDecisionInput } from '../forms/admin';
import type { Locale } from '../i18n/locale';
import { writeStatusChange } from '../server/status-change.server';
import { Refusal, transact } from '../server/tx.server';
import { drain, drainYielding, pacer, type Steps } from '../server/batches.server';
import { volunteersWithUntoldRecheck, type RecheckCursor } from '../data/recheck-jobs.server';
import type { RequestMeta } from './auth.server';
import type { HelperKind, VettingQueueData, VettingQueueItem } from '../views/types';

const DAY = 24 * 60 * 60 * 1000;
/** Staff see helpers whose yearly re-check falls within this window (or is overdue). */
export const RECHECK_NOTICE_MS = 30 * DAY;

export type VettingIntent = VettingTransition;

function scopeOf(actor: Actor): HelperScope | null {
  if (actor.admin) return { rootPath: null };
  if (actor.staff) return { rootPath: actor.staff.sitePath };
  return null;
}

const helperFacts = (kind: HelperKind, id: string, countyPath: string | null) =>
  kind === 'volunteer' ? { sitePath: countyPath, userId: id } : { sitePath: countyPath, orgId: id };
const helperResource = (kind: HelperKind, id: string, countyPath: string | null): Resource =>
  ({ type: 'helper', ...helperFacts(kind, id, countyPath) });

/**
 * The vetting part of /staff: pending helpers in the viewer's subtree (and those without a county),
 * helpers whose yearly re-check is due within 30 days, and the latest decisions (to reach a helper to
 * suspend or reinstate). Each row is checked against can() as well as the query's scope.
 */
export function vettingQueue(actor: Actor, now: number): VettingQueueData {
  const scope = scopeOf(actor);
  if (!scope) return { pending: [], recheckDue: [], recent: [], asOf: now };
  const visible = (item: VettingQueueItem & { countyPath: string | null }) => can(actor, 'helper.read_private', helperResource(item.kind, item.id, item.countyPath));
  const volunteers = (rows: ReturnType<typeof listVolunteersForStaff>) =>
    rows.map((r) => ({
      id: r.id,
      kind: 'volunteer' as const,
      name: r.realName || r.displayName,
      status: r.status,
      caringParent: r.caringParent,
      emailVerified: r.emailVerified,
      countyPath: r.countyPath,
      countyZh: r.countyZh,
      countyEn: r.countyEn,
      since: r.vettedAt ?? r.createdAt,
      recheckDueAt: r.recheckDueAt,
    }));
  const orgs = (rows: ReturnType<typeof listOrganizationsForStaff>) =>
    rows.map((r) => ({
      id: r.id,
      kind: 'organization' as const,
      name: r.name,
      status: r.status,
      caringParent: false,
      emailVerified: null,
      countyPath: r.countyPath,
      countyZh: r.countyZh,
      countyEn: r.countyEn,
      since: r.vettedAt ?? r.createdAt,
      recheckDueAt: r.recheckDueAt,
    }));
  const strip = ({ countyPath: _countyPath, ...item }: VettingQueueItem & { countyPath: string | null }): VettingQueueItem => item;
  const pending = [...volunteers(listVolunteersForStaff({ ...scope, statuses: ['pending'] })), ...orgs(listOrganizationsForStaff({ ...scope, statuses: ['pending'] }))]
    .filter(visible)
    .sort((a, b) => a.since - b.since)
    .map(strip);
  const due = now + RECHECK_NOTICE_MS;
  const recheckDue = [
    ...volunteers(listVolunteersForStaff({ ...scope, statuses: ['approved'], recheckDueBefore: due })),
    ...orgs(listOrganizationsForStaff({ ...scope, statuses: ['approved'], recheckDueBefore: due })),
  ]
    .filter(visible)
    .sort((a, b) => (a.recheckDueAt ?? 0) - (b.recheckDueAt ?? 0))
    .map(strip);
  const decided: HelperStatus[] = ['approved', 'rejected', 'suspended'];
  const recent = [
    ...volunteers(listVolunteersForStaff({ ...scope, statuses: decided, newestFirst: true, limit: 30 })),
    ...orgs(listOrganizationsForStaff({ ...scope, statuses: decided, newestFirst: true, limit: 30 })),
  ]
    .filter(visible)
    .sort((a, b) => b.since - a.since)
    .slice(0, 30)
    .map(strip);
  return { pending, recheckDue, recent, asOf: now };
}

interface LoadedHelper {
  kind: HelperKind;
  id: string;
  status: HelperStatus;
  countyPath: string | null;
  countySiteId: string | null;
  caringParent: boolean;
  recipients: Array<{ email: string; name: string; locale: Locale; userId: string }>;
  emailVerified: boolean;
  orgName: string | null;
}

/** Ids of volunteers (user ids) and organizations are both random: one of the two tables has it. */
function loadHelper(id: string): LoadedHelper | null {
  const volunteer = findVolunteerForVetting(id);
  if (volunteer) {
    const { user } = volunteer;
    return {
      kind: 'volunteer',
      id,
      status: volunteer.volunteer.status,
      countyPath: volunteer.countyPath,
      countySiteId: volunteer.volunteer.countySiteId,
      caringParent: volunteer.volunteer.caringParent,
      recipients: [{ email: user.email, name: user.displayName, locale: user.locale, userId: user.id }],
      emailVerified: user.emailVerifiedAt !== null,
      orgName: null,
    };
  }
  const org = findOrganizationForVetting(id);
  if (!org) return null;
  const members = membersOfOrganization(id);
  const managers = members.filter((m) => m.role === 'manager');
  return {
    kind: 'organization',
    id,
    status: org.org.status,
    countyPath: org.countyPath,
    countySiteId: org.org.countySiteId,
    caringParent: false,
    recipients: members.map((m) => ({ email: m.email, name: m.displayName, locale: m.locale, userId: m.userId })),
    emailVerified: managers.some((m) => findUserById(m.userId)?.emailVerifiedAt != null),
    orgName: org.org.name,
  };
}

function denied(actor: Actor, meta: RequestMeta, what: string): Result<never> {
  logSecurityEventOnItsOwn({ at: meta.now, type: 'permission_denied', userId: actor.userId, ip: meta.ip, detail: what });
  return err({ kind: 'forbidden' });
}


/** /staff/helpers/:id — the profile and its history, for staff of the helper's county (or any staff when none is set). */
export function helperPage(actor: Actor, id: string, meta: RequestMeta) {
  const helper = loadHelper(id);
  if (!helper) return err({ kind: 'not_found' as const });
  const resource = helperResource(helper.kind, id, helper.countyPath);
  if (!can(actor, 'helper.read_private', resource)) return denied(actor, meta, `helper.read_private ${id}`);
  const names = new Map<string, string>();
  const nameOf = (userId: string | null) => {
    if (!userId) return null;
    if (!names.has(userId)) names.set(userId, findUserById(userId)?.displayName ?? '?');
    return names.get(userId)!;
  };
  const timeline = auditTrailOf(helper.kind, id).map((e) => ({
    id: e.id,
    at: e.at,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    actorName: nameOf(e.actorId),
  }));
  const intents = availableSteps({ status: helper.status, ...helperFacts(helper.kind, id, helper.countyPath) }, actor);
  const canVet = can(actor, VETTING_STEP_ACTION, resource);
  const dueAt = helper.kind === 'volunteer' ? (findVolunteerForVetting(id)?.volunteer.recheckDueAt ?? null) : (findOrganizationForVetting(id)?.org.recheckDueAt ?? null);
  // Overdue: one-to-one contact is refused (can's one_to_one.contact) until a re-check is recorded here.
  const recheckOverdueSince = recheckOverdue({ status: helper.status, recheckDueAt: dueAt }, meta.now) ? dueAt : null;
  const base = { kind: helper.kind, id, status: helper.status, emailVerified: helper.emailVerified, canVet, intents, timeline, recheckOverdueSince };
  if (helper.kind === 'volunteer') {
    const v = findVolunteerForVetting(id)!;
    return ok({
      ...base,
      volunteer: {
        displayName: v.user.displayName,
        email: v.user.email,
        realName: v.volunteer.realName,
        phone: v.volunteer.phone,
        countyZh: v.countyZh,
        countyEn: v.countyEn,
        availability: v.volunteer.availability,
        skills: v.volunteer.skills,
        caringParent: v.volunteer.caringParent,
        checkNote: v.volunteer.checkNote,
        statusReason: v.volunteer.statusReason,
        vettedAt: v.volunteer.vettedAt,
        recheckDueAt: v.volunteer.recheckDueAt,
        createdAt: v.volunteer.createdAt,
      },
      organization: null,
    });
  }
  const o = findOrganizationForVetting(id)!;
  return ok({
    ...base,
    volunteer: null,
    organization: {
      name: o.org.name,
      kind: o.org.kind,
      contactName: o.org.contactName,
      contactPhone: o.org.contactPhone,
      countyZh: o.countyZh,
      countyEn: o.countyEn,
      description: o.org.description,
      checkNote: o.org.checkNote,
      statusReason: o.org.statusReason,
      vettedAt: o.org.vettedAt,
      recheckDueAt: o.org.recheckDueAt,
      createdAt: o.org.createdAt,
      members: membersOfOrganization(id).map((m) => ({ userId: m.userId, displayName: m.displayName, email: m.email, role: m.role })),
    },
  });
}

/** The mail each step sends the helper; a recorded re-check changes nothing they must act on. */
const TEMPLATE: Record<VettingTransition, string | null> = {
  approve: 'vetting_approved',
  reject: 'vetting_rejected',
  suspend: 'vetting_suspended',
  reinstate: 'vetting_reinstated',
  recheck: null,
};

function writeVetting(tx: Tx, helper: LoadedHelper, from: HelperStatus, fields: VettingWrite): boolean {
  return helper.kind === 'volunteer' ? setVolunteerVetting(tx, helper.id, from, fields) : setOrganizationVetting(tx, helper.id, from, fields);
}

/**
 * One vetting decision: approve (with the off-line check note), reject or suspend (with a reason the
 * helper reads), reinstate (with a fresh check note), or record a yearly re-check. Compare-and-set on the
 * status, audit event, mail to the helper, security-log entry; a suspension signs the helper out everywhere.
 */
export function decideHelper(actor: Actor, id: string, input: VettingDecisionInput, meta: RequestMeta): Result<{ status: HelperStatus }> {
  const helper = loadHelper(id);
  if (!helper) return err({ kind: 'not_found' });
  if (!can(actor, VETTING_STEP_ACTION, helperResource(helper.kind, id, helper.countyPath))) return denied(actor, meta, `helper.vet ${id}`);
  const now = meta.now;
  const from = helper.status;
  const transition = input.intent;

  const decided = decideVetting(from, transition, {
    reason: input.reason,
    checkNote: input.checkNote,
    now,
    caringParentOrOneToOne: helper.caringParent || input.oneToOne,
  });
  if (!decided.ok) return decided;
  // The outcome is mailed: approve only an address that has been shown to work.
  if (transition === 'approve' && !helper.emailVerified) return err({ kind: 'conflict', message: { key: 'vetting.email_unverified' } });
  const to = decided.value.to;
  const entering = to === 'approved';
  const template = TEMPLATE[transition];
  const link = `${config().appUrl}${helper.kind === 'volunteer' ? '/me' : '/org'}`;

  return transact((tx) => {
    writeStatusChange(tx, {
      write: (t) =>
        writeVetting(t, helper, from, {
          status: to,
          statusReason: entering ? null : input.reason,
          ...(entering ? { checkNote: input.checkNote, recheckDueAt: decided.value.recheckDueAt } : {}),
          vettedAt: now,
          vettedBy: actor.userId,
        }),
      audit: {
        at: now,
        actorId: actor.userId,
        entityType: helper.kind,
        entityId: id,
        action: transition,
        fromStatus: from,
        toStatus: to,
        note: entering ? input.checkNote : input.reason,
        siteId: helper.countySiteId,
      },
      mails: template
        ? helper.recipients.map((r) => ({ to: r.email, template, locale: r.locale, params: { name: r.name, orgName: helper.orgName ?? '', reason: input.reason, link } }))
        : [],
    });
    logSecurityEvent({ at: now, type: 'vetting_decision', userId: actor.userId, ip: meta.ip, detail: `${transition} ${helper.kind} ${id}` }, tx);
    if (transition === 'suspend') {
      for (const r of helper.recipients) {
        const revoked = deleteSessionsOfUser(r.userId, tx);
        logSecurityEvent({ at: now, type: 'sessions_revoked', userId: r.userId, ip: meta.ip, detail: `suspension of ${helper.kind} ${id} (${revoked})` }, tx);
      }
    }
    return { status: to };
  });
}

/**
 * A rejected helper applies again, from /me (a volunteer, for themselves) or /org (the organization's
 * manager): the application is pending again and back in the staff queue. The rejection and its
 * reason stay in the audit trail; the helper's page no longer shows them as current.
 */
export function reapply(actor: Actor, kind: HelperKind, id: string, meta: RequestMeta): Result<{ status: HelperStatus }> {
  const own = can(actor, 'helper.reapply', kind === 'volunteer' ? { type: 'helper', sitePath: null, userId: id } : { type: 'helper', sitePath: null, orgId: id });
  if (!own) return denied(actor, meta, `reapply ${kind} ${id}`);
  const helper = loadHelper(id);
  if (!helper || helper.kind !== kind) return err({ kind: 'not_found' });
  const decided = decideReapply(helper.status);
  if (!decided.ok) return decided;
  const to = decided.value.to;
  return transact((tx) => {
    writeStatusChange(tx, {
      write: (t) => writeVetting(t, helper, helper.status, { status: to, statusReason: null }),
      audit: { at: meta.now, actorId: actor.userId, entityType: kind, entityId: id, action: 'reapply', fromStatus: helper.status, toStatus: to, siteId: helper.countySiteId },
    });
    return { status: to };
  });
}

// ---------------------------------------------------------------------------
// The periodic job: a lapsed yearly re-check

/**
 * Tells each approved volunteer whose yearly re-check has lapsed, and the staff who look after their
 * county, once per due date: an audit event `recheck_lapsed` (the system as actor) marks it told. From
 * the lapse on, can() refuses them one-to-one contact until staff record the re-check; donating stays open.
 */
export function runRecheckJobs(now: number): { told: number } {
  return drain(recheckJobSteps(now));
}

/** runRecheckJobs for the server's background run: the event loop turns between batches of helpers. */
export function runRecheckJobsInBatches(now: number): Promise<{ told: number }> {
  return drainYielding(recheckJobSteps(now));
}

function* recheckJobSteps(now: number): Steps<{ told: number }> {
  let told = 0;
  const pace = pacer();
  // Staff over a county, read once per county and run (every helper of a county tells the same staff).
  const staffOf = new Map<string | null, ReturnType<typeof staffOverCounty>>();
  const base = config().appUrl;
  // Only the helpers due and not yet told, with their contact, a slice of the lapsed at a time (not one read per
  // helper); the event loop may turn between slices.
  let cursor: RecheckCursor = null;
  do {
    const slice = volunteersWithUntoldRecheck(now, cursor);
    cursor = slice.next;
    for (const row of slice.rows) {
      if (pace()) yield;
      const dueAt = row.recheckDueAt;
      if (dueAt === null || !recheckOverdue({ status: row.status, recheckDueAt: dueAt }, now)) continue;
      const helperName = row.realName || row.displayName;
      const dueDate = shanghaiDate(dueAt);
      const countyPath = row.countyPath ?? null;
      if (!staffOf.has(countyPath)) staffOf.set(countyPath, staffOverCounty(countyPath));
      const staff = staffOf.get(countyPath)!;
      const outcome = transact((tx) => {
        // Once per lapse: a re-check recorded later sets a new due date, and its lapse is told again.
        const already = auditTrailOf('volunteer', row.id).some((e) => e.action === 'recheck_lapsed' && e.at >= dueAt);
        if (already) throw new Refusal({ kind: 'conflict', message: { key: 'error.conflict' } });
        recordAudit(tx, { at: now, actorId: null, entityType: 'volunteer', entityId: row.id, action: 'recheck_lapsed', siteId: row.countySiteId });
        enqueueMail(tx, { to: row.email, template: 'vetting_recheck_lapsed', locale: row.locale, params: { name: row.displayName, dueDate, link: `${base}/me` } }, now);
        for (const s of staff) {
          enqueueMail(
            tx,
            { to: s.email, template: 'vetting_recheck_lapsed_staff', locale: s.locale, params: { name: s.displayName, helperName, dueDate, link: `${base}/staff/helpers/${row.id}` } },
            now,
          );
        }
      });
      if (outcome.ok) told += 1;
    }
    if (cursor) yield;
  } while (cursor);
  return { told };
}
