import { Type } from '@sinclair/typebox';
import type { RecordKind } from '../kind.js';
import { AgencyCode, CountryCode, Nullable } from '../schemas.js';
import { checkCountry, col, inputSchemas, outputSchema } from './common.js';

export const AGENCY_KINDS = [
  'national_bureau',
  'law_enforcement',
  'ministry',
  'government',
  'regional_secretariat',
  'international_body',
  'other',
] as const;

const own = {
  country: Nullable(CountryCode),
  kind: Type.Union(AGENCY_KINDS.map((k) => Type.Literal(k))),
  runsNode: Type.Boolean({ description: 'Whether the agency runs a Liaison node' }),
};

export const agencyKind: RecordKind = {
  name: 'agency',
  type: 'registry.agency',
  table: 'agencies',
  path: 'agencies',
  label: 'agency',
  names: true,
  code: true,
  columns: [
    col('country', 'country_alpha2', 'text'),
    col('kind', 'kind', 'text'),
    col('runsNode', 'runs_node', 'bool', false),
  ],
  refs: [],
  ...inputSchemas('Agency', { code: AgencyCode, ...own }, ['code', 'kind']),
  patchSchema: inputSchemas('Agency', own, []).patchSchema,
  outputSchema: outputSchema('Agency', {
    code: Type.String(),
    country: Nullable(Type.String()),
    kind: Type.String(),
    runsNode: Type.Boolean(),
  }),
  filters: {
    country: { schema: CountryCode, where: (p) => `t.country_alpha2 = ${p}` },
    kind: { schema: Type.Union(AGENCY_KINDS.map((k) => Type.Literal(k))), where: (p) => `t.kind = ${p}` },
    runsNode: { schema: Type.Boolean(), where: (p) => `t.runs_node = ${p}` },
  },
  order: 't.code',
  searchTexts: (rec) => [rec.code as string],
  recordDate: () => null,
  async check(rec, lookup) {
    return checkCountry(rec, 'country', lookup);
  },
  blockers: [
    {
      sql: 'select count(*)::int as n from mechanism_memberships where agency_id = $1 and retracted_at is null',
      message: 'membership(s) in mechanisms still name it',
    },
  ],
};
