import type { Db, Queryable } from '../platform/db/db.js';
import { type Interval, mergeIntervals, splitByGrain } from './stats.js';

// Statistics read from the rollups (never from the seizures table). Mechanism membership at the time of seizure
// joins the monthly rollup for whole months of membership and the daily rollup for the partial months at its ends.

export const DIMENSIONS = [
  'country',
  'region',
  'subregion',
  'mechanism',
  'drugGroup',
  'drug',
  'year',
  'month',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface StatsFilter {
  /** First and last month, YYYY-MM, inclusive. */
  from?: string;
  to?: string;
  /** Alpha-2 codes. */
  countries?: string[];
  /** M49 codes of regions, sub-regions or intermediate regions. */
  areas?: string[];
  drugs?: string[];
  /** Drug group codes; a parent group includes its sub-groups. */
  drugGroups?: string[];
  /** Only seizures made in a member country of these mechanisms at the time of seizure. */
  mechanisms?: string[];
  /** Count seizures flagged as exact or likely duplicates too (default: no). */
  includeDuplicates?: boolean;
}

export interface StatsRow {
  keys: Record<string, string | number | null>;
  kg: number;
  count: number;
  /** Seizures that have a kilogram equivalent (count - converted = seizures in plants, doses...). */
  converted: number;
}

const DIM_SQL: Record<Dimension, string> = {
  country: 's.country',
  region: 'c.region_code',
  subregion: 'c.subregion_code',
  mechanism: 's.mechanism',
  drugGroup: 'coalesce(g.parent_code, g.code)',
  drug: 's.drug_code',
  year: 's.year',
  month: 's.month',
};

/** How a grouped key is shown (formatting after grouping keeps the grouping on plain values). */
const DIM_OUT: Partial<Record<Dimension, (k: string) => string>> = {
  month: (k) => `to_char(${k}, 'YYYY-MM')`,
};

interface MembershipRow {
  mechanism: string;
  country: string;
  joined_on: string;
  left_on: string | null;
}

/** Member countries of mechanisms over time (merged per mechanism and country), from the registry. */
export async function membershipIntervals(
  db: Queryable,
  mechanisms?: string[],
): Promise<Map<string, Interval[]>> {
  const { rows } = await db.query<MembershipRow>(
    `select m.code as mechanism, a.country_alpha2 as country, to_char(ms.joined_on, 'YYYY-MM-DD') as joined_on,
            to_char(ms.left_on, 'YYYY-MM-DD') as left_on
       from mechanism_memberships ms
       join mechanisms m on m.id = ms.mechanism_id
       join agencies a on a.id = ms.agency_id
      where ms.role = 'member' and ms.retracted_at is null and m.retracted_at is null and a.retracted_at is null
        and a.country_alpha2 is not null and ($1::text[] is null or m.code = any($1::text[]))`,
    [mechanisms?.length ? mechanisms : null],
  );
  const grouped = new Map<string, Interval[]>();
  for (const r of rows) {
    const key = `${r.mechanism}\u0000${r.country}`;
    const list = grouped.get(key) ?? [];
    list.push({ from: r.joined_on, to: r.left_on });
    grouped.set(key, list);
  }
  for (const [key, list] of grouped) grouped.set(key, mergeIntervals(list));
  return grouped;
}

class Params {
  values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const monthStart = (ym: string) => `${ym}-01`;

/** Whether the period is whole years (or open), so the yearly rollup can answer. */
export const wholeYears = (f: StatsFilter) =>
  (!f.from || f.from.endsWith('-01')) && (!f.to || f.to.endsWith('-12'));

interface Grain {
  table: string;
  alias: string;
  /** The column a row's period is compared on, and the expressions of its year and month. */
  year: string;
  month: string;
  where: string[];
}

/**
 * The rows statistics aggregate, with columns (country, drug_code, year, month, kg, n, n_kg, mechanism): the yearly
 * rollup when the period is whole years and no month is asked for, else the monthly one; with mechanisms, each
 * membership read as whole years, whole months and partial days from the matching rollup.
 */
async function source(
  db: Queryable,
  f: StatsFilter,
  needMechanism: boolean,
  needMonth: boolean,
  needCountry: boolean,
  p: Params,
): Promise<string> {
  const useYears = !needMonth && wholeYears(f);
  // All countries together by month: the per-drug rollup answers (a time series without a country filter).
  if (!needMechanism && !needCountry && !useYears && !f.countries?.length && !f.areas?.length) {
    const w: string[] = [];
    if (!f.includeDuplicates) w.push('not m.duplicate');
    if (f.drugs?.length) w.push(`m.drug_code = any(${p.add(f.drugs)}::text[])`);
    if (f.from) w.push(`m.month >= ${p.add(monthStart(f.from))}::date`);
    if (f.to) w.push(`m.month <= ${p.add(monthStart(f.to))}::date`);
    return `select null::text as country, m.drug_code, extract(year from m.month)::int as year, m.month, m.kg, m.n, m.n_kg,
      null::text as mechanism from seizure_drug_monthly_rollups m ${w.length ? `where ${w.join(' and ')}` : ''}`;
  }
  const common = (alias: string) => {
    const w: string[] = [];
    if (!f.includeDuplicates) w.push(`not ${alias}.duplicate`);
    if (f.countries?.length) w.push(`${alias}.country = any(${p.add(f.countries)}::text[])`);
    if (f.drugs?.length) w.push(`${alias}.drug_code = any(${p.add(f.drugs)}::text[])`);
    return w;
  };
  // Built only when used: every parameter added must appear in the query.
  const yearlyGrain = (): Grain => {
    const g: Grain = {
      table: 'seizure_yearly_rollups',
      alias: 'y',
      year: 'y.year',
      month: 'null::date',
      where: common('y'),
    };
    if (f.from) g.where.push(`y.year >= ${p.add(Number(f.from.slice(0, 4)))}`);
    if (f.to) g.where.push(`y.year <= ${p.add(Number(f.to.slice(0, 4)))}`);
    return g;
  };
  const monthlyGrain = (): Grain => {
    const g: Grain = {
      table: 'seizure_rollups',
      alias: 'r',
      year: 'extract(year from r.month)::int',
      month: 'r.month',
      where: common('r'),
    };
    if (f.from) g.where.push(`r.month >= ${p.add(monthStart(f.from))}::date`);
    if (f.to) g.where.push(`r.month <= ${p.add(monthStart(f.to))}::date`);
    return g;
  };
  const select = (g: Grain, mechanism: string) =>
    `select ${g.alias}.country, ${g.alias}.drug_code, ${g.year} as year, ${g.month} as month, ${g.alias}.kg, ${g.alias}.n, ${g.alias}.n_kg, ${mechanism} as mechanism from ${g.table} ${g.alias}`;
  const where = (w: string[]) => (w.length ? `where ${w.join(' and ')}` : '');
  if (!needMechanism) {
    const g = useYears ? yearlyGrain() : monthlyGrain();
    return `${select(g, 'null::text')} ${where(g.where)}`;
  }
  const years: { mechanism: string; country: string; from_year: number; to_year: number | null }[] = [];
  const months: { mechanism: string; country: string; from_month: string; to_month: string | null }[] = [];
  const days: { mechanism: string; country: string; from_day: string; to_day: string }[] = [];
  for (const [key, list] of await membershipIntervals(db, f.mechanisms)) {
    const [mechanism, country] = key.split('\u0000') as [string, string];
    for (const interval of list) {
      const pieces = splitByGrain(interval, useYears);
      for (const y of pieces.years) years.push({ mechanism, country, from_year: y.from, to_year: y.to });
      for (const m of pieces.months) months.push({ mechanism, country, from_month: m.from, to_month: m.to });
      for (const d of pieces.days) days.push({ mechanism, country, from_day: d.from, to_day: d.to });
    }
  }
  // Each membership piece reads its rollup through the (country, period) index: a lateral join, one range each.
  const piece = (g: Grain, pieces: object[], spec: string, on: string) => {
    const cols = `${g.alias}.country, ${g.alias}.drug_code, ${g.year} as year, ${g.month} as month, ${g.alias}.kg, ${g.alias}.n, ${g.alias}.n_kg`;
    return `select ${cols}, i.mechanism from jsonb_to_recordset(${p.add(JSON.stringify(pieces))}::jsonb) as i(${spec})
      cross join lateral (select * from ${g.table} ${g.alias} where ${g.alias}.country = i.country and ${on}${g.where.length ? ` and ${g.where.join(' and ')}` : ''}) ${g.alias}`;
  };
  const parts: string[] = [];
  if (years.length) {
    parts.push(
      piece(
        yearlyGrain(),
        years,
        'mechanism text, country text, from_year int, to_year int',
        'y.year >= i.from_year and (i.to_year is null or y.year < i.to_year)',
      ),
    );
  }
  if (months.length) {
    parts.push(
      piece(
        monthlyGrain(),
        months,
        'mechanism text, country text, from_month date, to_month date',
        'r.month >= i.from_month and (i.to_month is null or r.month < i.to_month)',
      ),
    );
  }
  if (days.length || !parts.length) {
    const daily: Grain = {
      table: 'seizure_daily_rollups',
      alias: 'd',
      year: 'extract(year from d.day)::int',
      month: "date_trunc('month', d.day)::date",
      where: common('d'),
    };
    if (f.from) daily.where.push(`d.day >= ${p.add(monthStart(f.from))}::date`);
    if (f.to) daily.where.push(`d.day < (${p.add(monthStart(f.to))}::date + interval '1 month')`);
    parts.push(
      piece(
        daily,
        days,
        'mechanism text, country text, from_day date, to_day date',
        'd.day >= i.from_day and d.day < i.to_day',
      ),
    );
  }
  return parts.join('\n    union all\n    ');
}

/** Totals (kg-equivalent and count) grouped by up to three dimensions. */
export async function totals(
  db: Db,
  by: readonly Dimension[],
  f: StatsFilter,
  limit = 10_000,
): Promise<StatsRow[]> {
  const p = new Params();
  const needMechanism = by.includes('mechanism') || Boolean(f.mechanisms?.length);
  const needCountry = by.includes('country') || by.includes('region') || by.includes('subregion');
  const src = await source(db, f, needMechanism, by.includes('month'), needCountry, p);
  const where: string[] = [];
  if (f.areas?.length) {
    const v = p.add(f.areas);
    where.push(
      `(c.region_code = any(${v}::text[]) or c.subregion_code = any(${v}::text[]) or c.intermediate_region_code = any(${v}::text[]) or '001' = any(${v}::text[]))`,
    );
  }
  if (f.drugGroups?.length) {
    const v = p.add(f.drugGroups);
    where.push(`(g.code = any(${v}::text[]) or g.parent_code = any(${v}::text[]))`);
  }
  const dims = by.map((d, i) => `${DIM_SQL[d]} as k${i}`);
  const keys = by.map((_, i) => `k${i}`);
  // Join the small reference tables only when a filter or a dimension needs them.
  const needCountries = Boolean(f.areas?.length) || by.includes('region') || by.includes('subregion');
  const needGroups = Boolean(f.drugGroups?.length) || by.includes('drugGroup');
  const grouped = `select ${[...dims, 'sum(s.kg) as kg', 'sum(s.n) as n', 'sum(s.n_kg) as n_kg'].join(', ')}
    from (${src}) s
    ${needCountries ? 'join countries c on c.alpha2 = s.country' : ''}
    ${needGroups ? 'join drugs d on d.code = s.drug_code join drug_groups g on g.code = d.group_code' : ''}
    ${where.length ? `where ${where.join(' and ')}` : ''}
    ${keys.length ? `group by ${keys.join(', ')}` : ''}`;
  const out = by.map((d, i) => `${DIM_OUT[d]?.(`k${i}`) ?? `k${i}`} as k${i}`);
  const sql = `select ${[...out, 'kg::float8 as kg', 'n::bigint as n', 'n_kg::bigint as n_kg'].join(', ')} from (${grouped}) x
    ${keys.length ? `order by ${keys.join(', ')}` : ''} limit ${p.add(limit)}`;
  // Room to group in memory (a hash) rather than sort tens of thousands of rollup rows on disk.
  const { rows } = await db.transaction(async (tx) => {
    await tx.query("set local work_mem = '64MB'");
    return tx.query<Record<string, unknown>>(sql, p.values);
  });
  return rows.map((r) => ({
    keys: Object.fromEntries(by.map((d, i) => [d, (r[`k${i}`] as string | number | null) ?? null])),
    kg: Number(r.kg ?? 0),
    count: Number(r.n ?? 0),
    converted: Number(r.n_kg ?? 0),
  }));
}

export interface RouteRow {
  departure: string;
  destination: string;
  kg: number;
  count: number;
}

/**
 * The heaviest departure → destination routes of the seizures that name both as countries. Whole years read the
 * yearly route rollup (about a tenth of the rows); `grain: 'month'` forces the monthly one (tests compare the two).
 */
export async function topRoutes(
  db: Queryable,
  f: StatsFilter,
  limit: number,
  grain: 'auto' | 'month' = 'auto',
): Promise<RouteRow[]> {
  const p = new Params();
  const where: string[] = [];
  const yearly = grain === 'auto' && wholeYears(f);
  const table = yearly ? 'seizure_route_yearly_rollups' : 'seizure_route_rollups';
  if (yearly) {
    if (f.from) where.push(`r.year >= ${p.add(Number(f.from.slice(0, 4)))}::int`);
    if (f.to) where.push(`r.year <= ${p.add(Number(f.to.slice(0, 4)))}::int`);
  } else {
    if (f.from) where.push(`r.month >= ${p.add(monthStart(f.from))}::date`);
    if (f.to) where.push(`r.month <= ${p.add(monthStart(f.to))}::date`);
  }
  if (!f.includeDuplicates) where.push('not r.duplicate');
  if (f.drugs?.length) where.push(`r.drug_code = any(${p.add(f.drugs)}::text[])`);
  if (f.countries?.length) {
    const v = p.add(f.countries);
    where.push(`(r.departure = any(${v}::text[]) or r.destination = any(${v}::text[]))`);
  }
  let join = '';
  if (f.drugGroups?.length) {
    join = 'join drugs d on d.code = r.drug_code join drug_groups g on g.code = d.group_code';
    const v = p.add(f.drugGroups);
    where.push(`(g.code = any(${v}::text[]) or g.parent_code = any(${v}::text[]))`);
  }
  const { rows } = await db.query<{ departure: string; destination: string; kg: number; n: number }>(
    `select r.departure, r.destination, sum(r.kg)::float8 as kg, sum(r.n)::bigint as n from ${table} r ${join}
     ${where.length ? `where ${where.join(' and ')}` : ''}
     group by 1, 2 order by 3 desc, 4 desc, 1, 2 limit ${p.add(limit)}`,
    p.values,
  );
  return rows.map((r) => ({
    departure: r.departure,
    destination: r.destination,
    kg: Number(r.kg),
    count: Number(r.n),
  }));
}

export interface ReconciliationRow {
  country: string;
  drug: string;
  year: number;
  reportedKg: number | null;
  reportedRows: number;
  recordedKg: number;
  recordedCount: number;
}

/** Reported totals beside the sums of individual records, by country, drug and year. */
export async function reconciliation(
  db: Queryable,
  f: {
    fromYear?: number;
    toYear?: number;
    countries?: string[];
    drugs?: string[];
    includeDuplicates?: boolean;
  },
  limit: number,
): Promise<ReconciliationRow[]> {
  const p = new Params();
  const rw: string[] = ['t.duplicate_of is null'];
  const sw: string[] = [];
  if (f.fromYear) {
    rw.push(`t.year >= ${p.add(f.fromYear)}`);
    sw.push(`r.year >= ${p.add(f.fromYear)}`);
  }
  if (f.toYear) {
    rw.push(`t.year <= ${p.add(f.toYear)}`);
    sw.push(`r.year <= ${p.add(f.toYear)}`);
  }
  if (f.countries?.length) {
    const v = p.add(f.countries);
    rw.push(`t.country = any(${v}::text[])`);
    sw.push(`r.country = any(${v}::text[])`);
  }
  if (f.drugs?.length) {
    const v = p.add(f.drugs);
    rw.push(`t.drug_code = any(${v}::text[])`);
    sw.push(`r.drug_code = any(${v}::text[])`);
  }
  if (!f.includeDuplicates) sw.push('not r.duplicate');
  const { rows } = await db.query<{
    country: string;
    drug: string;
    year: number;
    reported_kg: number | null;
    reported_rows: number;
    recorded_kg: number | null;
    recorded_n: number | null;
  }>(
    `with rep as (
       select t.country, t.drug_code, t.year, sum(t.kg)::float8 as kg, count(*)::bigint as rows from reported_totals t
       where ${rw.join(' and ')} group by 1, 2, 3),
     rec as (
       select r.country, r.drug_code, r.year, sum(r.kg)::float8 as kg, sum(r.n)::bigint as n
       from seizure_yearly_rollups r ${sw.length ? `where ${sw.join(' and ')}` : ''} group by 1, 2, 3)
     select coalesce(rep.country, rec.country) as country, coalesce(rep.drug_code, rec.drug_code) as drug,
            coalesce(rep.year, rec.year) as year, rep.kg as reported_kg, coalesce(rep.rows, 0) as reported_rows,
            rec.kg as recorded_kg, rec.n as recorded_n
       from rep full join rec on rep.country = rec.country and rep.drug_code = rec.drug_code and rep.year = rec.year
      order by 1, 2, 3 limit ${p.add(limit)}`,
    p.values,
  );
  return rows.map((r) => ({
    country: r.country,
    drug: r.drug,
    year: Number(r.year),
    reportedKg: r.reported_kg === null ? null : Number(r.reported_kg),
    reportedRows: Number(r.reported_rows),
    recordedKg: Number(r.recorded_kg ?? 0),
    recordedCount: Number(r.recorded_n ?? 0),
  }));
}

export interface Summary {
  seizures: number;
  duplicates: number;
  kg: number;
  countries: number;
  firstMonth: string | null;
  lastMonth: string | null;
  reportedTotals: number;
  imports: number;
  importsRunning: number;
}

/** Counts for the home page, from the rollups and the small tables. */
export async function summary(db: Queryable): Promise<Summary> {
  const { rows } = await db.query<{
    seizures: number | null;
    duplicates: number | null;
    kg: number | null;
    countries: number;
    first: string | null;
    last: string | null;
  }>(
    `select sum(n) filter (where not duplicate)::bigint as seizures, sum(n) filter (where duplicate)::bigint as duplicates,
            sum(kg) filter (where not duplicate)::float8 as kg, count(distinct country)::int as countries,
            (select to_char(min(month), 'YYYY-MM') from seizure_rollups) as first,
            (select to_char(max(month), 'YYYY-MM') from seizure_rollups) as last
       from seizure_yearly_rollups`,
  );
  const other = await db.query<{ totals: number; imports: number; running: number }>(
    `select (select count(*) from reported_totals)::int as totals, (select count(*) from seizure_imports)::int as imports,
            (select count(*) from seizure_imports where status = 'running')::int as running`,
  );
  const r = rows[0]!;
  const o = other.rows[0]!;
  return {
    seizures: Number(r.seizures ?? 0),
    duplicates: Number(r.duplicates ?? 0),
    kg: Number(r.kg ?? 0),
    countries: Number(r.countries),
    firstMonth: r.first,
    lastMonth: r.last,
    reportedTotals: Number(o.totals),
    imports: Number(o.imports),
    importsRunning: Number(o.running),
  };
}
