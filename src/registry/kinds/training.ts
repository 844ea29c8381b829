import { Type } from '@sinclair/typebox';
import { Strict } from '../../platform/http/schemas.js';
import type { RecordKind } from '../kind.js';
import { checkOrder, type RuleError } from '../rules.js';
import { AgencyCode, CountryCode, DateString, MechanismCode, Nullable, Uuid } from '../schemas.js';
import { checkAgencyList, col, inputSchemas, outputSchema, str } from './common.js';

export const SessionSchema = Strict({
  startsOn: Type.Optional(Nullable(DateString)),
  endsOn: Type.Optional(Nullable(DateString)),
  place: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 300 }))),
  country: Type.Optional(Nullable(CountryCode)),
  officers: Type.Optional(Nullable(Type.Integer())),
});
export const ParticipantSchema = Strict({
  country: CountryCode,
  officers: Type.Optional(
    Nullable(
      Type.Integer({ description: 'Officers trained from this country; null when the source gives none' }),
    ),
  ),
});

export interface Participant {
  country: string;
  officers?: number | null;
}

const own = {
  hosts: Type.Array(AgencyCode, { maxItems: 20 }),
  mechanism: Nullable(MechanismCode),
  agreement: Nullable(Uuid),
  startsOn: Nullable(DateString),
  endsOn: Nullable(DateString),
  sessionsCount: Nullable(Type.Integer()),
  sessions: Type.Array(SessionSchema, { maxItems: 500 }),
  participants: Type.Array(ParticipantSchema, { maxItems: 250 }),
  officersTotal: Nullable(Type.Integer()),
  officersTotalIsMinimum: Type.Boolean({ description: 'The source says "over N"' }),
};

/** Counts of a training programme that cannot be right, whatever the source. */
export function checkTrainingCounts(rec: {
  participants?: Participant[];
  officersTotal?: number | null;
  officersTotalIsMinimum?: boolean;
  sessionsCount?: number | null;
  sessions?: unknown[];
}): RuleError[] {
  const errors: RuleError[] = [];
  const participants = rec.participants ?? [];
  const seen = new Set<string>();
  let sum = 0;
  let allKnown = participants.length > 0;
  for (const [i, p] of participants.entries()) {
    if (seen.has(p.country))
      errors.push({ field: `participants/${i}/country`, message: `${p.country} is listed twice` });
    seen.add(p.country);
    if (p.officers === null || p.officers === undefined) allKnown = false;
    else if (p.officers < 0)
      errors.push({ field: `participants/${i}/officers`, message: `cannot be negative (${p.officers})` });
    else sum += p.officers;
  }
  const total = rec.officersTotal ?? null;
  if (total !== null && total < 0)
    errors.push({ field: 'officersTotal', message: `cannot be negative (${total})` });
  else if (total !== null && !rec.officersTotalIsMinimum) {
    if (sum > total)
      errors.push({
        field: 'officersTotal',
        message: `${total} is less than the ${sum} officers counted by country`,
      });
    else if (allKnown && sum !== total) {
      errors.push({
        field: 'officersTotal',
        message: `${total} differs from the ${sum} officers counted by country`,
      });
    }
  }
  const sessions = rec.sessionsCount ?? null;
  if (sessions !== null && sessions < 0)
    errors.push({ field: 'sessionsCount', message: `cannot be negative (${sessions})` });
  else if (sessions !== null && (rec.sessions?.length ?? 0) > sessions) {
    errors.push({
      field: 'sessionsCount',
      message: `${sessions} is less than the ${rec.sessions?.length} sessions listed`,
    });
  }
  return errors;
}

export const trainingKind: RecordKind = {
  name: 'training',
  type: 'registry.training',
  table: 'training_programmes',
  path: 'training',
  label: 'training programme',
  names: true,
  code: false,
  columns: [
    col('hosts', 'hosts', 'json', []),
    col('startsOn', 'starts_on', 'date'),
    col('endsOn', 'ends_on', 'date'),
    col('sessionsCount', 'sessions_count', 'int'),
    col('sessions', 'sessions', 'json', []),
    col('participants', 'participants', 'json', []),
    col('officersTotal', 'officers_total', 'int'),
    col('officersTotalIsMinimum', 'officers_total_is_minimum', 'bool', false),
  ],
  refs: [
    { api: 'mechanism', column: 'mechanism_id', table: 'mechanisms', by: 'code' },
    { api: 'agreement', column: 'agreement_id', table: 'agreements', by: 'id' },
  ],
  ...inputSchemas('Training', own, []),
  outputSchema: outputSchema('Training', {
    hosts: Type.Array(Type.String()),
    mechanism: Nullable(Type.String()),
    agreement: Nullable(Type.String()),
    startsOn: Nullable(Type.String()),
    endsOn: Nullable(Type.String()),
    sessionsCount: Nullable(Type.Integer()),
    sessions: Type.Array(
      Type.Object({
        startsOn: Type.Optional(Nullable(Type.String())),
        endsOn: Type.Optional(Nullable(Type.String())),
        place: Type.Optional(Nullable(Type.String())),
        country: Type.Optional(Nullable(Type.String())),
        officers: Type.Optional(Nullable(Type.Integer())),
      }),
    ),
    participants: Type.Array(
      Type.Object({ country: Type.String(), officers: Type.Optional(Nullable(Type.Integer())) }),
    ),
    officersTotal: Nullable(Type.Integer()),
    officersTotalIsMinimum: Type.Boolean(),
  }),
  filters: {
    host: { schema: AgencyCode, where: (p) => `t.hosts ? ${p}` },
    country: {
      schema: CountryCode,
      where: (p) => `t.participants @> jsonb_build_array(jsonb_build_object('country', ${p}::text))`,
    },
    mechanism: {
      schema: MechanismCode,
      where: (p) => `t.mechanism_id = (select id from mechanisms where code = ${p})`,
    },
  },
  order: 't.starts_on nulls last',
  searchTexts: (rec) => [
    ...((rec.hosts ?? []) as string[]),
    ...((rec.sessions ?? []) as { place?: string | null }[]).map((s) => s.place),
  ],
  recordDate: (rec) => str(rec.startsOn),
  async check(rec, lookup) {
    const errors: RuleError[] = [
      ...checkOrder(
        { field: 'startsOn', value: str(rec.startsOn) },
        { field: 'endsOn', value: str(rec.endsOn) },
      ),
      ...checkTrainingCounts(rec),
      ...(await checkAgencyList(rec, 'hosts', lookup)),
    ];
    for (const [i, p] of ((rec.participants ?? []) as Participant[]).entries()) {
      if (!lookup.country(p.country))
        errors.push({
          field: `participants/${i}/country`,
          message: `"${p.country}" is not an ISO 3166 country code`,
        });
    }
    return errors;
  },
};
