/** TypeBox pieces shared by the registry's records: one definition gives validation, types and OpenAPI. */
import { type TSchema, Type } from '@sinclair/typebox';
import { Strict, Timestamp, Uuid } from '../platform/http/schemas.js';

export { Uuid };

import { HANDLING_CODES } from '../platform/records.js';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DateString = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
export const CountryCode = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code',
});
export const AgencyCode = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9-]{1,31}$',
  description: 'Agency code, e.g. CN-NNCC',
});
export const MechanismCode = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9-]{1,31}$',
  description: 'Mechanism code, e.g. GMS-MOU',
});
export const CurrencyCode = Type.String({
  minLength: 1,
  maxLength: 8,
  description: 'ISO 4217 code, e.g. CNY, USD',
});

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** A name in the three working languages; any script is accepted in any of them. At least one is required. */
export const NamesSchema = Strict(
  {
    en: Type.Optional(Nullable(Text(500))),
    zh: Type.Optional(Nullable(Text(500))),
    ru: Type.Optional(Nullable(Text(500))),
  },
  { minProperties: 1, description: 'Names in English, Chinese and Russian (any script accepted)' },
);
/** Free text in the working languages (descriptions, scope). */
export const TextsSchema = Strict({
  en: Type.Optional(Nullable(Text(4000))),
  zh: Type.Optional(Nullable(Text(4000))),
  ru: Type.Optional(Nullable(Text(4000))),
});

export const SourceSchema = Strict(
  {
    file: Text(300),
    quote: Text(2000),
  },
  {
    description:
      'Where the facts of the record come from: a document (file name) and a short quote or paraphrase',
  },
);

export const DatePrecisionSchema = Type.Record(
  Type.String(),
  Type.Union([Type.Literal('month'), Type.Literal('year')]),
  {
    description:
      'Dates known only to the month or year, by field name; such dates are stored as their first day',
  },
);

export const AudienceSchema = Strict({
  agencies: Type.Array(AgencyCode, { maxItems: 500 }),
  mechanisms: Type.Array(MechanismCode, { maxItems: 100 }),
  taskForces: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 }),
});

/** Sharing fields any write may set; defaults: H0, empty audience, onward sharing allowed (registry facts are public). */
export const SharingInput = {
  handling: Type.Optional(Type.Union(HANDLING_CODES.map((h) => Type.Literal(h)))),
  handlingText: Type.Optional(Nullable(Text(1000))),
  audience: Type.Optional(AudienceSchema),
  onwardSharing: Type.Optional(Type.Boolean()),
};

/** Fields every registry record accepts besides its own. */
export const CommonInput = {
  ...SharingInput,
  notes: Type.Optional(Nullable(Text(4000))),
  source: Type.Optional(Nullable(SourceSchema)),
  datePrecision: Type.Optional(DatePrecisionSchema),
};

/** Fields every registry record returns besides its own. */
export const CommonOutput = {
  id: Uuid,
  origin: Type.String(),
  version: Type.Integer(),
  handling: Type.String(),
  handlingText: Nullable(Type.String()),
  audience: Type.Object({
    agencies: Type.Array(Type.String()),
    mechanisms: Type.Array(Type.String()),
    taskForces: Type.Array(Type.String()),
  }),
  onwardSharing: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  retractedAt: Nullable(Timestamp),
  notes: Nullable(Type.String()),
  source: Nullable(Type.Object({ file: Type.String(), quote: Type.String() })),
  demo: Type.Boolean({
    description: 'Demo data from public reporting (seed articles), not entered by this agency',
  }),
  datePrecision: Type.Record(Type.String(), Type.String()),
};

export const NamesOutput = Type.Object({
  en: Nullable(Type.String()),
  zh: Nullable(Type.String()),
  ru: Nullable(Type.String()),
});
export const TextsOutput = Type.Object({
  en: Type.Optional(Nullable(Type.String())),
  zh: Type.Optional(Nullable(Type.String())),
  ru: Type.Optional(Nullable(Type.String())),
});

/** A party or participant: one agency of the registry, or a country where the source names only the state. */
const partyFields = {
  role: Type.Optional(Type.String({ maxLength: 50, description: 'e.g. signatory, acceded, host' })),
  joinedOn: Type.Optional(Nullable(DateString)),
  note: Type.Optional(Text(500)),
};
export const PartyRef = Type.Union([
  Strict({ agency: AgencyCode, ...partyFields }),
  Strict({ country: CountryCode, ...partyFields }),
]);
export const PartyOutput = Type.Object({
  agency: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  joinedOn: Type.Optional(Nullable(Type.String())),
  note: Type.Optional(Type.String()),
});

export const DOCUMENT_KINDS = [
  'text',
  'declaration',
  'action_plan',
  'statement',
  'summary',
  'minutes',
  'other',
] as const;
/** A document of an agreement or an outcome of a meeting; `file` is the sha256 of an uploaded file, if any. */
export const DocumentRef = Strict({
  kind: Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k))),
  title: NamesSchema,
  file: Type.Optional(Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' }))),
  lang: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  date: Type.Optional(Nullable(DateString)),
});
export const DocumentOutput = Type.Object({
  kind: Type.String(),
  title: TextsOutput,
  file: Type.Optional(Nullable(Type.String())),
  lang: Type.Optional(Nullable(Type.String())),
  date: Type.Optional(Nullable(Type.String())),
});

export const ListQuery = {
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Search in names of any language (大湄公河, greater mekong)',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  includeRetracted: Type.Optional(Type.Boolean({ default: false })),
};
