import { sql, type SQL } from 'drizzle-orm';
import type { FigureKey, PeriodBounds } from '../domain/report';
import type { RecordKind } from '../domain/report-pages';
import { db } from './db.server';
import type { PageWindow } from './scope.server';
import { cachedValue } from './count-cache.server';
import { ALWAYS, REPORT_TABLES, reportScopeCtes } from './reports.server';

// The records behind each figure of the report (app/domain/report.ts): one query per figure selecting
// exactly the records its measure counts, over the report statement's own CTEs (reportScopeCtes: held
// slots, confirmed contacts and claims, engaged organizations, caring parents, attendance, active
// volunteers), and, for the wishes, the same conditions as the statement's wish measures. Each record
// carries `weight`, what it adds to the figure (1 for a wish or a distinct person, a slot's sessions,
// materials or children served, a claim's value in yuan, minutes as hours), so the weights of a figure's
// records add up to the figure. Records that add nothing (a held safety talk with no materials) are left out.
// Children appear by alias only: no real name leaves these lists.

/** Columns of every figure's records: kind, id, link_id (the record its staff page shows), label, site_id, at, weight. */
type Select = SQL;

/** Held slots (of one activity type, or of any), weighing what the figure sums of each. */
const heldSlots = (type: string | null, weight: string): Select => sql`
select 'slot' as kind, s.id, s.id as link_id, a.title as label, s.site_id, s.starts_at as at, ${sql.raw(weight)} as weight
from held h join slots s on s.id = h.id join activities a on a.id = s.activity_id
where ${type === null ? sql`1 = 1` : sql`h.type = ${type}`} and ${sql.raw(weight)} > 0`;

const contactsOfKind = (kindFilter: SQL, weight: string): Select => sql`
select 'visit' as kind, c.visit_id as id, c.pairing_id as link_id, coalesce(u.display_name, '') as label, c.site_id, c.happened_at as at, ${sql.raw(weight)} as weight
from contacts c left join users u on u.id = c.user_id
where ${kindFilter} and ${sql.raw(weight)} > 0`;

const wishesPublishedSelect = (p: PeriodBounds, weight: SQL): Select => sql`
select 'wish' as kind, w.id, w.id as link_id, w.title as label, w.site_id, w.published_at as at, ${weight} as weight
from wishes w join county_of k on k.site_id = w.site_id
where w.status in ('published', 'claimed', 'delivered', 'fulfilled') and w.published_at between ${p.fromMs} and ${p.toMs}`;

const distinctPeople = (from: string, filter = ''): Select => sql`
select 'volunteer' as kind, x.user_id as id, x.user_id as link_id, coalesce(u.display_name, '') as label, x.county_id as site_id, null as at, 1 as weight
from (select user_id, min(county_id) as county_id from ${sql.raw(from)} ${sql.raw(filter)} group by user_id) x
left join users u on u.id = x.user_id`;

const engagedOrgs = (kind: 'social_org' | 'company'): Select => sql`
select 'org' as kind, x.org_id as id, x.org_id as link_id, o.name as label, x.county_id as site_id, null as at, 1 as weight
from (select org_id, min(county_id) as county_id from engaged where kind = ${kind} group by org_id) x
join organizations o on o.id = x.org_id`;

function figureSelect(figure: FigureKey, p: PeriodBounds): Select {
  switch (figure) {
    case 'homeVisits':
      return sql`${heldSlots('home_visit', 'h.children_served')} union all ${contactsOfKind(sql`c.kind = 'home_visit'`, '1')}`;
    case 'wishesFulfilled':
      return sql`
select 'wish' as kind, w.id, w.id as link_id, w.title as label, w.site_id, w.fulfilled_at as at, 1 as weight
from wishes w join county_of k on k.site_id = w.site_id
where w.status = 'fulfilled' and w.fulfilled_at between ${p.fromMs} and ${p.toMs}`;
    case 'moneyAndGoodsYuan':
      return sql`
select 'claim' as kind, c.claim_id as id, c.claim_id as link_id, c.wish_title as label, c.site_id, c.confirmed_at as at, c.value_fen / 100.0 as weight
from confirmed c where c.value_fen > 0
union all
${heldSlots(null, 'h.money_goods_fen / 100.0')}`;
    case 'safetyTalks':
      return heldSlots('safety_talk', 'h.sessions');
    case 'materialsDistributed':
      return heldSlots('safety_talk', 'h.materials');
    case 'tutoringSessions':
      return heldSlots('case_tutoring', 'h.sessions');
    case 'filmScreenings':
      return heldSlots('film_screening', 'h.sessions');
    case 'filmScreeningCoverage':
      return heldSlots('film_screening', 'h.children_served');
    case 'childrenCareServed':
      return sql`
select 'child' as kind, x.child_id as id, x.child_id as link_id, ch.alias as label, ch.site_id, null as at, 1 as weight
from (select child_id from served group by child_id) x join children ch on ch.id = x.child_id`;
    case 'socialOrganizations':
      return engagedOrgs('social_org');
    case 'companies':
      return engagedOrgs('company');
    case 'caringParents':
      return distinctPeople('parents');
    case 'activeVolunteers':
      return distinctPeople('active');
    case 'wishesPublished':
      return wishesPublishedSelect(p, sql`1`);
    case 'fulfilmentRate':
      // The wishes the rate is taken over; each adds 1 when fulfilled by the period's end (the numerator).
      return wishesPublishedSelect(p, sql`(w.status = 'fulfilled' and w.fulfilled_at <= ${p.toMs})`);
    case 'wishesClaimed':
      return sql`
select 'wish' as kind, w.id, w.id as link_id, w.title as label, w.site_id, min(c.created_at) as at, 1 as weight
from claims c join wishes w on w.id = c.wish_id join county_of k on k.site_id = w.site_id
where c.created_at between ${p.fromMs} and ${p.toMs} and c.status != 'rejected' and w.status != 'withdrawn'
group by w.id`;
    case 'serviceHours':
      return sql`
select 'signup' as kind, t.signup_id as id, t.slot_id as link_id, coalesce(u.display_name, '') as label, s.site_id, s.starts_at as at, t.minutes / 60.0 as weight
from attended t join slots s on s.id = t.slot_id left join users u on u.id = t.user_id
where t.minutes > 0
union all
${contactsOfKind(sql`1 = 1`, 'c.minutes / 60.0')}`;
  }
}

export interface FigureRecordRow {
  kind: RecordKind;
  id: string;
  linkId: string;
  label: string;
  siteZh: string | null;
  siteEn: string | null;
  at: number | null;
  weight: number;
}

function recordsSql(rootPath: string, figure: FigureKey, p: PeriodBounds, tail: SQL): SQL {
  return sql`${reportScopeCtes(rootPath, p)},
records as (${figureSelect(figure, p)})
${tail}`;
}

const rowsTail = (window?: PageWindow) => sql`
select r.kind, r.id, r.link_id as linkId, r.label, st.name_zh as siteZh, st.name_en as siteEn, r.at, r.weight
from records r left join sites st on st.id = r.site_id
order by r.at is null, r.at desc, r.kind, r.id
${window ? sql`limit ${window.limit} offset ${window.offset}` : sql``}`;

/** How many records a figure counts in the period over the subtree, and what their weights add up to. */
export function countFigureRecords(rootPath: string, figure: FigureKey, period: PeriodBounds): { total: number; sum: number } {
  const row = db().get<{ total: number; sum: number | null }>(recordsSql(rootPath, figure, period, sql`select count(*) as total, sum(weight) as sum from records`));
  return { total: row?.total ?? 0, sum: row?.sum ?? 0 };
}

/** One page of the records behind a figure, newest first (records without a date last); all of them without a window. */
export function listFigureRecords(rootPath: string, figure: FigureKey, period: PeriodBounds, window?: PageWindow): FigureRecordRow[] {
  return db()
    .all<FigureRecordRow>(recordsSql(rootPath, figure, period, rowsTail(window)))
    .map((r) => ({ ...r, weight: Number(r.weight) }));
}

// ---- the report page's charts: small aggregates over the same CTEs -------------------------------------

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export interface ReportChartRows {
  /** Wishes fulfilled (the figure's conditions) per month 'YYYY-MM' in Shanghai. */
  fulfilledPerMonth: Array<{ month: string; value: number }>;
  /** Held slots per activity type. */
  heldPerType: Array<{ type: string; value: number }>;
  /** Children served (人次) by held slots, per county (countyId as the report's counties). */
  servedPerCounty: Array<{ countyId: string; value: number }>;
}

export function loadReportCharts(rootPath: string, p: PeriodBounds): ReportChartRows {
  const ctes = reportScopeCtes(rootPath, p);
  const fulfilledPerMonth = db().all<{ month: string; value: number }>(sql`${ctes}
select strftime('%Y-%m', (w.fulfilled_at + ${SHANGHAI_OFFSET_MS}) / 1000, 'unixepoch') as month, count(*) as value
from wishes w join county_of k on k.site_id = w.site_id
where w.status = 'fulfilled' and w.fulfilled_at between ${p.fromMs} and ${p.toMs}
group by month order by month`);
  const heldPerType = db().all<{ type: string; value: number }>(sql`${ctes}
select type, count(*) as value from held group by type order by value desc, type`);
  const servedPerCounty = db().all<{ countyId: string; value: number }>(sql`${ctes}
select county_id as countyId, sum(children_served) as value from held group by county_id`);
  return { fulfilledPerMonth, heldPerType, servedPerCounty };
}

/** loadReportCharts kept like the report's measures (keptReportMeasures): until a table the report reads changes. */
export function keptReportCharts(rootPath: string, p: PeriodBounds): ReportChartRows {
  return cachedValue(REPORT_TABLES, `charts:${rootPath}:${p.fromMs}:${p.toMs}`, ALWAYS, () => ({ value: loadReportCharts(rootPath, p) }));
}
