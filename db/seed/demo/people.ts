// Demo accounts: staff, volunteers (with the caring parents) and organizations with their members.
import { MIN, HOUR, DAY, sh, shDate, shMidnight } from './calendar';
import { DEMO_EMAILS, type DemoBuilder, type OrgKind, type UserRow, type VolunteerRow } from './context';
import { COUNTIES, type County } from './sites';
import * as N from '../names';

function addUser(b: DemoBuilder, email: string, displayName: string, createdAt: number, extra: Partial<UserRow> = {}): string {
  const id = b.id();
  b.users.push({
    id,
    email: email.toLowerCase(),
    emailVerifiedAt: createdAt + 12 * MIN,
    passwordHash: b.passwordHash,
    displayName,
    locale: 'zh-CN',
    isAdmin: false,
    staffSiteId: null,
    disabledAt: null,
    createdAt,
    ...extra,
  });
  b.userByEmail.set(email.toLowerCase(), id);
  return id;
}

export function buildStaff(b: DemoBuilder): void {
  const t = sh(2024, 1, 3, 9);
  addUser(b, DEMO_EMAILS.admin, '市民政局管理员', t, { isAdmin: true });
  // A staff account is named after what it covers: the two at the city's level work on every site in the city.
  addUser(b, DEMO_EMAILS.staff, '马老师(全市工作人员)', t + HOUR, { staffSiteId: b.site('wz').id });
  addUser(b, DEMO_EMAILS.staff2, '李老师(全市工作人员,第二审核人)', t + 2 * HOUR, { staffSiteId: b.site('wz').id });
  const county: [County, string, string][] = [
    ['lt', DEMO_EMAILS.staffLt, '王督导(利通区)'],
    ['hsb', 'staff.hsb@demo.local', '海主任(红寺堡区)'],
    ['qtx', 'staff.qtx@demo.local', '周督导(青铜峡市)'],
    ['yc', 'staff.yc@demo.local', '白主任(盐池县)'],
    ['tx', DEMO_EMAILS.staffTx, '杨主任(同心县)'],
  ];
  county.forEach(([code, email, name], i) => {
    const id = addUser(b, email, name, t + (3 + i) * HOUR, { staffSiteId: b.site(code).id });
    b.staffOf.set(code, id);
  });
}

function adultName(i: number): string {
  return N.SURNAMES[(i * 7 + 3) % N.SURNAMES.length] + N.ADULT_GIVEN[(i * 5 + 1) % N.ADULT_GIVEN.length];
}
function phone(i: number): string {
  return `1380000${String(1000 + i).padStart(4, '0')}`;
}

/** Vetting recorded at the last off-line check: recent for most, overdue for a few. */
function vetting(b: DemoBuilder, i: number, createdAt: number, what: string): Pick<VolunteerRow, 'checkNote' | 'vettedAt' | 'recheckDueAt'> {
  const daysAgo = i % 9 === 4 ? 380 + (i % 20) : 20 + ((i * 37) % 300);
  const vettedAt = Math.max(createdAt + 7 * DAY, b.ago(daysAgo, 15));
  return { checkNote: `已查验${what}(${shDate(vettedAt)})`, vettedAt, recheckDueAt: vettedAt + 365 * DAY };
}

export function buildVolunteers(b: DemoBuilder): void {
  for (const c of COUNTIES) b.volsByCounty.set(c, []);
  const availability = ['周末全天', '工作日晚上', '周六上午', '寒暑假', '周日下午'];
  const skills = ['绘画、手工', '陪伴阅读', '数学辅导', '心理咨询(持证)', '篮球、跳绳', '英语辅导', '急救(红十字证书)', '摄影'];

  // volunteer@demo.local: the caring mother of the demo, applied 2025-01-03, vetted on 2025-01-10 and
  // re-checked (one-to-one contact, yearly) about forty days ago, so her pairings stay open.
  const demoCreatedAt = sh(2025, 1, 3, 20);
  const demoRecheckAt = Math.max(sh(2025, 1, 10, 15), b.ago(40, 15));
  const demoId = addUser(b, DEMO_EMAILS.volunteer, '刘芳(爱心妈妈)', demoCreatedAt);
  b.volunteers.push({
    userId: demoId,
    status: 'approved',
    caringParent: true,
    realName: '刘芳',
    phone: phone(0),
    countySiteId: b.site('lt').id,
    availability: '周末全天',
    skills: '绘画、陪伴阅读',
    checkNote: `已查验无犯罪记录证明(${shDate(demoRecheckAt)})`,
    statusReason: null,
    vettedAt: demoRecheckAt,
    vettedBy: b.staffOf.get('lt')!,
    recheckDueAt: demoRecheckAt + 365 * DAY,
    createdAt: demoCreatedAt,
  });

  // v001…v012 caring parents (v001–v011 paired at the welfare home, v012's pairing ended in 2024),
  // v013…v058 approved, v059 suspended, v060 rejected, v061 pending.
  for (let i = 1; i <= 61; i++) {
    const email = `v${String(i).padStart(3, '0')}@demo.local`;
    const realName = adultName(i);
    const caringParent = i <= 12;
    const county: County = caringParent ? 'lt' : COUNTIES[i % COUNTIES.length];
    // Caring parents signed up in 2023, before their pairings (the first began in January 2024).
    const createdAt = i === 61 ? b.ago(5, 21) : caringParent ? sh(2023, 6 + (i % 6), 1 + ((i * 3) % 27), 19) : sh(2024, 1 + (i % 11), 1 + ((i * 3) % 27), 19);
    const id = addUser(b, email, caringParent ? `${realName}(${i % 2 ? '爱心爸爸' : '爱心妈妈'})` : realName, createdAt);
    const status = i === 59 ? 'suspended' : i === 60 ? 'rejected' : i === 61 ? 'pending' : 'approved';
    // Rejected within days of applying, with no check on record (the certificate never came).
    // The suspension (v059) is decided in buildHelperTrails, after the no-shows that caused it.
    const vet =
      status === 'pending'
        ? { checkNote: null, vettedAt: null, recheckDueAt: null }
        : status === 'rejected'
          ? { checkNote: null, vettedAt: firstCheckAt(createdAt) - 2 * DAY, recheckDueAt: null }
          : vetting(b, i, createdAt, '无犯罪记录证明');
    b.volunteers.push({
      userId: id,
      status,
      caringParent,
      realName,
      phone: phone(i),
      countySiteId: b.site(county).id,
      availability: availability[i % availability.length],
      skills: skills[i % skills.length],
      ...vet,
      recheckDueAt: status === 'rejected' ? null : vet.recheckDueAt,
      statusReason:
        status === 'suspended' ? '连续两次报名后未到场且未请假,暂停报名资格;与工作人员沟通后可恢复。' : status === 'rejected' ? '未能提供无犯罪记录证明,请补充后重新申请。' : null,
      vettedBy: vet.vettedAt ? b.staffOf.get(county)! : null,
      createdAt,
    });
    if (status === 'approved' || i === 59) b.volsByCounty.get(county)!.push(id);
  }

  const pendingAt = b.ago(2, 20, 30);
  const pendingId = addUser(b, DEMO_EMAILS.pending, '赵晨', pendingAt);
  b.volunteers.push({
    userId: pendingId,
    status: 'pending',
    caringParent: false,
    realName: '赵晨',
    phone: phone(99),
    countySiteId: b.site('lt').id,
    availability: '周末全天',
    skills: '英语辅导',
    createdAt: pendingAt,
  });
}

export function buildOrganizations(b: DemoBuilder): void {
  const countyOfName = (name: string): County =>
    name.startsWith('红寺堡') ? 'hsb' : name.startsWith('青铜峡') ? 'qtx' : name.startsWith('盐池') ? 'yc' : name.startsWith('同心') ? 'tx' : 'lt';
  const add = (name: string, kind: OrgKind, status: 'approved' | 'pending', email: string, i: number) => {
    const county = countyOfName(name);
    const createdAt = status === 'pending' ? b.ago(3 + i, 11) : sh(2024, 1 + (i % 10), 5 + (i % 20), 10);
    const contact = adultName(100 + i);
    const managerId = addUser(b, email, `${contact}(${name.replace(/(有限公司|社会工作服务中心|公益协会)$/, '')})`, createdAt);
    const id = b.id();
    const vet = status === 'approved' ? vetting(b, 100 + i, createdAt, kind === 'company' ? '营业执照' : '社会组织登记证书') : null;
    b.orgs.push({
      id,
      name,
      kind,
      status,
      contactName: contact,
      contactPhone: `0953-20${String(10000 + i * 137).slice(-5)}`,
      countySiteId: b.site(county).id,
      description:
        kind === 'company'
          ? `${name}长期关注困境儿童,通过捐赠物资、认领微心愿和资助集体活动参与关爱服务。`
          : `${name}是在民政部门登记的社会组织,组织志愿者和专业社工参与困境儿童关爱服务。`,
      checkNote: vet?.checkNote ?? null,
      statusReason: null,
      vettedAt: vet?.vettedAt ?? null,
      vettedBy: vet ? b.staffOf.get(county)! : null,
      recheckDueAt: vet?.recheckDueAt ?? null,
      createdAt,
    });
    b.members.push({ orgId: id, userId: managerId, role: 'manager', createdAt });
    if (status === 'approved') b.orgList.push({ id, kind, managerId, county });
    return { id, createdAt };
  };
  N.SOCIAL_ORGS.forEach((name, i) => {
    const email = i === 0 ? DEMO_EMAILS.org : `org-s${String(i + 1).padStart(2, '0')}@demo.local`;
    const org = add(name, 'social_org', 'approved', email, i);
    if (i < 3) {
      const memberId = addUser(b, `member.s${String(i + 1).padStart(2, '0')}@demo.local`, adultName(140 + i), org.createdAt + 20 * DAY);
      b.members.push({ orgId: org.id, userId: memberId, role: 'member', createdAt: org.createdAt + 20 * DAY });
    }
  });
  N.COMPANIES.forEach((name, i) => add(name, 'company', 'approved', `org-c${String(i + 1).padStart(2, '0')}@demo.local`, 30 + i));
  N.PENDING_ORGS.forEach((o, i) => add(o.name, o.kind, 'pending', `org-p${String(i + 1).padStart(2, '0')}@demo.local`, i));
}

/** When a helper's first off-line check is recorded: a week after applying, at 15:00 Shanghai time. */
export function firstCheckAt(createdAt: number): number {
  return shMidnight(createdAt) + 7 * DAY + 15 * HOUR;
}
