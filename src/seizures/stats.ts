/** Statistics definitions: plain functions over rolled-up totals, no I/O. */

export interface Total {
  /** Sum of kilogram equivalents of the seizures that have one. */
  kg: number;
  /** Number of seizures, with or without a kilogram equivalent. */
  count: number;
}

export interface YearTotal extends Total {
  year: number;
}

export interface YearChange extends YearTotal {
  /** Change of kg against the year before; null for the first year or when the year before is missing. */
  kgChange: number | null;
  /** Relative change of kg (0.25 = +25 %); null when the year before had 0 kg or is missing. */
  kgChangeRatio: number | null;
  countChange: number | null;
  countChangeRatio: number | null;
}

const ratio = (now: number, before: number) => (before === 0 ? null : (now - before) / before);

/**
 * Year-on-year change. Years missing in between count as 0 (no seizures reported), so the change is always
 * against the calendar year before.
 */
export function yearOnYear(totals: readonly YearTotal[]): YearChange[] {
  if (!totals.length) return [];
  const byYear = new Map(totals.map((t) => [t.year, t]));
  const years = totals.map((t) => t.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const out: YearChange[] = [];
  for (let year = first; year <= last; year++) {
    const t = byYear.get(year) ?? { year, kg: 0, count: 0 };
    const before = year === first ? undefined : (byYear.get(year - 1) ?? { year: year - 1, kg: 0, count: 0 });
    out.push({
      year,
      kg: t.kg,
      count: t.count,
      kgChange: before ? t.kg - before.kg : null,
      kgChangeRatio: before ? ratio(t.kg, before.kg) : null,
      countChange: before ? t.count - before.count : null,
      countChangeRatio: before ? ratio(t.count, before.count) : null,
    });
  }
  return out;
}

export interface Share {
  part: Total;
  whole: Total;
  /** part / whole of kg; null when the whole is 0. */
  kgShare: number | null;
  countShare: number | null;
}

/** A group's share of a larger total (e.g. SCO members' heroin in all of Europe and Asia). */
export function share(part: Total, whole: Total): Share {
  return {
    part,
    whole,
    kgShare: whole.kg === 0 ? null : part.kg / whole.kg,
    countShare: whole.count === 0 ? null : part.count / whole.count,
  };
}

/** A half-open interval of days [from, to); to = null while it lasts. Dates are YYYY-MM-DD. */
export interface Interval {
  from: string;
  to: string | null;
}

/**
 * Merges overlapping or touching intervals (two agencies of one country in one mechanism must not count the
 * country's seizures twice).
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && (last.to === null || i.from <= last.to)) {
      if (last.to !== null && (i.to === null || i.to > last.to)) last.to = i.to;
    } else out.push({ ...i });
  }
  return out;
}

/** First day of the month of a date. */
export const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export interface MembershipSplit {
  /** Whole months in the interval, [fromMonth, toMonth) as first days of months; toMonth null = open. */
  fullMonths: { from: string; to: string | null } | null;
  /** Day ranges at either end that cover only part of a month: [from, to). */
  partialDays: { from: string; to: string }[];
}

/**
 * Splits a membership interval into whole months (read from the monthly rollup) and the days of the partial
 * months at its ends (read from the daily rollup), so membership is exact to the day without reading seizures.
 */
export function splitInterval(i: Interval): MembershipSplit {
  const startMonth = monthOf(i.from);
  const fullFrom = i.from === startMonth ? startMonth : nextMonth(startMonth);
  const fullTo = i.to === null ? null : monthOf(i.to);
  const partialDays: { from: string; to: string }[] = [];
  if (fullTo !== null && fullTo < fullFrom) {
    // Starts and ends inside one month.
    return { fullMonths: null, partialDays: [{ from: i.from, to: i.to! }] };
  }
  if (i.from !== fullFrom) partialDays.push({ from: i.from, to: fullFrom });
  if (i.to !== null && fullTo !== null && i.to !== fullTo) partialDays.push({ from: fullTo, to: i.to });
  const fullMonths = fullTo !== null && fullTo <= fullFrom ? null : { from: fullFrom, to: fullTo };
  return { fullMonths, partialDays };
}

/** Every month from `from` to `to` (first days, inclusive), for time series with gaps filled with zeros. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = nextMonth(m)) out.push(m);
  return out;
}

export interface Difference {
  reported: number | null;
  recorded: number;
  difference: number | null;
  /** recorded / reported - 1; null when reported is 0 or missing. */
  relative: number | null;
}

/** Reconciliation: a reported total beside the sum of individual records. */
export function difference(reported: number | null, recorded: number): Difference {
  if (reported === null) return { reported, recorded, difference: null, relative: null };
  return {
    reported,
    recorded,
    difference: recorded - reported,
    relative: reported === 0 ? null : recorded / reported - 1,
  };
}

/** The pieces a membership interval is read in: whole years, whole months and days. */
export interface Pieces {
  /** [from, to) years; to = null while open. */
  years: { from: number; to: number | null }[];
  months: { from: string; to: string | null }[];
  days: { from: string; to: string }[];
}

/**
 * Splits an interval into whole years (yearly rollup), the whole months around them (monthly rollup) and the days
 * of partial months (daily rollup); without `useYears`, into whole months and days only.
 */
export function splitByGrain(i: Interval, useYears: boolean): Pieces {
  const split = splitInterval(i);
  const pieces: Pieces = { years: [], months: [], days: split.partialDays };
  const m = split.fullMonths;
  if (!m) return pieces;
  if (!useYears) {
    pieces.months.push(m);
    return pieces;
  }
  const fromYear = Number(m.from.slice(0, 4)) + (m.from.slice(5, 7) === '01' ? 0 : 1);
  const toYear = m.to === null ? null : Number(m.to.slice(0, 4));
  if (toYear !== null && fromYear >= toYear) {
    pieces.months.push(m);
    return pieces;
  }
  pieces.years.push({ from: fromYear, to: toYear });
  const yearStart = `${fromYear}-01-01`;
  if (m.from < yearStart) pieces.months.push({ from: m.from, to: yearStart });
  if (toYear !== null && m.to !== null && `${toYear}-01-01` < m.to)
    pieces.months.push({ from: `${toYear}-01-01`, to: m.to });
  return pieces;
}
