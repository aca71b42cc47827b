import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { schema } from '../../db/client';
import { db, type Tx } from './db.server';

export type TokenRecord = typeof schema.tokens.$inferSelect;
export type TokenPurpose = TokenRecord['purpose'];

export function insertToken(tx: Tx, row: typeof schema.tokens.$inferInsert): void {
  tx.insert(schema.tokens).values(row).run();
}

/** An unused, unexpired token of this purpose with this hash. */
export function findLiveToken(tokenHash: string, purpose: TokenPurpose, now: number, tx?: Tx): TokenRecord | undefined {
  return (tx ?? db())
    .select()
    .from(schema.tokens)
    .where(
      and(
        eq(schema.tokens.tokenHash, tokenHash),
        eq(schema.tokens.purpose, purpose),
        isNull(schema.tokens.usedAt),
        gt(schema.tokens.expiresAt, now),
      ),
    )
    .get();
}

/** Single use, even under a race: only the first caller flips used_at. */
export function consumeToken(tx: Tx, id: string, now: number): boolean {
  return (
    tx
      .update(schema.tokens)
      .set({ usedAt: now })
      .where(and(eq(schema.tokens.id, id), isNull(schema.tokens.usedAt), gt(schema.tokens.expiresAt, now)))
      .run().changes === 1
  );
}

/** Retires every unused token of a user for one purpose (a newer mail supersedes older links). */
export function retireTokensOfUser(tx: Tx, userId: string, purpose: TokenPurpose, now: number): void {
  tx.update(schema.tokens)
    .set({ usedAt: now })
    .where(and(eq(schema.tokens.userId, userId), eq(schema.tokens.purpose, purpose), isNull(schema.tokens.usedAt)))
    .run();
}

/** Retires the open invitations of one address (to one organization, when given): a new invitation supersedes them. */
export function retireInvitationsTo(tx: Tx, purpose: 'org_invite' | 'staff_invite', email: string, now: number, orgId?: string): void {
  tx.update(schema.tokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(schema.tokens.purpose, purpose),
        eq(schema.tokens.email, email),
        isNull(schema.tokens.usedAt),
        orgId ? eq(schema.tokens.orgId, orgId) : undefined,
      ),
    )
    .run();
}

/** Open invitations of an organization or to a site, newest first. */
export function openInvitations(purpose: 'org_invite' | 'staff_invite', now: number, scope: { orgId?: string } = {}) {
  return db()
    .select({
      id: schema.tokens.id,
      email: schema.tokens.email,
      orgId: schema.tokens.orgId,
      siteId: schema.tokens.siteId,
      expiresAt: schema.tokens.expiresAt,
      createdAt: schema.tokens.createdAt,
    })
    .from(schema.tokens)
    .where(
      and(
        eq(schema.tokens.purpose, purpose),
        isNull(schema.tokens.usedAt),
        gt(schema.tokens.expiresAt, now),
        scope.orgId ? eq(schema.tokens.orgId, scope.orgId) : undefined,
      ),
    )
    .orderBy(desc(schema.tokens.createdAt))
    .limit(100)
    .all();
}
