// What the caring-parent volunteer's pages show of a pairing (client-safe shapes; the services build them).
// Of the child: the alias, the age band and the county, nothing else.

/** A pairing on /me's "My pairings". */
export interface MyPairingRow {
  id: string;
  status: 'proposed' | 'active' | 'ended';
  childAlias: string;
  ageBand: string;
  countyZh: string;
  countyEn: string;
  /** Confirmed minutes, each log once. */
  creditedMinutes: number;
  /** The last confirmed contact (the day it happened, as UTC ms), or null. */
  lastContactAt: number | null;
  overdue: boolean;
  startedAt: number | null;
  endedAt: number | null;
}
