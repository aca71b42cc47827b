import { eq } from 'drizzle-orm';
import { schema } from '../../db/client';
import type { Actor } from '../domain/actor';
import { recheckOverdue } from '../domain/vetting';
import { db } from './db.server';

export type UserRow = typeof schema.users.$inferSelect;

/** Everything the domain needs to decide what this user may do, as of `now` (the yearly re-check may have lapsed). */
export function loadActor(user: UserRow, now: number = Date.now()): Actor {
  const d = db();
  const staffSite = user.staffSiteId
    ? d.select({ id: schema.sites.id, path: schema.sites.path }).from(schema.sites).where(eq(schema.sites.id, user.staffSiteId)).get()
    : undefined;
  const volunteer = d
    .select({ status: schema.volunteers.status, caringParent: schema.volunteers.caringParent, recheckDueAt: schema.volunteers.recheckDueAt })
    .from(schema.volunteers)
    .where(eq(schema.volunteers.userId, user.id))
    .get();
  const orgs = d
    .select({ orgId: schema.organizationMembers.orgId, role: schema.organizationMembers.role, orgStatus: schema.organizations.status })
    .from(schema.organizationMembers)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.organizationMembers.orgId))
    .where(eq(schema.organizationMembers.userId, user.id))
    .all();
  return {
    userId: user.id,
    admin: user.isAdmin,
    staff: staffSite ? { siteId: staffSite.id, sitePath: staffSite.path } : null,
    volunteer: volunteer
      ? {
          status: volunteer.status,
          caringParent: volunteer.caringParent,
          // Staff set a yearly re-check exactly for helpers vetted for one-to-one contact.
          oneToOne: volunteer.caringParent || volunteer.recheckDueAt !== null,
          recheckOverdue: recheckOverdue(volunteer, now),
        }
      : null,
    orgs,
  };
}
