/** A mechanism's member timeline (pure): who was in it, in which role, from when to when, and each change. */
import { type MembershipFact, membersAtIn } from './membership.js';

export interface TimelineAgency {
  agency: string;
  periods: { role: string; joinedOn: string; leftOn: string | null }[];
}

export interface TimelineStep {
  /** A day on which the membership changed. */
  on: string;
  joined: string[];
  left: string[];
  /** Members (role `member`) from that day. */
  members: string[];
}

export interface Timeline {
  mechanism: string;
  agencies: TimelineAgency[];
  steps: TimelineStep[];
}

export function memberTimeline(mechanism: string, facts: readonly MembershipFact[]): Timeline {
  const own = facts.filter((f) => f.mechanismCode === mechanism && !f.retracted);
  const byAgency = new Map<string, TimelineAgency>();
  for (const f of [...own].sort((a, b) => a.joinedOn.localeCompare(b.joinedOn))) {
    const entry = byAgency.get(f.agencyCode) ?? { agency: f.agencyCode, periods: [] };
    entry.periods.push({ role: f.role, joinedOn: f.joinedOn, leftOn: f.leftOn });
    byAgency.set(f.agencyCode, entry);
  }
  const days = new Set<string>();
  for (const f of own) {
    days.add(f.joinedOn);
    if (f.leftOn) days.add(f.leftOn);
  }
  const steps = [...days].sort().map((on) => ({
    on,
    joined: own
      .filter((f) => f.joinedOn === on)
      .map((f) => `${f.agencyCode}${f.role === 'member' ? '' : ` (${f.role})`}`)
      .sort(),
    left: own
      .filter((f) => f.leftOn === on)
      .map((f) => `${f.agencyCode}${f.role === 'member' ? '' : ` (${f.role})`}`)
      .sort(),
    members: membersAtIn(own, mechanism, on),
  }));
  const agencies = [...byAgency.values()].sort(
    (a, b) =>
      (a.periods[0]?.joinedOn ?? '').localeCompare(b.periods[0]?.joinedOn ?? '') ||
      a.agency.localeCompare(b.agency),
  );
  return { mechanism, agencies, steps };
}
