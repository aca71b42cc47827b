import { Form, Link } from '@remix-run/react';
import { formatDateTime } from '../i18n/index';
import type { SlotView } from '../views/signups';
import { useLocale, useT } from './i18n';

const BADGE: Record<string, string> = { confirmed: 'badge-ok', waitlisted: 'badge-warn', offered: 'badge-warn' };

export function SignupStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge ${BADGE[status] ?? ''}`}>{t(`signup.status.${status}`)}</span>;
}

/** One button posting an intent about a slot (PRODUCT.md §6: intent with slotId). */
export function SlotButton({ intent, slotId, label, busy, className, action }: { intent: string; slotId: string; label: string; busy: boolean; className?: string; action?: string }) {
  return (
    <Form method="post" className="inline-form" action={action}>
      <input type="hidden" name="slotId" value={slotId} />
      <button type="submit" name="intent" value={intent} className={className} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

/** Under each slot: the helper's own state and what they can do, or why they cannot sign up. */
export function SlotSignupControls({ slot, signedIn, loginTo, busy }: { slot: SlotView; signedIn: boolean; loginTo: string; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const mine = slot.mine;
  if (mine) {
    return (
      <div className="my-signup" data-testid="my-signup">
        <p>
          <SignupStatusBadge status={mine.status} />{' '}
          {mine.status === 'waitlisted' && mine.position !== null ? t('signups.position', { n: mine.position }) : null}
          {mine.status === 'offered' && mine.offerExpiresAt !== null ? t('signups.offer_until', { time: formatDateTime(mine.offerExpiresAt, locale) }) : null}
        </p>
        <div className="actions">
          {mine.status === 'offered' ? (
            <>
              <SlotButton intent="accept_offer" slotId={slot.id} label={t('signups.accept_offer')} busy={busy} />
              <SlotButton intent="decline_offer" slotId={slot.id} label={t('signups.decline_offer')} busy={busy} className="secondary" />
            </>
          ) : null}
          {mine.canCancel && mine.status !== 'offered' ? (
            <SlotButton intent="cancel" slotId={slot.id} label={mine.status === 'waitlisted' ? t('signups.leave_waitlist') : t('signups.cancel')} busy={busy} className="secondary" />
          ) : null}
        </div>
        {!mine.canCancel && mine.status === 'confirmed' ? <p className="meta">{t('signups.ask_staff')}</p> : null}
      </div>
    );
  }
  if (slot.offer) {
    return (
      <div className="actions">
        <SlotButton intent="signup" slotId={slot.id} label={slot.offer === 'signup' ? t('signups.signup') : t('signups.join_waitlist')} busy={busy} />
      </div>
    );
  }
  if (!slot.refusal) return null;
  if (slot.refusal === 'signup.error.sign_in' && !signedIn) {
    return (
      <p className="meta">
        <Link to={loginTo}>{t('signups.login_to_signup')}</Link>
      </p>
    );
  }
  return <p className="meta" data-testid="signup-refusal">{t(slot.refusal)}</p>;
}
