import { Form, Link } from '@remix-run/react';
import { formatDateTime, formatTimeRange } from '../i18n/index';
import type { FormResult } from '../forms/result';
import { ActivityProposalForm, ActivityStatusBadge, SlotStatusBadge, type ProposalDefaults } from './activity-form';
import { useLocale, useT } from './i18n';
import { CountedSection, DataTable, Facts } from './lists';
import { BackLink } from './page';
import { DoneNotice, FormNotice, Lines, StatusTitleCells } from './wish-ui';

export interface WorkSlot {
  slot: { id: string; startsAt: number; endsAt: number; place: string; capacity: number; status: string; childrenServed: number | null };
  confirmed: number;
  offered: number;
  waitlisted: number;
}

export interface ActivityWork {
  activity: {
    id: string;
    type: string;
    title: string;
    description: string;
    status: string;
    contactTier: string;
    riskNotes: string;
    safetyMeasures: string;
    organizerContact: string;
    cancelCutoffHours: number;
    reason: string | null;
    updatedAt: number;
  };
  siteZh: string;
  siteEn: string;
  orgName: string | null;
  proposerName: string;
  slots: WorkSlot[];
  steps: string[];
  editable: boolean;
  defaults: ProposalDefaults | null;
  sites: { id: string; nameZh: string; nameEn: string }[];
}

/**
 * An activity as the people who work on it see it (/org/activities/:id, /staff/activities/:id): its
 * status and the reason of a rejection or cancellation, the details, the slots with their sign-ups, the
 * steps this person may take (from availableSteps) and, for a draft, the proposal form.
 */
export function ActivityWorkPage({
  work,
  done,
  result,
  rows,
  back,
  slotHref,
  canApprove,
}: {
  work: ActivityWork;
  done: string | null;
  result: FormResult | undefined;
  rows: number;
  back: { to: string; label: string };
  slotHref: ((id: string) => string) | null;
  canApprove: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const { activity, steps } = work;
  const failed = result && !result.ok ? result : undefined;
  return (
    <article>
      <BackLink to={back.to} label={back.label} />
      <h1>
        {activity.title} <ActivityStatusBadge status={activity.status} />
      </h1>
      <DoneNotice done={done} prefix="act.done" />
      <FormNotice failure={failed} showMatches />
      {activity.reason && (activity.status === 'rejected' || activity.status === 'cancelled') ? (
        <p className="notice notice-error" data-testid="activity-reason">
          {t(`act.reason.${activity.status}`)}: {activity.reason}
        </p>
      ) : null}
      <dl className="facts">
        <Facts
          facts={[
            [t('act.field.type'), t(`activity.type.${activity.type}`)],
            [t('act.field.site'), locale === 'en' ? work.siteEn : work.siteZh],
            [t('act.proposer'), `${work.orgName ? `${work.orgName} · ` : ''}${work.proposerName}`],
            [t('act.field.contact_tier'), t(`act.tier.${activity.contactTier}`)],
            [t('act.field.description'), <Lines text={activity.description} />],
          ]}
        />
        <Facts
          optional
          facts={[
            [t('act.field.risk_notes'), activity.riskNotes ? <Lines text={activity.riskNotes} /> : null],
            [t('act.field.safety_measures'), activity.safetyMeasures ? <Lines text={activity.safetyMeasures} /> : null],
            [t('act.field.organizer_contact'), activity.organizerContact],
          ]}
        />
        <Facts
          facts={[
            [t('act.field.cancel_cutoff'), activity.cancelCutoffHours],
            [t('act.updated'), formatDateTime(activity.updatedAt, locale)],
          ]}
        />
      </dl>

      <h2>{t('act.slots')}</h2>
      {work.slots.length === 0 ? (
        <p className="meta">{t('act.no_slots')}</p>
      ) : (
        <DataTable label={t('act.slots')} headers={[t('act.col.status'), t('act.col.when'), t('act.field.place'), t('act.col.places'), t('act.col.waiting'), t('act.col.children_served')]}>
          {work.slots.map(({ slot, confirmed, offered, waitlisted }) => (
            <tr key={slot.id}>
              <td>
                <SlotStatusBadge status={slot.status} />
              </td>
              <td>{slotHref ? <Link to={slotHref(slot.id)}>{formatTimeRange(slot.startsAt, slot.endsAt, locale)}</Link> : formatTimeRange(slot.startsAt, slot.endsAt, locale)}</td>
              <td className="cell-wrap">{slot.place}</td>
              <td>{t('act.places', { taken: confirmed + offered, capacity: slot.capacity })}</td>
              <td>{waitlisted}</td>
              <td>{slot.childrenServed ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}

      {steps.length > 0 ? <h2>{t('act.steps')}</h2> : null}
      {steps.includes('submit') && !work.editable ? (
        <StepButton intent="submit" label={t('act.action.submit')} />
      ) : null}
      {steps.includes('approve') ? (
        <StepButton intent="approve" label={t('act.action.approve')} />
      ) : null}
      {steps.includes('reject') ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="reject" />
          <ReasonField id="reject-reason" required label={t('act.reject_reason')} result={result} />
          <div>
            <button type="submit" className="danger">
              {t('act.action.reject')}
            </button>
          </div>
        </Form>
      ) : null}
      {steps.includes('cancel') ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="cancel" />
          <ReasonField
            id="cancel-reason"
            required={activity.status === 'approved'}
            label={t('act.cancel_reason')}
            hint={activity.status === 'approved' ? t('act.cancel_reason_hint') : undefined}
            result={result}
          />
          <div>
            <button type="submit" className="danger">
              {t('act.action.cancel')}
            </button>
          </div>
        </Form>
      ) : null}

      {work.editable && work.defaults ? (
        <section aria-labelledby="edit-draft">
          <h2 id="edit-draft">{t('act.edit_draft')}</h2>
          <ActivityProposalForm sites={work.sites} defaults={work.defaults} rows={rows} result={result} canApprove={canApprove} />
        </section>
      ) : null}
    </article>
  );
}

/** A `reason` textarea with its own id, for pages that carry more than one form asking for a reason. */
export function ReasonField({ id, label, required, hint, result }: { id: string; label: string; required: boolean; hint?: string; result: FormResult | undefined }) {
  const t = useT();
  const errors = result?.fieldErrors?.reason;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <label htmlFor={id}>
      {label}
      <textarea id={id} name="reason" required={required} maxLength={500} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} />
      {hint ? (
        <small className="hint" id={`${id}-hint`}>
          {hint}
        </small>
      ) : null}
      {errors?.length ? (
        <span className="field-error" id={`${id}-error`}>
          {errors.map((key) => t(key)).join(' ')}
        </span>
      ) : null}
    </label>
  );
}

export interface ActivityQueuesData {
  toReview: { id: string; title: string; orgName: string | null; siteZh: string; siteEn: string; submittedAt: number | null }[];
  toClose: { slotId: string; startsAt: number; endsAt: number; title: string; siteZh: string; siteEn: string }[];
  flags: { userId: string; signupId: string; flaggedAt: number; name: string; slotId: string; activityTitle: string }[];
}

/** The /staff home's activity work: proposals to review, slots to close, helpers flagged for no-shows. */
export function ActivityQueues({ queues }: { queues: ActivityQueuesData }) {
  const t = useT();
  const locale = useLocale();
  const site = (r: { siteZh: string; siteEn: string }) => (locale === 'en' ? r.siteEn : r.siteZh);
  return (
    <section className="wish-queues" aria-labelledby="activity-queues-title">
      <h2 id="activity-queues-title">{t('act.queues_title')}</h2>
      <CountedSection className="queue" testId="queue-activities-to-review" title={t('act.queue.to_review')} count={queues.toReview.length} empty={t('act.queue.to_review.empty')}>
        <ActivitiesToReview items={queues.toReview} />
      </CountedSection>
      <CountedSection className="queue" testId="queue-slots-to-close" title={t('act.queue.to_close')} count={queues.toClose.length} empty={t('act.queue.to_close.empty')}>
        <ul className="queue-list">
          {queues.toClose.map((s) => (
            <li key={s.slotId}>
              <Link to={`/staff/slots/${s.slotId}`}>{s.title}</Link>
              <span className="meta">
                <span>{site(s)}</span>
                <span>{formatTimeRange(s.startsAt, s.endsAt, locale)}</span>
              </span>
            </li>
          ))}
        </ul>
      </CountedSection>
      <CountedSection className="queue" testId="queue-no-show-flags" title={t('act.queue.no_shows')} count={queues.flags.length} empty={t('act.queue.no_shows.empty')}>
        <ul className="queue-list">
          {queues.flags.map((f) => (
            <li key={f.signupId}>
              <span>{f.name}</span>
              <span className="meta">
                <Link to={`/staff/slots/${f.slotId}`}>{f.activityTitle}</Link>
                <span>{formatDateTime(f.flaggedAt, locale)}</span>
              </span>
              <Form method="post" action={`/staff/slots/${f.slotId}`} className="inline-form">
                <input type="hidden" name="intent" value="review_flag" />
                <input type="hidden" name="signupId" value={f.signupId} />
                <button type="submit" className="secondary">
                  {t('act.action.review_flag')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </CountedSection>
    </section>
  );
}

/** A step that is one button: its form posts the intent alone. */
function StepButton({ intent, label }: { intent: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit">{label}</button>
    </Form>
  );
}

/** Proposals awaiting review, each linked to its page with its organization, site and the time it was sent. */
export function ActivitiesToReview({ items, testId }: { items: ActivityQueuesData['toReview']; testId?: string }) {
  const locale = useLocale();
  return (
    <ul className="queue-list" data-testid={testId}>
      {items.map((a) => (
        <li key={a.id}>
          <Link to={`/staff/activities/${a.id}`}>{a.title}</Link>
          <span className="meta">
            {a.orgName ? <span>{a.orgName}</span> : null}
            <span>{locale === 'en' ? a.siteEn : a.siteZh}</span>
            {a.submittedAt ? <span>{formatDateTime(a.submittedAt, locale)}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export interface OrgActivitiesData {
  activities: { id: string; title: string; status: string; reason: string | null; slotCount: number; signups: number; waiting: number; minutes: number; childrenServed: number }[];
  totals: { slotsHeld: number; minutes: number; childrenServed: number };
}

/** The /org activities section: each proposal with its status (and the reason of a rejection), sign-ups and totals. */
export function OrgActivities({ data, orgId, canPropose }: { data: OrgActivitiesData; orgId: string; canPropose: boolean }) {
  const t = useT();
  const hours = (minutes: number) => (Math.round(minutes / 6) / 10).toString();
  return (
    <section aria-labelledby="org-activities">
      <h2 id="org-activities">{t('act.org_title')}</h2>
      {canPropose ? (
        <p>
          <Link to={`/org/activities/new?org=${orgId}`} className="button">
            {t('act.new_title')}
          </Link>
        </p>
      ) : null}
      <p data-testid="org-activity-totals">
        {t('act.org_totals', { slots: data.totals.slotsHeld, hours: hours(data.totals.minutes), children: data.totals.childrenServed })}
      </p>
      {data.activities.length === 0 ? (
        <p className="meta">{t('act.none')}</p>
      ) : (
        <DataTable label={t('act.org_title')} headers={[t('act.col.status'), t('act.field.title'), t('act.col.slots'), t('act.col.signups'), t('act.col.hours'), t('act.col.children_served')]}>
          {data.activities.map((a) => (
            <tr key={a.id}>
              <StatusTitleCells kind="activity" status={a.status} to={`/org/activities/${a.id}`} title={a.title}>
                {a.status === 'rejected' && a.reason ? <span className="meta"> · {t('act.reason.rejected')}: {a.reason}</span> : null}
              </StatusTitleCells>
              <td>{a.slotCount}</td>
              <td>{t('act.signups_line', { confirmed: a.signups, waiting: a.waiting })}</td>
              <td>{hours(a.minutes)}</td>
              <td>{a.childrenServed}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
