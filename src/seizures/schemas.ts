import { Type } from '@sinclair/typebox';
import { Strict, Timestamp, Uuid } from '../platform/http/schemas.js';
import { DATE_FORMATS } from './dates.js';
import { IMPORT_KINDS } from './mapping.js';
import { NUMBER_FORMATS } from './numbers.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Alpha2 = Type.String({ pattern: '^[A-Z]{2}$' });

const MappingProperties = {
  kind: Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k))),
  columns: Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 200 }), {
    description: 'field → column header as written in the file',
  }),
  constants: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 200 }))),
  numberFormat: Type.Union(NUMBER_FORMATS.map((k) => Type.Literal(k))),
  dateFormat: Type.Union(DATE_FORMATS.map((k) => Type.Literal(k))),
  delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
  sheet: Type.Optional(Type.String({ maxLength: 200 })),
  headerRow: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
};

export const MappingSchema = Type.Object(MappingProperties, {
  $id: 'SeizureMapping',
  additionalProperties: false,
});
/** The same, for request bodies (validated by the body validator, which does not resolve shared $refs). */
export const MappingBody = Type.Object(MappingProperties, { additionalProperties: false });

export const SavedMappingSchema = Type.Object(
  {
    name: Type.String(),
    mapping: Type.Ref('SeizureMapping'),
    updatedBy: Type.String(),
    updatedAt: Timestamp,
  },
  { $id: 'SavedSeizureMapping' },
);

export const CountsSchema = Type.Object({
  rowsRead: Type.Integer(),
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  alreadyImported: Type.Integer(),
  warnings: Type.Integer({
    description: 'accepted or duplicate rows that carry a warning (e.g. no kg equivalent)',
  }),
});

export const ImportSchema = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    fileName: Type.String(),
    fileHash: Type.String(),
    fileSize: Type.Integer(),
    layout: NullableString,
    mappingName: NullableString,
    mapping: Type.Union([Type.Ref('SeizureMapping'), Type.Null()]),
    status: Type.Union(['uploaded', 'running', 'done', 'failed'].map((s) => Type.Literal(s))),
    counts: CountsSchema,
    progress: Type.Object({
      bytesRead: Type.Integer(),
      bytesTotal: Type.Union([Type.Integer(), Type.Null()]),
      /** 0..1 */
      fraction: NullableNumber,
    }),
    error: NullableString,
    createdBy: Type.String(),
    createdAt: Timestamp,
    startedAt: Nullable(Timestamp),
    finishedAt: Nullable(Timestamp),
  },
  { $id: 'SeizureImport' },
);

export const DetectionSchema = Type.Object({
  layout: NullableString,
  header: Type.Array(Type.String()),
  suggested: Type.Record(Type.String(), Type.String()),
  problem: NullableString,
});

export const PreviewRowSchema = Type.Object({
  row: Type.Integer(),
  outcome: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
  field: NullableString,
  reason: NullableString,
  warnings: Type.Array(Type.String()),
  values: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const ReportRowSchema = Type.Object({
  row: Type.Integer(),
  outcome: Type.String(),
  rule: NullableString,
  field: NullableString,
  reason: NullableString,
  recordId: Type.Union([Uuid, Type.Null()]),
  duplicateOf: Type.Union([Uuid, Type.Null()]),
});

export const SeizureSummarySchema = Type.Object(
  {
    id: Uuid,
    date: Type.String({ format: 'date' }),
    country: Type.String(),
    place: NullableString,
    adminDivision: NullableString,
    drug: Type.String(),
    quantity: Type.Number(),
    unit: Type.String(),
    kg: NullableNumber,
    transportMode: NullableString,
    duplicateOf: Type.Union([Uuid, Type.Null()]),
    duplicateRule: NullableString,
    importId: Type.Union([Uuid, Type.Null()]),
    sourceRow: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'SeizureSummary' },
);

export const SeizureRecordSchema = Type.Composite(
  [
    SeizureSummarySchema,
    Type.Object({
      origin: Type.String(),
      version: Type.Integer(),
      handling: Type.String(),
      countryReported: Type.String(),
      drugReported: Type.String(),
      quantityReported: Type.String(),
      unitReported: Type.String(),
      kgTable: Type.String(),
      kgNote: NullableString,
      latitude: NullableNumber,
      longitude: NullableNumber,
      concealment: NullableString,
      installation: NullableString,
      routing: NullableString,
      reportingAgency: NullableString,
      sourceFile: NullableString,
      warnings: Type.Array(Type.String()),
      route: Type.Object(
        {
          producingCountries: Type.Array(Type.String()),
          departureCountry: NullableString,
          transitCountries: Type.Array(Type.String()),
          destinationCountry: NullableString,
          traffickerNationalities: Type.Array(Type.String()),
          reported: Type.Record(Type.String(), Type.String()),
        },
        { description: 'Restricted: reading it is audited' },
      ),
      createdAt: Timestamp,
    }),
  ],
  { $id: 'SeizureRecord' },
);

const csv = (description: string) =>
  Type.Optional(Type.String({ maxLength: 2000, description: `${description} (comma-separated)` }));
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });

/** Filters shared by the statistics endpoints. */
export const StatsQueryProperties = {
  from: Type.Optional(Month),
  to: Type.Optional(Month),
  countries: csv('ISO alpha-2 codes'),
  areas: csv('UN M49 region, sub-region or intermediate-region codes'),
  drugs: csv('drug codes'),
  drugGroups: csv('drug group codes; a parent group includes its sub-groups'),
  mechanisms: csv('mechanism codes: only seizures in member countries at the time of seizure'),
  duplicates: Type.Optional(
    Type.Union([Type.Literal('exclude'), Type.Literal('include')], { default: 'exclude' }),
  ),
};

export const StatsRowSchema = Type.Object({
  keys: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
  kg: Type.Number(),
  count: Type.Integer(),
  converted: Type.Integer(),
});

export const TotalSchema = Type.Object({ kg: Type.Number(), count: Type.Integer() });

export const ListQuery = Strict({
  countries: csv('ISO alpha-2 codes'),
  drugs: csv('drug codes'),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  duplicates: Type.Optional(
    Type.Union([Type.Literal('exclude'), Type.Literal('include'), Type.Literal('only')]),
  ),
  importId: Type.Optional(Uuid),
  after: Type.Optional(Type.String({ maxLength: 200, description: 'the `next` cursor of the page before' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const ReportedTotalSchema = Type.Object({
  id: Uuid,
  country: Alpha2,
  countryReported: Type.String(),
  drug: Type.String(),
  drugReported: Type.String(),
  year: Type.Integer(),
  quantity: Type.Number(),
  unit: Type.String(),
  kg: NullableNumber,
  source: Type.String(),
  sourceRow: Type.Union([Type.Integer(), Type.Null()]),
  duplicateOf: Type.Union([Uuid, Type.Null()]),
});
