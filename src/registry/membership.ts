import type { Queryable } from '../platform/db/db.js';

/** Roles an agency can have in a mechanism; only `member` decides audiences. */
export const MEMBERSHIP_ROLES = ['member', 'observer', 'dialogue_partner', 'secretariat'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** One membership as the pure rule sees it (dates are YYYY-MM-DD). */
export interface MembershipFact {
  mechanismCode: string;
  agencyCode: string;
  role: MembershipRole;
  joinedOn: string;
  /** The first day the agency is no longer a member; null while it still is. */
  leftOn: string | null;
  retracted?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  }
}

/** Whether a membership holds on a date: joined on or before it and not yet left (left_on is exclusive). */
export function holdsOn(m: Pick<MembershipFact, 'joinedOn' | 'leftOn'>, date: string): boolean {
  // ISO dates compare correctly as strings.
  return m.joinedOn <= date && (m.leftOn === null || m.leftOn > date);
}

/**
 * Pure counterpart of membersAt: sorted, distinct agency codes with role `member` of a mechanism on a date.
 */
export function membersAtIn(facts: readonly MembershipFact[], mechanismCode: string, date: string): string[] {
  checkDate(date);
  const codes = new Set<string>();
  for (const m of facts) {
    if (m.mechanismCode === mechanismCode && m.role === 'member' && !m.retracted && holdsOn(m, date))
      codes.add(m.agencyCode);
  }
  return [...codes].sort();
}

/**
 * Agency codes (sorted, distinct) whose role in the mechanism is `member` on `date` (YYYY-MM-DD): joined on or before
 * the date and not left by it. Retracted memberships, agencies and mechanisms count as never having existed.
 * Federation uses this to decide who is in a mechanism audience for a record of that date.
 */
export async function membersAt(db: Queryable, mechanismCode: string, date: string): Promise<string[]> {
  checkDate(date);
  const { rows } = await db.query<{ code: string }>(
    `select distinct a.code
       from mechanism_memberships ms
       join mechanisms m on m.id = ms.mechanism_id
       join agencies a on a.id = ms.agency_id
      where m.code = $1 and ms.role = 'member'
        and ms.joined_on <= $2::date and (ms.left_on is null or ms.left_on > $2::date)
        and ms.retracted_at is null and m.retracted_at is null and a.retracted_at is null
      order by a.code`,
    [mechanismCode, date],
  );
  // Sorted again in JavaScript: the database's collation need not order codes as code points do.
  return rows.map((r) => r.code).sort();
}
