import { Type } from '@sinclair/typebox';
import { Strict } from '../../platform/http/schemas.js';
import type { Rec, RecordKind } from '../kind.js';
import { COMMITMENT_STATUSES, type RuleError } from '../rules.js';
import { AgencyCode, DateString, Nullable, Uuid } from '../schemas.js';
import { checkAgencyList, col, inputSchemas, outputSchema } from './common.js';

const Status = Type.Union(COMMITMENT_STATUSES.map((s) => Type.Literal(s)));

export const EvidenceSchema = Strict({
  title: Type.String({ minLength: 1, maxLength: 500 }),
  file: Type.Optional(Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' }))),
  url: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 2000 }))),
});
export const StatusEntrySchema = Strict({
  status: Status,
  on: DateString,
  by: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  evidence: Type.Optional(Type.Array(EvidenceSchema, { maxItems: 50 })),
});

export interface StatusEntry {
  status: string;
  on: string;
  by: string;
  note?: string | null;
  evidence?: { title: string; file?: string | null; url?: string | null }[];
}

const own = {
  meeting: Nullable(Uuid),
  agreement: Nullable(Uuid),
  owners: Type.Array(AgencyCode, { maxItems: 100, description: 'Agencies responsible' }),
  dueOn: Nullable(DateString),
  status: Status,
  statusHistory: Type.Array(StatusEntrySchema, {
    maxItems: 500,
    description: 'Oldest first; kept by the node on status changes',
  }),
  evidence: Type.Array(EvidenceSchema, { maxItems: 100 }),
};
const { statusHistory: _history, ...patchable } = own;

export const commitmentKind: RecordKind = {
  name: 'commitment',
  type: 'registry.commitment',
  table: 'commitments',
  path: 'commitments',
  label: 'commitment',
  names: true,
  code: false,
  columns: [
    col('owners', 'owners', 'json', []),
    col('dueOn', 'due_on', 'date'),
    col('status', 'status', 'text', 'open'),
    col('statusHistory', 'status_history', 'json', []),
    col('evidence', 'evidence', 'json', []),
  ],
  refs: [
    { api: 'meeting', column: 'meeting_id', table: 'meetings', by: 'id' },
    { api: 'agreement', column: 'agreement_id', table: 'agreements', by: 'id' },
  ],
  ...inputSchemas('Commitment', own, []),
  patchSchema: inputSchemas('Commitment', patchable, []).patchSchema,
  outputSchema: outputSchema('Commitment', {
    meeting: Nullable(Type.String()),
    agreement: Nullable(Type.String()),
    owners: Type.Array(Type.String()),
    dueOn: Nullable(Type.String()),
    status: Type.String(),
    statusHistory: Type.Array(
      Type.Object({
        status: Type.String(),
        on: Type.String(),
        by: Type.String(),
        note: Type.Optional(Nullable(Type.String())),
        evidence: Type.Optional(
          Type.Array(
            Type.Object({
              title: Type.String(),
              file: Type.Optional(Nullable(Type.String())),
              url: Type.Optional(Nullable(Type.String())),
            }),
          ),
        ),
      }),
    ),
    evidence: Type.Array(
      Type.Object({
        title: Type.String(),
        file: Type.Optional(Nullable(Type.String())),
        url: Type.Optional(Nullable(Type.String())),
      }),
    ),
    overdue: Type.Optional(Type.Boolean()),
  }),
  filters: {
    status: { schema: Status, where: (p) => `t.status = ${p}` },
    owner: { schema: AgencyCode, where: (p) => `t.owners ? ${p}` },
    meeting: { schema: Uuid, where: (p) => `t.meeting_id = ${p}::uuid` },
    agreement: { schema: Uuid, where: (p) => `t.agreement_id = ${p}::uuid` },
    overdueOn: {
      schema: DateString,
      where: (p) => `t.due_on < ${p}::date and t.status in ('open', 'in_progress')`,
    },
  },
  order: 't.due_on nulls last',
  searchTexts: (rec) => (rec.owners ?? []) as string[],
  recordDate: () => null,
  async check(rec, lookup) {
    const errors: RuleError[] = [];
    if (!rec.meeting && !rec.agreement) {
      errors.push({
        field: 'meeting',
        message: 'a commitment comes from a meeting or an agreement; give one of meeting, agreement',
      });
    }
    errors.push(...(await checkAgencyList(rec, 'owners', lookup)));
    const evidence = [
      ...((rec.evidence ?? []) as { file?: string | null }[]).map((e, i) => ({
        e,
        field: `evidence/${i}/file`,
      })),
      ...((rec.statusHistory ?? []) as StatusEntry[]).flatMap((h, j) =>
        (h.evidence ?? []).map((e, i) => ({ e, field: `statusHistory/${j}/evidence/${i}/file` })),
      ),
    ];
    for (const { e, field } of evidence) {
      if (e.file && !(await lookup.file(e.file)))
        errors.push({ field, message: `no uploaded file with sha256 ${e.file}` });
    }
    return errors;
  },
  beforeWrite(rec, previous, actor, today): Rec {
    const history = [...((rec.statusHistory ?? []) as StatusEntry[])];
    const last = history.at(-1);
    // Every status the commitment takes is in its history, with when and by whom.
    if (!last || (last.status !== rec.status && (previous === null || previous.status !== rec.status))) {
      history.push({ status: String(rec.status), on: today, by: actor });
    }
    return { ...rec, statusHistory: history };
  },
};
