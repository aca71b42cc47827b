import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatMoney } from '../i18n/index';
import { useLocale, useT } from './i18n';
import { useRevealAnswer } from './reveal';
import { isFailure, type FormFailure } from '../forms/result';

export { isFailure };
export type { FormFailure };

/**
 * What a page whose actions answer with a FormFailure needs (FormNotice): the refusal, if the last action was
 * refused, whether anything is being sent or loaded (its buttons wait), the translator and the locale.
 */
export function useActionPage() {
  const actionData = useActionData();
  const busy = useNavigation().state !== 'idle';
  return { failed: isFailure(actionData) ? actionData : undefined, busy, t: useT(), locale: useLocale() };
}

/** The message above a refused form; privacy findings are listed by kind, with the text to fix (staff pages only). */
export function FormNotice({ failure, showMatches = false }: { failure: FormFailure | undefined; showMatches?: boolean }) {
  const t = useT();
  const ref = useRevealAnswer<HTMLDivElement>(failure);
  if (!failure) return null;
  return (
    <div ref={ref} tabIndex={-1} className="notice notice-error" role="alert">
      {failure.message ? <p>{t(failure.message.key, failure.message.params)}</p> : null}
      {failure.findings?.length ? <PrivacyFindings findings={failure.findings} showMatches={showMatches} /> : null}
    </div>
  );
}

export function PrivacyFindings({ findings, showMatches }: { findings: { kind: string; match: string }[]; showMatches: boolean }) {
  const t = useT();
  return (
    <ul className="privacy-findings">
      {findings.map((f, i) => (
        <li key={`${f.kind}-${i}`}>
          {t(`privacy.kind.${f.kind}`)}
          {showMatches ? (
            <>
              : <mark>{f.match}</mark>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A form of one button that posts `intent` to the page's action (field "intent"). */
/** One button posting `intent`. With `confirm`, the browser asks first (a step that cannot be undone). */
export function IntentButton({ intent, label, busy, className, confirm }: { intent: string; label: string; busy: boolean; className?: string; confirm?: string }) {
  return (
    <Form
      method="post"
      className="inline-form"
      onSubmit={confirm ? (event) => (window.confirm(confirm) ? undefined : event.preventDefault()) : undefined}
    >
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={className} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

/** A success notice (a welcome, a saved change), when there is one to give. */
export function OkNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="notice notice-ok" role="status">
      {text}
    </p>
  );
}

/** A success notice after a redirect with ?done=<intent>. */
export function DoneNotice({ done, prefix }: { done: string | null; prefix: string }) {
  const t = useT();
  return <OkNotice text={done ? t(`${prefix}.${done}`) : null} />;
}

/** What the privacy check found in a wish as it stands: refusals to fix (`error`) or reminders (`warn`). */
export function PrivacyNotice({ findings, tone, text, testId }: { findings: { kind: string; match: string }[]; tone: 'error' | 'warn'; text: string; testId: string }) {
  if (!findings.length) return null;
  return (
    <div className={`notice notice-${tone}`} data-testid={testId}>
      <p>{text}</p>
      <PrivacyFindings findings={findings} showMatches />
    </div>
  );
}

/** The colour of each status that has one, by the kind of object; the label is the catalogue's `kind.status.status`. */
const BADGES: Record<'claim' | 'wish' | 'helper' | 'activity' | 'slot', Record<string, string>> = {
  claim: { pending: 'badge-warn', approved: 'badge-warn', delivered: 'badge-warn', confirmed: 'badge-ok', rejected: 'badge-bad', released: '', expired: 'badge-bad' },
  wish: { published: 'badge-warn', fulfilled: 'badge-ok', withdrawn: 'badge-bad' },
  helper: { pending: 'badge-warn', approved: 'badge-ok', rejected: 'badge-bad', suspended: 'badge-bad' },
  activity: { submitted: 'badge-warn', approved: 'badge-ok', completed: 'badge-ok', rejected: 'badge-bad', cancelled: 'badge-bad' },
  slot: { open: 'badge-warn', closed: 'badge-ok', cancelled: 'badge-bad' },
};

/** The status of a claim, a wish, a helper (volunteer or organization), an activity or a slot, as a coloured badge. */
export function StatusBadge({ kind, status }: { kind: keyof typeof BADGES; status: string }) {
  const t = useT();
  return <span className={`badge ${BADGES[kind][status] ?? ''}`}>{t(`${kind}.status.${status}`)}</span>;
}

/** The first cells of a row in a list of things with a status: the status as a badge, then the title linked to its page, and what follows it. */
export function StatusTitleCells({ kind, status, to, title, children }: { kind: keyof typeof BADGES; status: string; to: string; title: string; children?: ReactNode }) {
  return (
    <>
      <td>
        <StatusBadge kind={kind} status={status} />
      </td>
      <td className="cell-wrap">
        <Link to={to}>{title}</Link>
        {children}
      </td>
    </>
  );
}

export const ClaimStatusBadge = ({ status }: { status: string }) => <StatusBadge kind="claim" status={status} />;
export const WishStatusBadge = ({ status }: { status: string }) => <StatusBadge kind="wish" status={status} />;

/** The public face of the child a wish is for: never more than alias, age band and county. */
export interface WishChildFace {
  alias: string;
  ageBand: string;
  countyZh: string;
  countyEn: string;
}

/** The line under a wish's title: alias (or what `alias` puts in its place), age band, county; `children` adds to it. */
export function WishChildLine({ wish, alias, children }: { wish: WishChildFace; alias?: ReactNode; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="meta">
      <span>{alias ?? wish.alias}</span>
      <span>{t('wishes.age', { band: wish.ageBand })}</span>
      <span>{locale === 'en' ? wish.countyEn : wish.countyZh}</span>
      {children}
    </p>
  );
}

/** What is wished for: category, value and deadline; `children` adds to the line (a status badge, a link). */
export function WishFactsLine({ wish, children }: { wish: { category: string; valueFen: number; deadlineAt: number | null }; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="meta">
      <span className="badge">{t(`wish.category.${wish.category}`)}</span>
      <span>
        {t('wishes.value')} {formatMoney(wish.valueFen)}
      </span>
      {wish.deadlineAt ? (
        <span>
          {t('wishes.deadline')} {formatDate(wish.deadlineAt, locale)}
        </span>
      ) : null}
      {children}
    </p>
  );
}

export function WishStory({ story }: { story: string }) {
  return (
    <div className="hero wish-story">
      <p>{story}</p>
    </div>
  );
}

export interface TimelineEvent {
  id: string;
  at: number;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  actorName?: string | null;
}

/** The history of one object, from its audit events. Without actor names on public pages. */
/** A history drawn from audit events. `returnReasons`: show why a wish was sent back (staff pages only). */
export function Timeline({ events, kind, returnReasons = false }: { events: TimelineEvent[]; kind: 'wish' | 'claim' | 'child'; returnReasons?: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (events.length === 0) return <p>{t('common.none')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e) => {
        const action = t(`timeline.${e.action}`);
        // "Claimed → Claimed" says nothing: the new status only when it adds to the step's name.
        const status = e.toStatus && kind !== 'child' ? t(`${kind}.status.${e.toStatus}`) : null;
        return (
          <li key={e.id}>
            <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, locale)}</time> <strong>{action}</strong>
            {status && status !== action ? <> → {status}</> : null}
            {e.actorName !== undefined ? <> · {e.actorName ?? t('timeline.system')}</> : null}
            {e.note === 'wish_withdrawn' ? <> · {t('timeline.note.wish_withdrawn')}</> : null}
            {returnReasons && e.action === 'return_to_draft' && e.note ? (
              <>
                {' '}
                · {t('wish.returned.reason')}
                <Lines text={e.note} />
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Text typed in a textarea, its line breaks kept (no inline styles under the CSP). */
export function Lines({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}
