import { Type } from '@sinclair/typebox';
import { Strict } from '../../platform/http/schemas.js';
import { MEETING_LEVELS } from '../cadence.js';
import type { RecordKind } from '../kind.js';
import { checkMeetingInLife, checkOrder, type RuleError } from '../rules.js';
import { DateString, MechanismCode, NamesSchema, Nullable, TextsOutput } from '../schemas.js';
import { col, inputSchemas, outputSchema, str } from './common.js';

export const MECHANISM_KINDS = ['multilateral', 'regional', 'bilateral'] as const;

const Level = Type.Union(MEETING_LEVELS.map((l) => Type.Literal(l)));
const GroupCode = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,47}$',
  description: 'Working group code, e.g. law-enforcement',
});

export const WorkingGroupSchema = Strict({
  code: GroupCode,
  names: NamesSchema,
  establishedOn: Type.Optional(Nullable(DateString)),
});
export const CadenceSchema = Strict({
  level: Level,
  everyMonths: Type.Integer({ minimum: 1, maximum: 240, description: '24 = every two years' }),
  workingGroup: Type.Optional(Nullable(GroupCode)),
  since: Type.Optional(Nullable(DateString)),
});

const own = {
  kind: Type.Union(MECHANISM_KINDS.map((k) => Type.Literal(k))),
  establishedOn: Nullable(DateString),
  dissolvedOn: Nullable(DateString),
  workingGroups: Type.Array(WorkingGroupSchema, { maxItems: 100 }),
  cadences: Type.Array(CadenceSchema, { maxItems: 50 }),
};

export const mechanismKind: RecordKind = {
  name: 'mechanism',
  type: 'registry.mechanism',
  table: 'mechanisms',
  path: 'mechanisms',
  label: 'mechanism',
  names: true,
  code: true,
  columns: [
    col('kind', 'kind', 'text'),
    col('establishedOn', 'established_on', 'date'),
    col('dissolvedOn', 'dissolved_on', 'date'),
    col('workingGroups', 'working_groups', 'json', []),
    col('cadences', 'cadences', 'json', []),
  ],
  refs: [],
  ...inputSchemas('Mechanism', { code: MechanismCode, ...own }, ['code', 'kind']),
  patchSchema: inputSchemas('Mechanism', own, []).patchSchema,
  outputSchema: outputSchema('Mechanism', {
    code: Type.String(),
    kind: Type.String(),
    establishedOn: Nullable(Type.String()),
    dissolvedOn: Nullable(Type.String()),
    workingGroups: Type.Array(
      Type.Object({
        code: Type.String(),
        // As entered: a group named in one language only has no keys for the others.
        names: TextsOutput,
        establishedOn: Type.Optional(Nullable(Type.String())),
      }),
    ),
    cadences: Type.Array(
      Type.Object({
        level: Type.String(),
        everyMonths: Type.Integer(),
        workingGroup: Type.Optional(Nullable(Type.String())),
        since: Type.Optional(Nullable(Type.String())),
      }),
    ),
  }),
  filters: {
    kind: { schema: Type.Union(MECHANISM_KINDS.map((k) => Type.Literal(k))), where: (p) => `t.kind = ${p}` },
  },
  order: 't.code',
  searchTexts: (rec) => [
    rec.code as string,
    ...((rec.workingGroups ?? []) as { names: Record<string, string | null> }[]).flatMap((g) =>
      Object.values(g.names),
    ),
  ],
  recordDate: (rec) => str(rec.establishedOn),
  async check(rec, lookup, previous) {
    const errors: RuleError[] = checkOrder(
      { field: 'establishedOn', value: str(rec.establishedOn) },
      { field: 'dissolvedOn', value: str(rec.dissolvedOn) },
      true,
    );
    const groups = (rec.workingGroups ?? []) as { code: string }[];
    const codes = new Set<string>();
    for (const [i, g] of groups.entries()) {
      if (codes.has(g.code))
        errors.push({ field: `workingGroups/${i}/code`, message: `working group ${g.code} is listed twice` });
      codes.add(g.code);
    }
    for (const [i, c] of ((rec.cadences ?? []) as { workingGroup?: string | null }[]).entries()) {
      if (c.workingGroup && !codes.has(c.workingGroup)) {
        errors.push({
          field: `cadences/${i}/workingGroup`,
          message: `"${c.workingGroup}" is not a working group of this mechanism`,
        });
      }
    }
    // A changed life must still hold the mechanism's recorded meetings.
    if (previous) {
      const span = await lookup.meetingSpan(String(previous.id));
      const life = {
        code: String(rec.code),
        establishedOn: str(rec.establishedOn),
        dissolvedOn: str(rec.dissolvedOn),
      };
      if (span.first && span.last) {
        for (const e of checkMeetingInLife(life, span.first, span.last === span.first ? null : span.last)) {
          errors.push({
            field:
              e.field === 'startsOn' && life.establishedOn && span.first < life.establishedOn
                ? 'establishedOn'
                : 'dissolvedOn',
            message: `a recorded meeting would fall outside the mechanism's life: ${e.message}`,
          });
        }
      }
    }
    return errors;
  },
  blockers: [
    {
      sql: 'select count(*)::int as n from mechanism_memberships where mechanism_id = $1 and retracted_at is null',
      message: 'membership(s) still belong to it',
    },
    {
      sql: 'select count(*)::int as n from meetings where mechanism_id = $1 and retracted_at is null',
      message: 'meeting(s) still belong to it',
    },
  ],
};
