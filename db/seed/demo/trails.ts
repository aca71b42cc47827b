// Audit trails of vetting: apply, approve/reject, recheck, suspend, invite/join.
import { HOUR, DAY, shDate, shMidnight } from './calendar';
import type { DemoBuilder, OrgRow, VolunteerRow } from './context';
import { firstCheckAt } from './people';

/**
 * The trail sign-up and vetting leave on every volunteer and organization, as the app writes it
 * (accounts.server.ts, organizations.server.ts, vetting.server.ts): 'apply' (→ pending) by the
 * applicant when the row was created; 'approve' (note = check note) or 'reject' (note = reason) by
 * the county's staff; a 'recheck' at vetted_at when the check on record is later than the first
 * approval; 'suspend' (note = reason) for suspended ones; 'invite_member' / 'join' for invited members.
 * Runs last: v059's suspension follows the no-shows of the history, and its row is completed here.
 */
export function buildHelperTrails(b: DemoBuilder): void {
  type Helper = { kind: 'volunteer' | 'organization'; id: string; applicant: string; row: VolunteerRow | OrgRow };
  const managerOf = new Map(b.members.filter((m) => m.role === 'manager').map((m) => [m.orgId, m.userId]));
  const helpers: Helper[] = [
    ...b.volunteers.map((v) => ({ kind: 'volunteer' as const, id: v.userId, applicant: v.userId, row: v })),
    ...b.orgs.map((o) => ({ kind: 'organization' as const, id: o.id!, applicant: managerOf.get(o.id!)!, row: o })),
  ];
  for (const { kind, id, applicant, row } of helpers) {
    const siteId = row.countySiteId ?? null;
    const event = (at: number, actorId: string, action: string, fromStatus: string | null, toStatus: string | null, note: string | null = null) =>
      b.audit({ at, actorId, entityType: kind, entityId: id, action, fromStatus, toStatus, note, siteId });
    event(row.createdAt, applicant, 'apply', null, 'pending');
    if (row.status === 'pending') continue;
    const staff = row.vettedBy!;
    if (row.status === 'rejected') {
      event(row.vettedAt!, staff, 'reject', 'pending', 'rejected', row.statusReason!);
      continue;
    }
    // First approval about a week after applying; a check on record much later than that is a re-check.
    const firstAt = firstCheckAt(row.createdAt);
    const approvedAt = row.vettedAt! - firstAt > 30 * DAY ? firstAt : row.vettedAt!;
    const firstNote = row.checkNote!.replace(/\d{4}-\d{2}-\d{2}/, shDate(approvedAt));
    event(approvedAt, staff, 'approve', 'pending', 'approved', firstNote);
    if (row.status === 'suspended') {
      // Two no-shows without notice (see the history's safety talks), suspended two days after the second.
      const lastNoShow = Math.max(...b.signups.filter((g) => g.userId === id && g.attendance === 'no_show').map((g) => g.updatedAt!));
      if (!Number.isFinite(lastNoShow)) throw new Error(`demo seed: suspended ${kind} ${id} has no no-shows`);
      const suspendedAt = shMidnight(lastNoShow) + 2 * DAY + 10 * HOUR;
      event(suspendedAt, staff, 'suspend', 'approved', 'suspended', row.statusReason!);
      Object.assign(row, { checkNote: firstNote, vettedAt: suspendedAt, recheckDueAt: approvedAt + 365 * DAY });
      continue;
    }
    if (row.vettedAt! > approvedAt) event(row.vettedAt!, staff, 'recheck', 'approved', 'approved', row.checkNote!);
  }
  for (const m of b.members.filter((x) => x.role === 'member')) {
    const org = b.orgs.find((o) => o.id === m.orgId)!;
    const siteId = org.countySiteId ?? null;
    b.audit({ at: m.createdAt - DAY, actorId: managerOf.get(m.orgId)!, entityType: 'organization', entityId: m.orgId, action: 'invite_member', siteId });
    b.audit({ at: m.createdAt, actorId: m.userId, entityType: 'organization', entityId: m.orgId, action: 'join' });
  }
}
