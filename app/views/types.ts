import type { HelperStatus } from '../domain/actor';

// Plain shapes that services return and components render. Types only, no server code: components
// import them from here (they never import *.server.ts).

/** One claim of a helper (claimsOfHelper in my-claims.server.ts): only the wish's public face. */
export interface HelperClaim {
  id: string;
  wishId: string;
  /** The public page of the wish, where the helper releases or marks delivery. */
  url: string;
  title: string;
  alias: string;
  ageBand: string;
  countyZh: string;
  countyEn: string;
  status: string;
  /** Set when claimed for an organization. */
  orgName: string | null;
  /** Catalogue key of what happens next. */
  nextStep: string;
  /** When the claim expires unless delivered (approved), or the wish's deadline (pending). */
  dueAt: number | null;
  reason: string | null;
  thanks: string | null;
  updatedAt: number;
}

/** One item of the staff's wish queues (wishQueues in wish-queues.server.ts). */
export interface WishQueueItem {
  id: string;
  /** The staff page of the object: /staff/wishes/:id or /staff/claims/:id. */
  url: string;
  title: string;
  alias: string;
  siteZh: string;
  siteEn: string;
  /** When it entered the queue (or, for claims about to expire, when it is due). */
  at: number;
  /** Who claimed (claims), who wrote it (reviews) or who sent it back (returned drafts). */
  who: string | null;
}

export interface WishQueuesData {
  /** The viewer's own drafts that a reviewer sent back, with who did (in `who`). */
  returned: WishQueueItem[];
  toReview: WishQueueItem[];
  toApprove: WishQueueItem[];
  toConfirm: WishQueueItem[];
  expiringSoon: WishQueueItem[];
}

export type HelperKind = 'volunteer' | 'organization';

/** One helper in a vetting list (vettingQueue in vetting.server.ts). */
export interface VettingQueueItem {
  id: string;
  kind: HelperKind;
  name: string;
  status: HelperStatus;
  caringParent: boolean;
  emailVerified: boolean | null;
  countyZh: string | null;
  countyEn: string | null;
  since: number;
  recheckDueAt: number | null;
}

export interface VettingQueueData {
  pending: VettingQueueItem[];
  recheckDue: VettingQueueItem[];
  recent: VettingQueueItem[];
  /** When the queue was read (server time), so "overdue" renders the same on server and client. */
  asOf: number;
}
