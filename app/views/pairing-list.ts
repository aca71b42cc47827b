// What the staff's pairing overview hands the components (client-safe shapes).

/** The top of /staff: open concerns (urgent) and overdue pairings of the viewer's subtree. */
export interface PairingAlertsView {
  /** Concerns nobody has acknowledged yet, oldest first. Never their text. */
  concerns: { id: string; url: string; kind: string; raisedAt: number; childAlias: string; volunteerName: string; siteZh: string; siteEn: string }[];
  overdue: {
    total: number;
    /** The list filtered to overdue pairings. */
    url: string;
    /** The longest silent first, a few at most. */
    items: { id: string; url: string; childAlias: string; volunteerName: string; siteZh: string; siteEn: string; since: number }[];
  };
}

/** One pairing of a child's history on the child's staff page. */
export interface ChildPairingView {
  id: string;
  url: string;
  status: string;
  volunteerName: string;
  proposedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  confirmedVisits: number;
  confirmedMinutes: number;
}
