import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { actorOf, addChild, auditOf, buildWorld, type World } from '../helpers/wish-fixtures';
import { childForStaff, childrenOfSubtree, createChild, updateChild } from '../../app/services/children.server';
import type { ChildInput } from '../../app/forms/child';

const { db } = useTestDatabase('children');
const NOW = Date.UTC(2025, 5, 1, 2); // 2025-06-01 10:00 in Shanghai
let world: World;

beforeAll(() => {
  world = buildWorld(db, NOW);
});

const input = (over: Partial<ChildInput> = {}): ChildInput => ({
  realName: '杨小满',
  birthDate: '2017-03-02',
  gender: 'female',
  category: 'left_behind',
  guardian: '外婆',
  notes: '喜欢唱歌',
  alias: '小禾',
  siteId: world.sites.gch,
  ...over,
});

describe('child records', () => {
  it('are created by staff of the subtree and every read is audited', () => {
    const staff = actorOf(db, world.users.staffLt);
    const created = createChild(staff, input(), NOW);
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : '';
    expect(auditOf(db, 'child', id).map((e) => e.action)).toEqual(['child.create']);

    const read = childForStaff(staff, id, NOW + 1000);
    expect(read.ok && read.value.child.realName).toBe('杨小满');
    expect(read.ok && read.value.ageBand).toBe('6-8');
    childForStaff(actorOf(db, world.users.admin), id, NOW + 2000);
    const reads = auditOf(db, 'child', id).filter((e) => e.action === 'child.read');
    expect(reads.map((e) => e.actorId)).toEqual([world.users.staffLt, world.users.admin]);
    // The audit says who looked, never what they saw.
    for (const e of auditOf(db, 'child', id)) expect(JSON.stringify(e)).not.toContain('杨小满');
  });

  it('are invisible to staff of another county, and to helpers', () => {
    const id = addChild(db, { siteId: world.sites.gch, realName: '田雨桐', alias: '小桐' }, NOW);
    for (const who of [world.users.staffYc, world.users.volunteer, world.users.memberA]) {
      const actor = actorOf(db, who);
      expect(childForStaff(actor, id, NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
      expect(updateChild(actor, id, input({ realName: '田雨桐', alias: '小桐' }), NOW)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    }
    expect(childrenOfSubtree(actorOf(db, world.users.volunteer), { page: 1 }, NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const yc = childrenOfSubtree(actorOf(db, world.users.staffYc), { page: 1 }, NOW);
    expect(yc.ok && yc.value.children.map((c) => c.id)).not.toContain(id);
    const lt = childrenOfSubtree(actorOf(db, world.users.staffLt), { page: 1 }, NOW);
    expect(lt.ok && lt.value.children.map((c) => c.id)).toContain(id);
    // Nobody can place a child outside their own subtree.
    expect(createChild(actorOf(db, world.users.staffYc), input({ siteId: world.sites.gch }), NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('audits a look at the list, which shows real names', () => {
    const before = db.$client.prepare("select count(*) n from audit_events where action = 'child.list'").get() as { n: number };
    childrenOfSubtree(actorOf(db, world.users.staffGc), { page: 1 }, NOW);
    const after = db.$client.prepare("select count(*) n from audit_events where action = 'child.list'").get() as { n: number };
    expect(after.n).toBe(before.n + 1);
  });

  it('refuses an alias that gives the child away, naming what it found', () => {
    const staff = actorOf(db, world.users.staffLt);
    const given = createChild(staff, input({ realName: '王小满', alias: '小满' }), NOW);
    expect(given).toMatchObject({ ok: false, error: { kind: 'privacy', findings: [{ kind: 'given_name', match: '小满' }] } });
    const full = createChild(staff, input({ realName: '王小满', alias: '王小满' }), NOW);
    expect(full.ok).toBe(false);
    expect(!full.ok && full.error.kind === 'privacy' && full.error.findings.map((f) => f.kind)).toContain('real_name');
  });

  it('refuses a birth date after today', () => {
    const result = createChild(actorOf(db, world.users.staffLt), input({ birthDate: '2025-06-02' }), NOW);
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', fields: { birthDate: ['form.date_future'] } } });
  });

  it('lets staff correct a record and audits the change', () => {
    const staff = actorOf(db, world.users.staffGc);
    const id = addChild(db, { siteId: world.sites.gch, realName: '马思远', alias: '小远' }, NOW);
    const updated = updateChild(staff, id, input({ realName: '马思远', alias: '远远', guardian: '奶奶' }), NOW);
    expect(updated.ok).toBe(true);
    const read = childForStaff(staff, id, NOW);
    expect(read.ok && read.value.child).toMatchObject({ alias: '远远', guardian: '奶奶' });
    expect(auditOf(db, 'child', id).map((e) => e.action)).toContain('child.update');
    // …but not move it out of their subtree.
    expect(updateChild(staff, id, input({ siteId: world.sites.ych }), NOW)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
