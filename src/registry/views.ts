/** Queries behind the registry's derived views; the arithmetic is in the pure modules they call. */
import type { Queryable } from '../platform/db/db.js';
import {
  type KnownMeeting,
  type MechanismSchedule,
  projectedMeetings,
  type UpcomingMeeting,
} from './cadence.js';
import type { ExchangeRate } from './conversion.js';
import { KINDS } from './kinds/index.js';
import type { MembershipFact } from './membership.js';
import { daysOverdue, searchKey } from './rules.js';
import { type AdFacts, adTotals, officersByCountry, type TrainingFacts } from './totals.js';

export async function membershipFacts(db: Queryable, mechanismCode?: string): Promise<MembershipFact[]> {
  const { rows } = await db.query<MembershipFact>(
    `select m.code as "mechanismCode", a.code as "agencyCode", ms.role, ms.joined_on::text as "joinedOn",
            ms.left_on::text as "leftOn"
       from mechanism_memberships ms
       join mechanisms m on m.id = ms.mechanism_id
       join agencies a on a.id = ms.agency_id
      where ms.retracted_at is null and m.retracted_at is null and a.retracted_at is null
        and ($1::text is null or m.code = $1)
      order by ms.joined_on, a.code`,
    [mechanismCode ?? null],
  );
  return rows;
}

export interface ScheduledMeeting {
  kind: 'recorded';
  id: string;
  mechanism: string;
  level: string;
  workingGroup: string | null;
  on: string;
  endsOn: string | null;
  status: string;
  names: { en: string | null; zh: string | null; ru: string | null };
  place: string | null;
}

/** Recorded meetings in [from, to] that are not cancelled, and meetings projected from cadences. */
export async function upcomingMeetings(
  db: Queryable,
  from: string,
  to: string,
  mechanismCode?: string,
): Promise<{ recorded: ScheduledMeeting[]; projected: UpcomingMeeting[] }> {
  const mechanisms = await db.query<{
    id: string;
    code: string;
    cadences: MechanismSchedule['cadences'];
    dissolvedOn: string | null;
  }>(
    `select id, code, cadences, dissolved_on::text as "dissolvedOn" from mechanisms
      where retracted_at is null and ($1::text is null or code = $1)`,
    [mechanismCode ?? null],
  );
  const meetings = await db.query<KnownMeeting & { mechanismId: string }>(
    `select mechanism_id as "mechanismId", level, working_group as "workingGroup", starts_on::text as "startsOn", status
       from meetings where retracted_at is null`,
  );
  const byMechanism = new Map<string, KnownMeeting[]>();
  for (const m of meetings.rows)
    byMechanism.set(m.mechanismId, [...(byMechanism.get(m.mechanismId) ?? []), m]);
  const schedules: MechanismSchedule[] = mechanisms.rows
    .filter((m) => m.cadences.length > 0)
    .map((m) => ({
      code: m.code,
      cadences: m.cadences,
      dissolvedOn: m.dissolvedOn,
      meetings: byMechanism.get(m.id) ?? [],
    }));
  const recorded = await db.query<
    Omit<ScheduledMeeting, 'kind' | 'names'> & {
      name_en: string | null;
      name_zh: string | null;
      name_ru: string | null;
    }
  >(
    `select t.id, m.code as mechanism, t.level, t.working_group as "workingGroup", t.starts_on::text as "on",
            t.ends_on::text as "endsOn", t.status, t.name_en, t.name_zh, t.name_ru, t.place
       from meetings t join mechanisms m on m.id = t.mechanism_id
      where t.retracted_at is null and t.status <> 'cancelled' and t.starts_on between $1::date and $2::date
        and ($3::text is null or m.code = $3)
      order by t.starts_on, m.code`,
    [from, to, mechanismCode ?? null],
  );
  return {
    recorded: recorded.rows.map(({ name_en, name_zh, name_ru, ...r }) => ({
      kind: 'recorded' as const,
      ...r,
      names: { en: name_en, zh: name_zh, ru: name_ru },
    })),
    projected: projectedMeetings(schedules, from, to),
  };
}

export interface OverdueCommitment {
  id: string;
  names: { en: string | null; zh: string | null; ru: string | null };
  owners: string[];
  dueOn: string;
  status: string;
  daysOverdue: number;
  demo: boolean;
}

export async function overdueCommitments(
  db: Queryable,
  today: string,
  limit = 50,
): Promise<{ total: number; items: OverdueCommitment[] }> {
  const where = `retracted_at is null and status in ('open', 'in_progress') and due_on < $1::date`;
  const count = await db.query<{ n: number }>(`select count(*)::int as n from commitments where ${where}`, [
    today,
  ]);
  const { rows } = await db.query<{
    id: string;
    name_en: string | null;
    name_zh: string | null;
    name_ru: string | null;
    owners: string[];
    dueOn: string;
    status: 'open' | 'in_progress';
    demo: boolean;
  }>(
    `select id, name_en, name_zh, name_ru, owners, due_on::text as "dueOn", status, demo
       from commitments where ${where} order by due_on, id limit $2`,
    [today, limit],
  );
  return {
    total: Number(count.rows[0]?.n ?? 0),
    items: rows.map(({ name_en, name_zh, name_ru, ...r }) => ({
      ...r,
      names: { en: name_en, zh: name_zh, ru: name_ru },
      daysOverdue: daysOverdue(r, today),
    })),
  };
}

export async function trainingTotals(db: Queryable, from?: string, to?: string) {
  const { rows } = await db.query<TrainingFacts>(
    `select id, starts_on::text as "startsOn", ends_on::text as "endsOn", participants, officers_total as "officersTotal",
            officers_total_is_minimum as "officersTotalIsMinimum"
       from training_programmes where retracted_at is null`,
  );
  return officersByCountry(rows, from, to);
}

export async function exchangeRates(db: Queryable): Promise<ExchangeRate[]> {
  const { rows } = await db.query<ExchangeRate>(
    `select currency, to_currency as "toCurrency", rate::float8 as rate, valid_on::text as "validOn"
       from exchange_rates order by valid_on`,
  );
  return rows;
}

export async function adProjectTotals(
  db: Queryable,
  options: { currency?: string; from?: string; to?: string },
) {
  const { rows } = await db.query<AdFacts>(
    `select id, countries, area_value::float8 as "areaValue", area_unit as "areaUnit", area_as_of::text as "areaAsOf",
            starts_on::text as "startsOn", ends_on::text as "endsOn", funding
       from ad_projects where retracted_at is null`,
  );
  return adTotals(rows, { ...options, rates: options.currency ? await exchangeRates(db) : [] });
}

export interface SearchHit {
  kind: string;
  path: string;
  id: string;
  code: string | null;
  names: { en: string | null; zh: string | null; ru: string | null };
  demo: boolean;
}

/** Records of every named kind whose names (any language), code or places contain the query. */
export async function searchRegistry(db: Queryable, q: string, limit = 50): Promise<SearchHit[]> {
  const key = searchKey([q]);
  if (!key) return [];
  const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const hits: SearchHit[] = [];
  for (const kind of KINDS.filter((k) => k.names)) {
    const { rows } = await db.query<{
      id: string;
      code: string | null;
      name_en: string | null;
      name_zh: string | null;
      name_ru: string | null;
      demo: boolean;
    }>(
      `select id, ${kind.code ? 'code' : 'null::text as code'}, name_en, name_zh, name_ru, demo from ${kind.table}
        where retracted_at is null and search_key like $1 order by ${kind.code ? 'code' : 'id'} limit $2`,
      [pattern, limit],
    );
    for (const r of rows) {
      hits.push({
        kind: kind.name,
        path: kind.path,
        id: r.id,
        code: r.code,
        names: { en: r.name_en, zh: r.name_zh, ru: r.name_ru },
        demo: r.demo,
      });
    }
  }
  return hits.slice(0, limit);
}

/** Counts of live records of each kind, and how many of them are demo data. */
export async function registryCounts(
  db: Queryable,
): Promise<Record<string, { total: number; demo: number }>> {
  const out: Record<string, { total: number; demo: number }> = {};
  for (const kind of KINDS) {
    const { rows } = await db.query<{ total: number; demo: number }>(
      `select count(*)::int as total, count(*) filter (where demo)::int as demo from ${kind.table} where retracted_at is null`,
    );
    out[kind.path] = { total: Number(rows[0]?.total ?? 0), demo: Number(rows[0]?.demo ?? 0) };
  }
  return out;
}
