import type { SignupStatus } from '../domain/signup';

// Shapes of the sign-up pages (the activity page, /me), built by the services and rendered by components.

export interface MySlotState {
  signupId: string;
  status: SignupStatus;
  /** 1 = next, when waiting. */
  position: number | null;
  offerExpiresAt: number | null;
  /** Whether the helper may still cancel themselves; otherwise they ask staff. */
  canCancel: boolean;
}

export interface SlotView {
  id: string;
  startsAt: number;
  endsAt: number;
  siteZh: string;
  siteEn: string;
  place: string;
  capacity: number;
  placesLeft: number;
  status: 'open' | 'closed' | 'cancelled';
  /** What the viewer can press: sign up, join the waiting list, or nothing (then `refusal` says why). */
  offer: 'signup' | 'waitlist' | null;
  /** A catalogue key: why nobody, or this viewer, cannot sign up now. */
  refusal: string | null;
  mine: MySlotState | null;
}

export interface ColleagueChoice {
  orgId: string;
  orgName: string;
  members: { userId: string; name: string; onSlots: string[] }[];
}

export interface ColleagueResult {
  name: string;
  ok: boolean;
  status: string | null;
  message: { key: string; params?: Record<string, string | number> } | null;
}

/** One of a helper's sign-ups on /me. */
export interface MySignup {
  signupId: string;
  status: SignupStatus;
  position: number | null;
  offerExpiresAt: number | null;
  slotId: string;
  startsAt: number;
  endsAt: number;
  place: string;
  activityId: string;
  activityTitle: string;
  siteZh: string;
  siteEn: string;
}

export interface AttendedService {
  activityId: string;
  activityTitle: string;
  startsAt: number;
  minutes: number;
  siteZh: string;
  siteEn: string;
}

export interface MyActivities {
  upcoming: MySignup[];
  waiting: MySignup[];
  offers: MySignup[];
  attended: AttendedService[];
  /** Credited minutes per calendar year (Asia/Shanghai), newest year first. */
  minutesByYear: { year: string; minutes: number }[];
  /** The personal calendar feed's secret URL (null until the person has one). */
  feedUrl: string | null;
}
