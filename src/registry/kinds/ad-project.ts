import { Type } from '@sinclair/typebox';
import { Strict } from '../../platform/http/schemas.js';
import { checkCurrency, toHectares } from '../conversion.js';
import type { RecordKind } from '../kind.js';
import { checkOrder, type RuleError } from '../rules.js';
import {
  AgencyCode,
  CountryCode,
  CurrencyCode,
  DateString,
  NamesSchema,
  Nullable,
  TextsOutput,
  TextsSchema,
} from '../schemas.js';
import { checkAgencyList, col, inputSchemas, outputSchema, str } from './common.js';

export const FundingSchema = Strict({
  amount: Type.Number({ description: 'As given in the source, in its currency' }),
  currency: CurrencyCode,
  on: Type.Optional(Nullable(DateString)),
  donor: Type.Optional(Nullable(AgencyCode)),
  isMinimum: Type.Optional(Type.Boolean({ description: 'The source says "over" this amount' })),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
export const OutcomeSchema = Strict({
  label: NamesSchema,
  value: Type.Number(),
  unit: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  asOf: Type.Optional(Nullable(DateString)),
});

export interface Funding {
  amount: number;
  currency: string;
  on?: string | null;
  donor?: string | null;
  isMinimum?: boolean;
  note?: string | null;
}

const own = {
  countries: Type.Array(CountryCode, { minItems: 1, maxItems: 20 }),
  region: TextsSchema,
  crops: Type.Array(NamesSchema, { maxItems: 50 }),
  areaValue: Nullable(Type.Number({ description: 'Area as given, in areaUnit' })),
  areaUnit: Nullable(Type.String({ maxLength: 20, description: 'An area unit code: mu, ha, acre, m2' })),
  areaAsOf: Nullable(DateString),
  funding: Type.Array(FundingSchema, { maxItems: 200 }),
  implementers: Type.Array(AgencyCode, { maxItems: 50 }),
  startsOn: Nullable(DateString),
  endsOn: Nullable(DateString),
  outcomes: Type.Array(OutcomeSchema, { maxItems: 100 }),
};

/** Area and funding rules of an alternative-development project (pure). */
export function checkAdFigures(rec: {
  areaValue?: number | null;
  areaUnit?: string | null;
  funding?: Funding[];
}): RuleError[] {
  const errors: RuleError[] = [];
  const value = rec.areaValue ?? null;
  const unit = rec.areaUnit ?? null;
  if ((value === null) !== (unit === null)) {
    errors.push({
      field: value === null ? 'areaValue' : 'areaUnit',
      message: 'an area needs both a value and a unit',
    });
  } else if (value !== null && unit !== null) {
    const area = toHectares(value, unit);
    if (!area.ok) errors.push({ field: value < 0 ? 'areaValue' : 'areaUnit', message: area.message });
  }
  for (const [i, f] of (rec.funding ?? []).entries()) {
    if (!Number.isFinite(f.amount) || f.amount < 0) {
      errors.push({ field: `funding/${i}/amount`, message: `an amount cannot be negative (${f.amount})` });
    }
    const bad = checkCurrency(f.currency);
    if (bad) errors.push({ field: `funding/${i}/currency`, message: bad });
  }
  return errors;
}

export const adProjectKind: RecordKind = {
  name: 'ad_project',
  type: 'registry.ad_project',
  table: 'ad_projects',
  path: 'ad-projects',
  label: 'alternative-development project',
  names: true,
  code: false,
  columns: [
    col('countries', 'countries', 'json'),
    col('region', 'region', 'json', {}),
    col('crops', 'crops', 'json', []),
    col('areaValue', 'area_value', 'number'),
    col('areaUnit', 'area_unit', 'text'),
    col('areaAsOf', 'area_as_of', 'date'),
    col('funding', 'funding', 'json', []),
    col('implementers', 'implementers', 'json', []),
    col('startsOn', 'starts_on', 'date'),
    col('endsOn', 'ends_on', 'date'),
    col('outcomes', 'outcomes', 'json', []),
  ],
  refs: [],
  ...inputSchemas('AdProject', own, ['countries']),
  outputSchema: outputSchema('AdProject', {
    countries: Type.Array(Type.String()),
    region: TextsOutput,
    // As entered: a crop named in one language only has no keys for the others.
    crops: Type.Array(TextsOutput),
    areaValue: Nullable(Type.Number()),
    areaUnit: Nullable(Type.String()),
    areaAsOf: Nullable(Type.String()),
    funding: Type.Array(
      Type.Object({
        amount: Type.Number(),
        currency: Type.String(),
        on: Type.Optional(Nullable(Type.String())),
        donor: Type.Optional(Nullable(Type.String())),
        isMinimum: Type.Optional(Type.Boolean()),
        note: Type.Optional(Nullable(Type.String())),
      }),
    ),
    implementers: Type.Array(Type.String()),
    startsOn: Nullable(Type.String()),
    endsOn: Nullable(Type.String()),
    outcomes: Type.Array(
      Type.Object({
        label: TextsOutput,
        value: Type.Number(),
        unit: Type.Optional(Nullable(Type.String())),
        asOf: Type.Optional(Nullable(Type.String())),
      }),
    ),
  }),
  filters: {
    country: { schema: CountryCode, where: (p) => `t.countries ? ${p}` },
  },
  order: 't.starts_on nulls last',
  searchTexts: (rec) => [
    ...Object.values((rec.region ?? {}) as Record<string, string | null>),
    ...((rec.crops ?? []) as Record<string, string | null>[]).flatMap((c) => Object.values(c)),
  ],
  recordDate: (rec) => str(rec.startsOn),
  async check(rec, lookup) {
    const errors: RuleError[] = [
      ...checkOrder(
        { field: 'startsOn', value: str(rec.startsOn) },
        { field: 'endsOn', value: str(rec.endsOn) },
      ),
      ...checkAdFigures(rec as Parameters<typeof checkAdFigures>[0]),
      ...(await checkAgencyList(rec, 'implementers', lookup)),
    ];
    for (const [i, c] of ((rec.countries ?? []) as string[]).entries()) {
      if (!lookup.country(c))
        errors.push({ field: `countries/${i}`, message: `"${c}" is not an ISO 3166 country code` });
    }
    for (const [i, f] of ((rec.funding ?? []) as Funding[]).entries()) {
      if (f.donor && !(await lookup.agency(f.donor))) {
        errors.push({
          field: `funding/${i}/donor`,
          message: `"${f.donor}" is not an agency in the registry`,
        });
      }
    }
    return errors;
  },
};
