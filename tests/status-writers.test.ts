import { describe, expect, it } from 'vitest';
import { readTree } from './architecture/source-tree';
import { STATUS_COLUMNS, statusWriteViolations } from './architecture/status-writers';

// One owner per state change: each status column has exactly one service module that writes it
// (declared in tests/architecture/status-writers.ts). A positive control shows each kind of second writer is caught.

const app = readTree('app');

describe('status columns: one writer each', () => {
  it('has exactly one service module writing each status column', () => {
    expect(statusWriteViolations(app)).toEqual([]);
  });

  it('declares wishes, claims, both kinds of helper vetting, activities, slots and sign-ups', () => {
    expect(STATUS_COLUMNS.map((c) => c.sqlTable)).toEqual(['wishes', 'claims', 'volunteers', 'organizations', 'activities', 'slots', 'slot_signups', 'pairings', 'pairing_visits', 'pairing_concerns']);
  });
});

describe('status columns: the checker catches a second writer (positive control)', () => {
  const withFile = (rel: string, text: string) => new Map([...app, [rel, text]]);

  it('catches a service calling the setter of a column it does not own', () => {
    const tree = withFile('app/services/sneaky.server.ts', "import { setWishStatus } from '../data/wishes.server';\nsetWishStatus(tx, id, 'published', 'claimed', { updatedAt: 1 });\n");
    expect(statusWriteViolations(tree)).toEqual([
      'wishes.status: written by app/services/sneaky.server.ts, but its one writer is app/services/wish-claim-status.server.ts',
    ]);
  });

  it('catches a drizzle update setting status outside the declared setter', () => {
    const tree = withFile('app/data/claims-extra.server.ts', 'export function closeAll(tx) {\n  tx.update(cl).set({ status: \'expired\' }).run();\n}\n');
    expect(statusWriteViolations(tree)).toEqual(['claims.status: app/data/claims-extra.server.ts closeAll sets status outside setClaimStatus']);
  });

  it('catches raw SQL', () => {
    const tree = withFile('app/data/raw.server.ts', "db.run(sql`UPDATE organizations SET status = 'approved' WHERE id = ${id}`);\n");
    expect(statusWriteViolations(tree)).toEqual(['organizations.status (an organization’s vetting): app/data/raw.server.ts updates status in raw SQL']);
  });

  it('catches a declaration gone stale', () => {
    const tree = new Map(app);
    tree.delete('app/services/vetting.server.ts');
    expect(statusWriteViolations(tree)).toEqual([
      'volunteers.status (a helper’s vetting): its declared writer app/services/vetting.server.ts does not write it (stale declaration)',
      'organizations.status (an organization’s vetting): its declared writer app/services/vetting.server.ts does not write it (stale declaration)',
    ]);
  });

  it('catches a second writer of slots.status', () => {
    const tree = withFile('app/services/sneaky-slots.server.ts', "import { setSlotStatus } from '../data/activities.server';\nsetSlotStatus(tx, id, 'open', 'closed');\n");
    expect(statusWriteViolations(tree)).toEqual([
      'slots.status: written by app/services/sneaky-slots.server.ts, but its one writer is app/services/activity-status.server.ts',
    ]);
  });

  it('leaves alone updates of other columns', () => {
    const tree = withFile('app/data/titles.server.ts', "export function retitle(tx) {\n  tx.update(w).set({ title: 'x' }).run();\n}\n");
    expect(statusWriteViolations(tree)).toEqual([]);
  });
});
