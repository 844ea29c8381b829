import { Type } from '@sinclair/typebox';
import { MEETING_LEVELS } from '../cadence.js';
import type { RecordKind } from '../kind.js';
import { checkMeetingInLife, checkOrder, type RuleError } from '../rules.js';
import {
  CountryCode,
  DateString,
  DocumentOutput,
  DocumentRef,
  MechanismCode,
  Nullable,
  PartyOutput,
  PartyRef,
} from '../schemas.js';
import {
  checkCountry,
  checkDocuments,
  checkParties,
  col,
  inputSchemas,
  outputSchema,
  str,
} from './common.js';

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
const Level = Type.Union(MEETING_LEVELS.map((l) => Type.Literal(l)));
const Status = Type.Union(MEETING_STATUSES.map((s) => Type.Literal(s)));

const own = {
  mechanism: MechanismCode,
  workingGroup: Nullable(Type.String({ maxLength: 48 })),
  level: Level,
  startsOn: DateString,
  endsOn: Nullable(DateString),
  status: Status,
  place: Nullable(Type.String({ minLength: 1, maxLength: 300 })),
  country: Nullable(CountryCode),
  participants: Type.Array(PartyRef, { maxItems: 300 }),
  participantCount: Nullable(Type.Integer({ minimum: 0 })),
  documents: Type.Array(DocumentRef, {
    maxItems: 100,
    description: 'Outcome documents: declarations, action plans',
  }),
};

export const meetingKind: RecordKind = {
  name: 'meeting',
  type: 'registry.meeting',
  table: 'meetings',
  path: 'meetings',
  label: 'meeting',
  names: true,
  code: false,
  columns: [
    col('workingGroup', 'working_group', 'text'),
    col('level', 'level', 'text'),
    col('startsOn', 'starts_on', 'date'),
    col('endsOn', 'ends_on', 'date'),
    col('status', 'status', 'text', 'held'),
    col('place', 'place', 'text'),
    col('country', 'country_alpha2', 'text'),
    col('participants', 'participants', 'json', []),
    col('participantCount', 'participant_count', 'int'),
    col('documents', 'documents', 'json', []),
  ],
  refs: [{ api: 'mechanism', column: 'mechanism_id', table: 'mechanisms', by: 'code' }],
  ...inputSchemas('Meeting', own, ['mechanism', 'level', 'startsOn']),
  outputSchema: outputSchema('Meeting', {
    mechanism: Type.String(),
    workingGroup: Nullable(Type.String()),
    level: Type.String(),
    startsOn: Type.String(),
    endsOn: Nullable(Type.String()),
    status: Type.String(),
    place: Nullable(Type.String()),
    country: Nullable(Type.String()),
    participants: Type.Array(PartyOutput),
    participantCount: Nullable(Type.Integer()),
    documents: Type.Array(DocumentOutput),
  }),
  filters: {
    mechanism: {
      schema: MechanismCode,
      where: (p) => `t.mechanism_id = (select id from mechanisms where code = ${p})`,
    },
    level: { schema: Level, where: (p) => `t.level = ${p}` },
    status: { schema: Status, where: (p) => `t.status = ${p}` },
    from: { schema: DateString, where: (p) => `coalesce(t.ends_on, t.starts_on) >= ${p}::date` },
    to: { schema: DateString, where: (p) => `t.starts_on <= ${p}::date` },
  },
  order: 't.starts_on',
  searchTexts: (rec) => [str(rec.place), str(rec.mechanism)],
  recordDate: (rec) => str(rec.startsOn),
  async check(rec, lookup) {
    const startsOn = String(rec.startsOn);
    const endsOn = str(rec.endsOn);
    const errors: RuleError[] = checkOrder(
      { field: 'startsOn', value: startsOn },
      { field: 'endsOn', value: endsOn },
    );
    const mechanism = typeof rec.mechanism === 'string' ? await lookup.mechanism(rec.mechanism) : null;
    if (mechanism) {
      errors.push(...checkMeetingInLife(mechanism, startsOn, endsOn));
      const group = str(rec.workingGroup);
      if (group && !mechanism.workingGroups.includes(group)) {
        errors.push({
          field: 'workingGroup',
          message: `"${group}" is not a working group of ${mechanism.code}`,
        });
      }
    }
    errors.push(...checkCountry(rec, 'country', lookup));
    errors.push(...(await checkParties(rec, 'participants', lookup)));
    errors.push(...(await checkDocuments(rec, 'documents', lookup)));
    return errors;
  },
  blockers: [
    {
      sql: 'select count(*)::int as n from commitments where meeting_id = $1 and retracted_at is null',
      message: 'commitment(s) come from it',
    },
  ],
};
