/**
 * Pure rules of the cooperation registry: dates, the life of a mechanism, commitments that are overdue, search keys.
 * No I/O. Cadence arithmetic is in cadence.ts, unit and currency conversion in conversion.ts, totals in totals.ts.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
export function isoDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/**
 * `date` plus whole months. A day that does not exist in the target month becomes that month's last day
 * (31 January + 1 month = 28 or 29 February), so a cadence anchored on a month's end stays on month ends.
 */
export function addMonths(date: string, months: number): string {
  const m = ISO_DATE.exec(date);
  if (!m || !Number.isInteger(months)) throw new RangeError(`cannot add ${months} months to "${date}"`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A problem with one field of an input: JSON-pointer-like path below the record ("/leftOn") and why. */
export interface RuleError {
  field: string;
  message: string;
}

/** Membership dates: the leave date, when given, is after the join date (left_on is the first day as non-member). */
export function checkMembershipDates(joinedOn: string, leftOn: string | null): RuleError[] {
  if (leftOn !== null && leftOn <= joinedOn) {
    return [{ field: 'leftOn', message: `leave date ${leftOn} is not after the join date ${joinedOn}` }];
  }
  return [];
}

/** Whether two half-open periods [joinedOn, leftOn) share a day; a null leftOn runs on. */
export function periodsOverlap(
  a: { joinedOn: string; leftOn: string | null },
  b: { joinedOn: string; leftOn: string | null },
): boolean {
  return (a.leftOn === null || b.joinedOn < a.leftOn) && (b.leftOn === null || a.joinedOn < b.leftOn);
}

/** Two dates of one record that must be in order (a start and an end), both optional. */
export function checkOrder(
  earlier: { field: string; value: string | null },
  later: { field: string; value: string | null },
  strict = false,
): RuleError[] {
  if (earlier.value === null || later.value === null) return [];
  const bad = strict ? later.value <= earlier.value : later.value < earlier.value;
  if (!bad) return [];
  return [
    {
      field: later.field,
      message: `${later.value} is ${strict ? 'not after' : 'before'} ${earlier.field} ${earlier.value}`,
    },
  ];
}

/** The life of a mechanism: from its establishment (if known) up to, not including, its dissolution (if any). */
export interface MechanismLife {
  code: string;
  establishedOn: string | null;
  dissolvedOn: string | null;
  /** Precision of establishedOn: a mechanism established "in 1993" or "in October 1993" is stored as its first day. */
  establishedPrecision?: 'day' | 'month' | 'year';
}

/** A meeting must fall within its mechanism's life. */
export function checkMeetingInLife(
  life: MechanismLife,
  startsOn: string,
  endsOn: string | null,
): RuleError[] {
  const errors: RuleError[] = [];
  if (life.establishedOn !== null && startsOn < life.establishedOn) {
    errors.push({
      field: 'startsOn',
      message: `${startsOn} is before mechanism ${life.code} was established (${life.establishedOn})`,
    });
  }
  const last = endsOn ?? startsOn;
  if (life.dissolvedOn !== null && last >= life.dissolvedOn) {
    errors.push({
      field: endsOn ? 'endsOn' : 'startsOn',
      message: `${last} is not before mechanism ${life.code} was dissolved (${life.dissolvedOn})`,
    });
  }
  return errors;
}

export const COMMITMENT_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** A commitment is overdue when its due date has passed and it is neither done nor dropped. */
export function isOverdue(c: { dueOn: string | null; status: CommitmentStatus }, today: string): boolean {
  return c.dueOn !== null && c.dueOn < today && (c.status === 'open' || c.status === 'in_progress');
}

/** Whole days a commitment is late on `today` (0 when not overdue). */
export function daysOverdue(c: { dueOn: string | null; status: CommitmentStatus }, today: string): number {
  if (!isOverdue(c, today) || c.dueOn === null) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${c.dueOn}T00:00:00Z`)) / 86_400_000);
}

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The form names are searched in: Unicode compatibility forms unified (full-width Ａ → A), lower case, accents
 * dropped, punctuation and spaces folded to one space. Chinese and Cyrillic letters are kept as they are, so
 * "大湄公河", "greater mekong" and "ＧＲＥＡＴＥＲ-Mekong" each find the Greater Mekong MOU.
 */
export function searchForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(NOT_WORD, ' ')
    .trim()
    .normalize('NFC');
}

/** The stored search key of a record: each text in search form, joined by a separator no query can contain. */
export function searchKey(texts: readonly (string | null | undefined)[]): string {
  return texts
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    .map(searchForm)
    .join(' | ');
}
