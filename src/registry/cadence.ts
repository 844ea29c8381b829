/**
 * Meeting cadences (pure): "ministerial every two years, senior officials every year" become projected dates of the
 * next meetings, counted on from the last meeting of that level (or from the cadence's anchor when none is known).
 */
import { addMonths } from './rules.js';

export const MEETING_LEVELS = [
  'summit',
  'ministerial',
  'senior_officials',
  'heads_of_agency',
  'expert',
  'working_group',
  'conference',
  'other',
] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];

export interface Cadence {
  level: MeetingLevel;
  /** One meeting of this level every so many months (24 = every two years). */
  everyMonths: number;
  /** The working group the cadence is for, when it is a working group's (code from the mechanism). */
  workingGroup?: string | null;
  /** First meeting date to count from when no meeting of this level is recorded; null = cannot be projected. */
  since?: string | null;
}

export interface KnownMeeting {
  level: MeetingLevel;
  workingGroup?: string | null;
  startsOn: string;
  status: 'planned' | 'held' | 'cancelled';
}

export interface ProjectedMeeting {
  level: MeetingLevel;
  workingGroup: string | null;
  on: string;
  /** Date of the meeting the projection counts from, or the cadence's anchor. */
  basis: string;
  basisKind: 'last-meeting' | 'anchor';
}

/**
 * The next `count` dates on or after `from` of one cadence. The sequence runs from the latest recorded meeting of
 * the same level (and working group), not cancelled, or from `since` when there is none; it stops before
 * `until` (a mechanism's dissolution). Without any basis nothing can be projected and the result is empty.
 */
export function projectCadence(
  cadence: Cadence,
  meetings: readonly KnownMeeting[],
  from: string,
  count: number,
  until: string | null = null,
): ProjectedMeeting[] {
  if (!Number.isInteger(cadence.everyMonths) || cadence.everyMonths < 1) {
    throw new RangeError(`a cadence is a whole number of months of at least 1, got ${cadence.everyMonths}`);
  }
  const group = cadence.workingGroup ?? null;
  let basis: string | null = null;
  for (const m of meetings) {
    if (m.level !== cadence.level || (m.workingGroup ?? null) !== group || m.status === 'cancelled') continue;
    if (basis === null || m.startsOn > basis) basis = m.startsOn;
  }
  const basisKind = basis === null ? 'anchor' : 'last-meeting';
  const start = basis ?? cadence.since ?? null;
  if (start === null) return [];
  const out: ProjectedMeeting[] = [];
  // The basis meeting itself is not a projection; the first projected date is one period after it. An anchor is
  // the first meeting of the sequence, so it counts.
  let k = basisKind === 'last-meeting' ? 1 : 0;
  // Jump close to `from` without stepping through decades of months one by one.
  const startMonths = monthIndex(start);
  const fromMonths = monthIndex(from);
  if (fromMonths > startMonths)
    k = Math.max(k, Math.floor((fromMonths - startMonths) / cadence.everyMonths) - 1);
  while (out.length < count) {
    const on = addMonths(start, k * cadence.everyMonths);
    k++;
    if (until !== null && on >= until) break;
    if (on < from) continue;
    out.push({ level: cadence.level, workingGroup: group, on, basis: start, basisKind });
  }
  return out;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

export interface MechanismSchedule {
  code: string;
  cadences: readonly Cadence[];
  dissolvedOn: string | null;
  meetings: readonly KnownMeeting[];
}

export interface UpcomingMeeting extends ProjectedMeeting {
  mechanism: string;
}

/**
 * Projected meetings of several mechanisms between `from` and `to` (inclusive), earliest first. Projections count
 * on from the latest recorded meeting of their level, planned ones included, so a meeting already planned is not
 * projected a second time.
 */
export function projectedMeetings(
  schedules: readonly MechanismSchedule[],
  from: string,
  to: string,
): UpcomingMeeting[] {
  const out: UpcomingMeeting[] = [];
  for (const s of schedules) {
    for (const cadence of s.cadences) {
      // Enough projections to cover the window; at most one a month.
      const window = Math.max(
        1,
        Math.ceil((monthIndex(to) - monthIndex(from) + 1) / cadence.everyMonths) + 1,
      );
      for (const p of projectCadence(cadence, s.meetings, from, window, s.dissolvedOn)) {
        if (p.on > to) break;
        out.push({ ...p, mechanism: s.code });
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.on.localeCompare(b.on) || a.mechanism.localeCompare(b.mechanism) || a.level.localeCompare(b.level),
  );
}
