import { Type } from '@sinclair/typebox';
import type { RecordKind } from '../kind.js';
import { checkOrder } from '../rules.js';
import {
  DateString,
  DocumentOutput,
  DocumentRef,
  MechanismCode,
  Nullable,
  PartyOutput,
  PartyRef,
  TextsOutput,
  TextsSchema,
} from '../schemas.js';
import { checkDocuments, checkParties, col, inputSchemas, outputSchema, str } from './common.js';

export const AGREEMENT_KINDS = [
  'mou',
  'memorandum_of_intent',
  'agreement',
  'protocol',
  'convention',
  'action_plan',
  'other',
] as const;
export const AGREEMENT_STATUSES = [
  'negotiating',
  'signed',
  'in_force',
  'suspended',
  'terminated',
  'superseded',
] as const;

const Kind = Type.Union(AGREEMENT_KINDS.map((k) => Type.Literal(k)));
const Status = Type.Union(AGREEMENT_STATUSES.map((k) => Type.Literal(k)));
const own = {
  kind: Kind,
  mechanism: Nullable(MechanismCode),
  parties: Type.Array(PartyRef, { maxItems: 300 }),
  signedOn: Nullable(DateString),
  inForceOn: Nullable(DateString),
  endedOn: Nullable(DateString),
  status: Status,
  scope: TextsSchema,
  place: Nullable(Type.String({ minLength: 1, maxLength: 300 })),
  documents: Type.Array(DocumentRef, { maxItems: 100 }),
};

export const agreementKind: RecordKind = {
  name: 'agreement',
  type: 'registry.agreement',
  table: 'agreements',
  path: 'agreements',
  label: 'agreement',
  names: true,
  code: false,
  columns: [
    col('kind', 'kind', 'text'),
    col('parties', 'parties', 'json', []),
    col('signedOn', 'signed_on', 'date'),
    col('inForceOn', 'in_force_on', 'date'),
    col('endedOn', 'ended_on', 'date'),
    col('status', 'status', 'text'),
    col('scope', 'scope', 'json', {}),
    col('place', 'place', 'text'),
    col('documents', 'documents', 'json', []),
  ],
  refs: [{ api: 'mechanism', column: 'mechanism_id', table: 'mechanisms', by: 'code' }],
  ...inputSchemas('Agreement', own, ['kind', 'status']),
  outputSchema: outputSchema('Agreement', {
    kind: Type.String(),
    mechanism: Nullable(Type.String()),
    parties: Type.Array(PartyOutput),
    signedOn: Nullable(Type.String()),
    inForceOn: Nullable(Type.String()),
    endedOn: Nullable(Type.String()),
    status: Type.String(),
    scope: TextsOutput,
    place: Nullable(Type.String()),
    documents: Type.Array(DocumentOutput),
  }),
  filters: {
    mechanism: {
      schema: MechanismCode,
      where: (p) => `t.mechanism_id = (select id from mechanisms where code = ${p})`,
    },
    kind: { schema: Kind, where: (p) => `t.kind = ${p}` },
    status: { schema: Status, where: (p) => `t.status = ${p}` },
    party: {
      schema: Type.String({
        minLength: 2,
        maxLength: 32,
        description: 'An agency code or a country code among the parties',
      }),
      where: (p) =>
        `(t.parties @> jsonb_build_array(jsonb_build_object('agency', ${p}::text)) or t.parties @> jsonb_build_array(jsonb_build_object('country', ${p}::text)))`,
    },
  },
  order: 't.signed_on nulls last',
  searchTexts: (rec) => [
    str(rec.place),
    ...Object.values((rec.scope ?? {}) as Record<string, string | null>),
  ],
  recordDate: (rec) => str(rec.signedOn),
  async check(rec, lookup) {
    return [
      ...checkOrder(
        { field: 'signedOn', value: str(rec.signedOn) },
        { field: 'inForceOn', value: str(rec.inForceOn) },
      ),
      ...checkOrder(
        { field: 'signedOn', value: str(rec.signedOn) },
        { field: 'endedOn', value: str(rec.endedOn) },
      ),
      ...(await checkParties(rec, 'parties', lookup)),
      ...(await checkDocuments(rec, 'documents', lookup)),
    ];
  },
  blockers: [
    {
      sql: 'select count(*)::int as n from commitments where agreement_id = $1 and retracted_at is null',
      message: 'commitment(s) come from it',
    },
    {
      sql: 'select count(*)::int as n from training_programmes where agreement_id = $1 and retracted_at is null',
      message: 'training programme(s) refer to it',
    },
  ],
};
