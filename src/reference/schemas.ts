import { Type } from '@sinclair/typebox';
import { Strict } from '../platform/http/schemas.js';

const NamesSchema = Type.Object({ en: Type.String(), zh: Type.String(), ru: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const M49Code = Type.String({ pattern: '^[0-9]{3}$', description: 'UN M49 area code, three digits' });
const Search = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Text to look for in names and aliases (en, zh, ru)',
});
const FileName = Type.String({ minLength: 1, maxLength: 500, description: 'The value as a file wrote it' });

export const CountrySchema = Type.Object(
  {
    alpha2: Type.String(),
    alpha3: Type.String(),
    numericCode: Nullable(Type.String()),
    m49Code: Nullable(Type.String()),
    regionCode: Nullable(Type.String()),
    subregionCode: Nullable(Type.String()),
    intermediateRegionCode: Nullable(Type.String()),
    names: NamesSchema,
    officialNames: Type.Object({
      en: Nullable(Type.String()),
      zh: Nullable(Type.String()),
      ru: Nullable(Type.String()),
    }),
    independent: Type.Union([Type.Boolean(), Type.Null()]),
  },
  { $id: 'ReferenceCountry' },
);

const AliasSchema = Type.Object({ alias: Type.String(), note: Nullable(Type.String()) });

export const CountryDetailSchema = Type.Intersect([
  Type.Ref('ReferenceCountry'),
  Type.Object({ aliases: Type.Array(AliasSchema) }),
]);

const NonCountrySchema = Type.Object({ code: Type.String(), names: NamesSchema });

export const CountryResolutionSchema = Type.Object({
  input: Type.String(),
  key: Type.String({ description: 'The normalised key that was looked up' }),
  kind: Type.Union([Type.Literal('country'), Type.Literal('non-country')]),
  country: Type.Optional(Type.Ref('ReferenceCountry')),
  nonCountry: Type.Optional(NonCountrySchema),
  note: Nullable(Type.String()),
});

export const M49AreaSchema = Type.Object({
  code: Type.String(),
  level: Type.String(),
  parentCode: Nullable(Type.String()),
  names: NamesSchema,
});

export const DrugGroupSchema = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  names: NamesSchema,
});

export const DrugSchema = Type.Object(
  { code: Type.String(), groupCode: Type.String(), names: NamesSchema },
  { $id: 'ReferenceDrug' },
);

export const DrugDetailSchema = Type.Intersect([
  Type.Ref('ReferenceDrug'),
  Type.Object({
    synonyms: Type.Array(
      Type.Object({ synonym: Type.String(), lang: Type.String(), note: Nullable(Type.String()) }),
    ),
  }),
]);

export const DrugResolutionSchema = Type.Object({
  input: Type.String(),
  key: Type.String(),
  drug: Type.Ref('ReferenceDrug'),
  group: DrugGroupSchema,
  note: Nullable(Type.String()),
});

export const UnitSchema = Type.Object({
  code: Type.String(),
  dimension: Type.String(),
  names: NamesSchema,
  baseUnit: Nullable(Type.String()),
  baseNumerator: Type.Union([Type.Number(), Type.Null()]),
  baseDenominator: Type.Union([Type.Number(), Type.Null()]),
  aliases: Type.Array(Type.String()),
});

export const ConversionTableSchema = Type.Object(
  {
    version: Type.String(),
    name: Type.String(),
    description: Type.String(),
    publishedOn: Type.String({ format: 'date' }),
    isCurrent: Type.Boolean(),
  },
  { $id: 'ReferenceConversionTable' },
);

export const ConversionTableDetailSchema = Type.Intersect([
  Type.Ref('ReferenceConversionTable'),
  Type.Object({
    conversions: Type.Array(
      Type.Object({
        unitCode: Type.String(),
        drugCode: Nullable(
          Type.String({ description: 'null: the row for any drug without a row of its own' }),
        ),
        kgEquivalent: Type.Number(),
        basis: Type.String(),
      }),
    ),
    parameters: Type.Array(Type.Object({ name: Type.String(), value: Type.Number(), basis: Type.String() })),
  }),
]);

export const SummarySchema = Type.Object({
  countries: Type.Integer(),
  countryAliases: Type.Integer(),
  drugGroups: Type.Integer(),
  drugs: Type.Integer(),
  drugSynonyms: Type.Integer(),
  units: Type.Integer(),
  conversionTables: Type.Integer(),
  currentConversionTable: Nullable(Type.String()),
});

export const CountriesQuery = Strict({ q: Type.Optional(Search), region: Type.Optional(M49Code) });
export const DrugsQuery = Strict({
  q: Type.Optional(Search),
  group: Type.Optional(
    Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'Drug group code; its sub-groups count too' }),
  ),
});
export const ResolveQuery = Strict({ name: FileName });
export const CountryCodeParams = Strict({
  code: Type.String({ pattern: '^[A-Za-z]{2,3}$', description: 'ISO 3166-1 alpha-2 or alpha-3 code' }),
});
export const DrugCodeParams = Strict({ code: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) });
export const VersionParams = Strict({ version: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }) });
