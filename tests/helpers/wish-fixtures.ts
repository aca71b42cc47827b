// A small world for wish and claim tests, written straight into the test database (no sign-up routes):
//
//   吴忠市 wz (city)
//   ├── 利通区 lt (county) ── 高闸镇 gc (township) ── 高闸镇儿童之家 gch (institution, with address)
//   ├── 盐池县 yc (county) ── 盐池县儿童福利院 ych (institution)
//   └── 吴忠市儿童福利院 wzi (institution directly under the city)
//
// Staff: staffLt and staffLt2 (利通区), staffGc (高闸镇), staffYc (盐池县), admin.
// Helpers: volunteer (approved), pendingVolunteer, memberA of orgA and memberB of orgB (both approved),
// memberP of orgP (pending).
import { eq } from 'drizzle-orm';
import { schema, type DB } from '../../db/client';
import { loadActor } from '../../app/data/actors.server';
import { createSession } from '../../app/auth/session.server';
import type { Actor } from '../../app/domain/actor';
import { createWish, moveWish } from '../../app/services/wishes.server';

let counter = 0;
const uid = (prefix: string) => `${prefix}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export interface World {
  sites: Record<'wz' | 'lt' | 'gc' | 'gch' | 'yc' | 'ych' | 'wzi', string>;
  users: Record<
    'admin' | 'staffLt' | 'staffLt2' | 'staffGc' | 'staffYc' | 'volunteer' | 'pendingVolunteer' | 'memberA' | 'memberB' | 'memberP',
    string
  >;
  orgs: Record<'orgA' | 'orgB' | 'orgP', string>;
}

export const GCH_ADDRESS = '利通区高闸镇幸福路18号儿童之家';
export const GCH_HANDOVER = '工作日 9:00–17:00 交给值班老师';

export function buildWorld(db: DB, now = Date.now(), tag = uid('w')): World {
  const site = (code: string, kind: 'city' | 'county' | 'township' | 'institution', parent: string | null, path: string, zh: string, en: string, extra: Partial<typeof schema.sites.$inferInsert> = {}) => {
    const id = uid('s');
    db.insert(schema.sites).values({ id, code: `${tag}-${code}`, kind, parentId: parent, path, nameZh: zh, nameEn: en, createdAt: now, ...extra }).run();
    return id;
  };
  const root = `/${tag}/`;
  const wz = site('wz', 'city', null, root, '吴忠市', 'Wuzhong');
  const lt = site('lt', 'county', wz, `${root}lt/`, '利通区', 'Litong District');
  const gc = site('gc', 'township', lt, `${root}lt/gc/`, '高闸镇', 'Gaozha Town');
  const gch = site('gch', 'institution', gc, `${root}lt/gc/gch/`, '高闸镇儿童之家', 'Gaozha Children’s Home', {
    address: GCH_ADDRESS,
    handoverNote: GCH_HANDOVER,
    wishValueCapFen: 20000,
  });
  const yc = site('yc', 'county', wz, `${root}yc/`, '盐池县', 'Yanchi County');
  const ych = site('ych', 'institution', yc, `${root}yc/ych/`, '盐池县儿童福利院', 'Yanchi Children’s Welfare Home');
  const wzi = site('wzi', 'institution', wz, `${root}wzi/`, '吴忠市儿童福利院', 'Wuzhong Children’s Welfare Institute');

  const user = (name: string, extra: Partial<typeof schema.users.$inferInsert> = {}) => {
    const id = uid('u');
    db.insert(schema.users)
      .values({ id, email: `${name}-${id}@example.org`, passwordHash: 'x', displayName: name, emailVerifiedAt: now, createdAt: now, ...extra })
      .run();
    return id;
  };
  const volunteer = (name: string, status: 'approved' | 'pending', extra: Partial<typeof schema.users.$inferInsert> = {}) => {
    const id = user(name, extra);
    db.insert(schema.volunteers).values({ userId: id, status, createdAt: now, countySiteId: lt }).run();
    return id;
  };
  const org = (name: string, status: 'approved' | 'pending') => {
    const id = uid('o');
    db.insert(schema.organizations).values({ id, name, kind: 'social_org', status, createdAt: now }).run();
    return id;
  };
  const member = (orgId: string, name: string) => {
    const id = user(name);
    db.insert(schema.organizationMembers).values({ orgId, userId: id, role: 'manager', createdAt: now }).run();
    return id;
  };

  const orgA = org('爱心社工服务中心', 'approved');
  const orgB = org('暖阳公益', 'approved');
  const orgP = org('待审核公益社', 'pending');
  return {
    sites: { wz, lt, gc, gch, yc, ych, wzi },
    users: {
      admin: user('管理员', { isAdmin: true }),
      staffLt: user('利通区张老师', { staffSiteId: lt }),
      staffLt2: user('利通区王老师', { staffSiteId: lt }),
      staffGc: user('高闸镇马老师', { staffSiteId: gc }),
      staffYc: user('盐池县李老师', { staffSiteId: yc }),
      volunteer: volunteer('志愿者小刘', 'approved', { locale: 'en' }),
      pendingVolunteer: volunteer('待审核志愿者', 'pending'),
      memberA: member(orgA, '社工甲'),
      memberB: member(orgB, '公益乙'),
      memberP: member(orgP, '公益丙'),
    },
    orgs: { orgA, orgB, orgP },
  };
}

export function actorOf(db: DB, userId: string): Actor {
  const row = db.select().from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!row) throw new Error(`no user ${userId}`);
  return loadActor(row);
}

/** A session cookie for Requests, made the way login makes it. */
export function cookieFor(db: DB, userId: string, now = Date.now()): string {
  const row = db.select().from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!row) throw new Error(`no user ${userId}`);
  return `wb_session=${createSession(row, now).token}`;
}

export function emailOf(db: DB, userId: string): string {
  return db.select({ email: schema.users.email }).from(schema.users).where(eq(schema.users.id, userId)).get()!.email;
}

export interface ChildSpec {
  siteId: string;
  realName?: string;
  alias?: string;
  birthDate?: string;
}

export function addChild(db: DB, spec: ChildSpec, now = Date.now()): string {
  const id = uid('c');
  db.insert(schema.children)
    .values({
      id,
      siteId: spec.siteId,
      realName: spec.realName ?? '马思远',
      birthDate: spec.birthDate ?? '2016-05-20',
      gender: 'male',
      category: 'left_behind',
      guardian: '马爷爷',
      notes: '父母在外务工',
      alias: spec.alias ?? '小远',
      createdAt: now,
    })
    .run();
  return id;
}

/**
 * A published wish written through the services: created and submitted by `author`, published by
 * `reviewer` (someone else of the subtree).
 */
export function publishedWish(
  db: DB,
  o: { childId: string; author: string; reviewer: string; title?: string; story?: string; value?: number; deadline?: string },
  now = Date.now(),
): string {
  const created = createWish(
    actorOf(db, o.author),
    {
      childId: o.childId,
      title: o.title ?? '想要一套水彩笔',
      story: o.story ?? '喜欢画画,想要一套二十四色的水彩笔,画下家乡的春天。',
      category: 'stationery',
      value: o.value ?? 8000,
      deadline: o.deadline,
    },
    now,
  );
  if (!created.ok) throw new Error(`createWish failed: ${JSON.stringify(created.error)}`);
  const id = created.value.id;
  const submitted = moveWish(actorOf(db, o.author), id, 'submit', now);
  if (!submitted.ok) throw new Error(`submit failed: ${JSON.stringify(submitted.error)}`);
  const published = moveWish(actorOf(db, o.reviewer), id, 'publish', now);
  if (!published.ok) throw new Error(`publish failed: ${JSON.stringify(published.error)}`);
  return id;
}

export function wishStatus(db: DB, id: string): string {
  return db.select({ s: schema.wishes.status }).from(schema.wishes).where(eq(schema.wishes.id, id)).get()!.s;
}

export function claimRows(db: DB, wishId: string) {
  return db.select().from(schema.claims).where(eq(schema.claims.wishId, wishId)).all();
}

export function outboxTo(db: DB, email: string) {
  return db.select().from(schema.outbox).where(eq(schema.outbox.toEmail, email.toLowerCase())).all();
}

export function auditOf(db: DB, entityType: string, entityId: string) {
  return db
    .select()
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.entityId, entityId))
    .all()
    .filter((e) => e.entityType === entityType);
}
