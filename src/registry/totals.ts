/**
 * Derived totals (pure): officers trained by country and year, alternative-development area and funding by country
 * and year. Figures a source gives for several countries together are never split: they are reported under the
 * countries joined with "+" (e.g. "LA+MM"), so no total invents a breakdown the source does not give.
 */
import { convertMoney, type ExchangeRate, toHectares } from './conversion.js';

export interface TrainingFacts {
  id: string;
  startsOn: string | null;
  endsOn: string | null;
  participants: { country: string; officers?: number | null }[];
  officersTotal: number | null;
  officersTotalIsMinimum: boolean;
}

export interface OfficersRow {
  /** An alpha-2 code, or several joined by "+" when the source gives one figure for them together. */
  countries: string;
  /** Year of the programme's end (or start); null when the programme has no date. */
  year: number | null;
  officers: number;
  /** Some figure in the row was "over N". */
  isMinimum: boolean;
  programmes: number;
}

const yearOf = (date: string | null | undefined) => (date ? Number(date.slice(0, 4)) : null);

/** Whether [startsOn, endsOn] overlaps [from, to]; undated records are kept only when no period is asked for. */
export function inPeriod(
  startsOn: string | null,
  endsOn: string | null,
  from?: string,
  to?: string,
): boolean {
  if (!from && !to) return true;
  const start = startsOn ?? endsOn;
  const end = endsOn ?? startsOn;
  if (start === null || end === null) return false;
  return (!to || start <= to) && (!from || end >= from);
}

function addRow(
  rows: Map<string, OfficersRow>,
  countries: string,
  year: number | null,
  officers: number,
  isMinimum: boolean,
  id: string,
  counted: Set<string>,
) {
  const key = `${countries}|${year}`;
  const row = rows.get(key) ?? { countries, year, officers: 0, isMinimum: false, programmes: 0 };
  row.officers += officers;
  row.isMinimum ||= isMinimum;
  if (!counted.has(`${key}|${id}`)) {
    row.programmes += 1;
    counted.add(`${key}|${id}`);
  }
  rows.set(key, row);
}

/** Officers trained by country and year over the programmes that overlap [from, to]. */
export function officersByCountry(
  programmes: readonly TrainingFacts[],
  from?: string,
  to?: string,
): OfficersRow[] {
  const rows = new Map<string, OfficersRow>();
  const counted = new Set<string>();
  for (const p of programmes) {
    if (!inPeriod(p.startsOn, p.endsOn, from, to)) continue;
    const year = yearOf(p.endsOn ?? p.startsOn);
    let known = 0;
    const unknown: string[] = [];
    for (const part of p.participants) {
      if (part.officers === null || part.officers === undefined) unknown.push(part.country);
      else {
        known += part.officers;
        addRow(rows, part.country, year, part.officers, false, p.id, counted);
      }
    }
    const rest = p.officersTotal === null ? 0 : p.officersTotal - known;
    if (rest > 0 || (p.officersTotalIsMinimum && p.officersTotal !== null && unknown.length > 0)) {
      const who = unknown.length ? [...unknown].sort().join('+') : 'unallocated';
      addRow(rows, who, year, Math.max(rest, 0), p.officersTotalIsMinimum, p.id, counted);
    }
  }
  return [...rows.values()].sort(
    (a, b) => a.countries.localeCompare(b.countries) || (a.year ?? 0) - (b.year ?? 0),
  );
}

export interface AdFacts {
  id: string;
  countries: string[];
  areaValue: number | null;
  areaUnit: string | null;
  areaAsOf: string | null;
  startsOn: string | null;
  endsOn: string | null;
  funding: { amount: number; currency: string; on?: string | null; isMinimum?: boolean }[];
}

export interface AdRow {
  countries: string;
  year: number | null;
  hectares: number;
  /** Funding in each original currency, as given. */
  funding: Record<string, number>;
  /** Funding converted to the requested currency with the rate valid on each amount's date; null when none could be. */
  converted: number | null;
  currency: string | null;
  /** Amounts that could not be converted (no date or no rate), with why. */
  unconverted: { project: string; amount: number; currency: string; reason: string }[];
  isMinimum: boolean;
  projects: number;
}

/** Alternative-development area (hectares) and funding by country and year. */
export function adTotals(
  projects: readonly AdFacts[],
  options: { currency?: string; rates?: readonly ExchangeRate[]; from?: string; to?: string } = {},
): AdRow[] {
  type Work = AdRow & { ids: Set<string>; convertedAmounts: number };
  const rows = new Map<string, Work>();
  const row = (countries: string, year: number | null) => {
    const key = `${countries}|${year}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        countries,
        year,
        hectares: 0,
        funding: {},
        converted: options.currency ? 0 : null,
        currency: options.currency ?? null,
        unconverted: [],
        isMinimum: false,
        projects: 0,
        ids: new Set(),
        convertedAmounts: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  const touch = (r: Work, id: string) => {
    if (!r.ids.has(id)) {
      r.ids.add(id);
      r.projects += 1;
    }
  };
  for (const p of projects) {
    if (!inPeriod(p.startsOn ?? p.areaAsOf, p.endsOn ?? p.areaAsOf, options.from, options.to)) continue;
    const countries = [...p.countries].sort().join('+');
    if (p.areaValue !== null && p.areaUnit !== null) {
      const area = toHectares(p.areaValue, p.areaUnit);
      if (area.ok) {
        const r = row(countries, yearOf(p.areaAsOf ?? p.endsOn ?? p.startsOn));
        r.hectares += area.hectares;
        touch(r, p.id);
      }
    }
    for (const f of p.funding) {
      const date = f.on ?? p.startsOn;
      const r = row(countries, yearOf(date));
      touch(r, p.id);
      r.funding[f.currency] = (r.funding[f.currency] ?? 0) + f.amount;
      r.isMinimum ||= f.isMinimum === true;
      if (options.currency) {
        const money = convertMoney(f.amount, f.currency, options.currency, date ?? null, options.rates ?? []);
        if (money.ok) {
          r.converted = (r.converted ?? 0) + money.amount;
          r.convertedAmounts += 1;
        } else
          r.unconverted.push({
            project: p.id,
            amount: f.amount,
            currency: f.currency,
            reason: money.message,
          });
      }
    }
  }
  return (
    [...rows.values()]
      // Nothing converted at all is "no figure", not zero.
      .map(({ ids: _ids, convertedAmounts, ...r }) => ({
        ...r,
        converted: r.unconverted.length && !convertedAmounts ? null : r.converted,
      }))
      .sort((a, b) => a.countries.localeCompare(b.countries) || (a.year ?? 0) - (b.year ?? 0))
  );
}
