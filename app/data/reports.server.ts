import { sql, type SQL } from 'drizzle-orm';
import type { AggregateRow, CountyRef, Measure, PeriodBounds } from '../domain/report';
import { cachedValue, type VersionedTable } from './count-cache.server';
import { db } from './db.server';

// The report's measures (app/domain/report.ts, MEASURES says what each one counts), computed in ONE
// aggregate statement grouped by county: no record is read into JavaScript. The scope is a site subtree
// (a path prefix); each record counts under the county of its site (nearest 'county' ancestor, else the
// city; README D7), worked out from the site tree in the statement itself.

const CARE_TYPES = sql.raw(`'temporary_care', 'family_education', 'legal_aid', 'crisis_intervention'`);

/** The sites in the subtree (scope_sites) and the county each one's records count under (county_of). */
function countyOf(rootPath: string): SQL {
  return sql`
scope_sites as (
  select st.id, st.path from sites st where substr(st.path, 1, ${rootPath.length}) = ${rootPath}
),
county_of as materialized (
  select st.id as site_id, coalesce(
    (select c.id from sites c where c.kind = 'county' and substr(st.path, 1, length(c.path)) = c.path),
    (select c.id from sites c where c.kind = 'city' and substr(st.path, 1, length(c.path)) = c.path),
    st.id) as county_id
  from scope_sites st
)`;
}

/**
 * The shared CTEs: the sites in scope with their county, and the period's held slots, contacts and confirmed claims.
 * `forRecords` adds the columns only the lists of records show (a claim's id, time, wish title and site): the
 * measures leave them out, so that their confirmed claims are read from claims_confirmed_idx alone (README D35).
 * The conditions are the same either way.
 */
function scopeCtes(rootPath: string, p: PeriodBounds, forRecords: boolean): SQL {
  return sql`
with
${countyOf(rootPath)},
held as materialized (
  select s.id, a.type, a.org_id, a.status as activity_status, k.county_id,
         coalesce(s.children_served, 0) as children_served, coalesce(s.money_fen, 0) + coalesce(s.goods_fen, 0) as money_goods_fen,
         coalesce(s.materials, 0) as materials, coalesce(s.sessions, 1) as sessions
  from slots s
  join county_of k on k.site_id = s.site_id
  join activities a on a.id = s.activity_id
  where s.status = 'closed' and s.starts_at between ${p.fromMs} and ${p.toMs}
    -- "+": the slot's start (slots_starts_idx) picks the rows, not the activity's status
    and +a.status in ('approved', 'completed')
),
contacts as materialized (
  select v.kind, v.minutes, pr.volunteer_user_id as user_id, k.county_id,
         v.id as visit_id, v.pairing_id, v.happened_at, pr.site_id
  from pairing_visits v
  join pairings pr on pr.id = v.pairing_id
  join county_of k on k.site_id = pr.site_id
  where v.status = 'confirmed' and v.happened_at between ${p.fromMs} and ${p.toMs}
),
confirmed as materialized (
  select c.org_id, c.claimant_user_id as user_id, coalesce(c.value_received_fen, 0) as value_fen, k.county_id
         ${forRecords ? sql`, c.id as claim_id, c.confirmed_at, w.title as wish_title, w.site_id` : sql``}
  from claims c
  join wishes w on w.id = c.wish_id
  join county_of k on k.site_id = w.site_id
  where c.status = 'confirmed' and c.confirmed_at between ${p.fromMs} and ${p.toMs}
),
served as (
  select distinct h.county_id, sc.child_id from held h join slot_children sc on sc.slot_id = h.id where h.type in (${CARE_TYPES})
),
engaged as materialized (
  select e.county_id, e.org_id, o.kind from (
    select county_id, org_id from confirmed where org_id is not null
    union
    select county_id, org_id from held where org_id is not null and activity_status = 'completed'
  ) e join organizations o on o.id = e.org_id
  where o.status = 'approved'
),
parents as (
  select distinct k.county_id, pr.volunteer_user_id as user_id
  from pairings pr
  join county_of k on k.site_id = pr.site_id
  join volunteers v on v.user_id = pr.volunteer_user_id
  where v.status = 'approved' and v.caring_parent = 1
    and pr.started_at is not null and pr.started_at <= ${p.toMs} and (pr.ended_at is null or pr.ended_at >= ${p.fromMs})
),
attended as materialized (
  select h.county_id, g.user_id, coalesce(g.service_minutes, 0) as minutes,
         h.id as slot_id, g.id as signup_id
  -- CROSS JOIN keeps this order: the period's held slots, then their sign-ups (slot_signups_slot_status_idx)
  from held h cross join slot_signups g on g.slot_id = h.id
  where g.attendance = 'attended'
),
active as materialized (
  select a.county_id, a.user_id from (
    select county_id, user_id from attended
    union select county_id, user_id from contacts
    union select county_id, user_id from confirmed where org_id is null
  ) a where a.user_id in (select user_id from volunteers)
)`;
}

/** Each measure per county (sums and distinct counts alike), and each distinct measure over the whole scope. */
function measuresSql(rootPath: string, p: PeriodBounds): SQL {
  return sql`${scopeCtes(rootPath, p, false)}
select 'wishesFulfilled' as measure, k.county_id as countyId, count(*) as value
  from wishes w join county_of k on k.site_id = w.site_id
  where w.status = 'fulfilled' and w.fulfilled_at between ${p.fromMs} and ${p.toMs} group by k.county_id
union all
select 'wishesPublished', k.county_id, count(*)
  from wishes w join county_of k on k.site_id = w.site_id
  where w.status in ('published', 'claimed', 'delivered', 'fulfilled') and w.published_at between ${p.fromMs} and ${p.toMs}
  group by k.county_id
union all
select 'wishesPublishedFulfilled', k.county_id, count(*)
  from wishes w join county_of k on k.site_id = w.site_id
  where w.published_at between ${p.fromMs} and ${p.toMs} and w.status = 'fulfilled' and w.fulfilled_at <= ${p.toMs} group by k.county_id
union all
select 'wishesClaimed', k.county_id, count(distinct c.wish_id)
  from claims c join wishes w on w.id = c.wish_id join county_of k on k.site_id = w.site_id
  where c.created_at between ${p.fromMs} and ${p.toMs} and c.status != 'rejected' and w.status != 'withdrawn' group by k.county_id
union all
select 'claimValueFen', county_id, sum(value_fen) from confirmed group by county_id
union all
select 'slotMoneyGoodsFen', county_id, sum(money_goods_fen) from held group by county_id
union all
select 'homeVisitSlotChildren', county_id, sum(children_served) from held where type = 'home_visit' group by county_id
union all
select 'homeVisitContacts', county_id, count(*) from contacts where kind = 'home_visit' group by county_id
union all
select 'safetyTalkSessions', county_id, sum(sessions) from held where type = 'safety_talk' group by county_id
union all
select 'safetyTalkMaterials', county_id, sum(materials) from held where type = 'safety_talk' group by county_id
union all
select 'tutoringSessions', county_id, sum(sessions) from held where type = 'case_tutoring' group by county_id
union all
select 'filmSessions', county_id, sum(sessions) from held where type = 'film_screening' group by county_id
union all
select 'filmChildren', county_id, sum(children_served) from held where type = 'film_screening' group by county_id
union all
select 'careChildren', county_id, count(*) from served group by county_id
union all
select 'careChildren', null, count(distinct child_id) from served
union all
select 'socialOrganizations', county_id, count(distinct org_id) from engaged where kind = 'social_org' group by county_id
union all
select 'socialOrganizations', null, count(distinct org_id) from engaged where kind = 'social_org'
union all
select 'companies', county_id, count(distinct org_id) from engaged where kind = 'company' group by county_id
union all
select 'companies', null, count(distinct org_id) from engaged where kind = 'company'
union all
select 'caringParents', county_id, count(*) from parents group by county_id
union all
select 'caringParents', null, count(distinct user_id) from parents
union all
select 'activeVolunteers', county_id, count(*) from active group by county_id
union all
select 'activeVolunteers', null, count(distinct user_id) from active
union all
select 'slotServiceMinutes', county_id, sum(minutes) from attended group by county_id
union all
select 'contactMinutes', county_id, sum(minutes) from contacts group by county_id`;
}

/** The statement loadReportMeasures runs, for EXPLAIN QUERY PLAN in tests. */
export function reportMeasuresStatement(rootPath: string, period: PeriodBounds): SQL {
  return measuresSql(rootPath, period);
}

/** The measures of a period over the subtree at rootPath, as aggregate rows (per county, and distinct totals). */
export function loadReportMeasures(rootPath: string, period: PeriodBounds): AggregateRow[] {
  return db()
    .all<{ measure: Measure; countyId: string | null; value: number | null }>(measuresSql(rootPath, period))
    .map((r) => ({ measure: r.measure, countyId: r.countyId, value: r.value ?? 0 }));
}

/** The counties records in the subtree are counted under (README D7), in site-tree order. */
export function countiesUnder(rootPath: string): CountyRef[] {
  return db().all<CountyRef>(sql`
with ${countyOf(rootPath)}
select c.id, c.code, c.kind, c.name_zh as nameZh, c.name_en as nameEn
from sites c where c.id in (select county_id from county_of)
order by case c.kind when 'county' then 0 else 1 end, c.path`);
}

/**
 * The statement's shared CTEs (the sites in scope with their county, and the period's held slots, contacts,
 * confirmed claims, engaged organizations, caring parents, attendance and active volunteers), so that the
 * list behind a figure (app/data/report-records.server.ts) selects its records under the SAME conditions.
 */
export function reportScopeCtes(rootPath: string, period: PeriodBounds): SQL {
  return scopeCtes(rootPath, period, true);
}

/** Every table the report's statements read (the measures, the counties, the charts): a write to any changes its version. */
/** The figures of a period change with the records alone: any instant will do as the cache's clock. */
export const ALWAYS = 0;

export const REPORT_TABLES: readonly VersionedTable[] = [
  'wishes',
  'claims',
  'slots',
  'activities',
  'slot_signups',
  'slot_children',
  'pairings',
  'pairing_visits',
  'volunteers',
  'organizations',
  'sites',
];

/**
 * loadReportMeasures and countiesUnder, kept per subtree and period until a table the report reads changes
 * (count cache, versions bumped by triggers whichever process writes; README D35). The figures depend on the
 * records alone, never on the clock. The rows are shared: callers must not change them.
 */
export function keptReportMeasures(rootPath: string, period: PeriodBounds): { counties: CountyRef[]; rows: AggregateRow[] } {
  return cachedValue(REPORT_TABLES, `report:${rootPath}:${period.fromMs}:${period.toMs}`, ALWAYS, () => ({
    value: { counties: countiesUnder(rootPath), rows: loadReportMeasures(rootPath, period) },
  }));
}
