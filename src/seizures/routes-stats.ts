import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.js';
import { badRequest } from '../platform/http/problem.js';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { StatsQueryProperties, StatsRowSchema, TotalSchema } from './schemas.js';
import { difference, monthsBetween, share, yearOnYear } from './stats.js';
import {
  DIMENSIONS,
  type Dimension,
  reconciliation,
  type StatsFilter,
  summary,
  topRoutes,
  totals,
} from './stats-store.js';

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

type StatsQuery = {
  from?: string;
  to?: string;
  countries?: string;
  areas?: string;
  drugs?: string;
  drugGroups?: string;
  mechanisms?: string;
  duplicates?: 'exclude' | 'include';
};

export function toFilter(q: StatsQuery): StatsFilter {
  if (q.from && q.to && q.from > q.to)
    throw badRequest('from is after to', [{ path: '/query/from', message: 'is after to' }]);
  return {
    from: q.from,
    to: q.to,
    countries: list(q.countries)?.map((c) => c.toUpperCase()),
    areas: list(q.areas),
    drugs: list(q.drugs),
    drugGroups: list(q.drugGroups),
    mechanisms: list(q.mechanisms)?.map((c) => c.toUpperCase()),
    includeDuplicates: q.duplicates === 'include',
  };
}

function dimensions(by: string | undefined, max: number): Dimension[] {
  const dims = list(by) ?? [];
  if (dims.length > max)
    throw badRequest(`at most ${max} dimensions`, [
      { path: '/query/by', message: `has more than ${max} dimensions` },
    ]);
  for (const d of dims) {
    if (!(DIMENSIONS as readonly string[]).includes(d)) {
      throw badRequest(`"${d}" is not a dimension`, [
        { path: '/query/by', message: `must be among ${DIMENSIONS.join(', ')}` },
      ]);
    }
  }
  return dims as Dimension[];
}

const ByQuery = Type.Optional(
  Type.String({ maxLength: 100, description: `comma-separated, up to 3 of: ${DIMENSIONS.join(', ')}` }),
);

export function statsRoutes(app: App, ctx: AppContext): void {
  const read = { access: 'seizures:read' as const };
  const tags = ['seizure statistics'];

  app.get(
    '/api/v1/seizures/stats/totals',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Totals (kg-equivalent and count) by any of country, region, sub-region, mechanism membership at the time of seizure, drug group, drug, year, month',
        querystring: Strict({
          ...StatsQueryProperties,
          by: ByQuery,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
        }),
        response: {
          200: Type.Object({ by: Type.Array(Type.String()), rows: Type.Array(StatsRowSchema) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const by = dimensions(request.query.by, 3);
      return { by, rows: await totals(ctx.db, by, toFilter(request.query), request.query.limit ?? 1000) };
    },
  );

  app.get(
    '/api/v1/seizures/stats/series',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Monthly time series (months without seizures filled with 0), optionally split by one dimension',
        querystring: Strict({
          ...StatsQueryProperties,
          split: Type.Optional(Type.String({ maxLength: 30 })),
        }),
        response: {
          200: Type.Object({
            months: Type.Array(Type.String()),
            series: Type.Array(
              Type.Object({
                key: Type.Union([Type.String(), Type.Number(), Type.Null()]),
                kg: Type.Array(Type.Number()),
                count: Type.Array(Type.Integer()),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const split = dimensions(request.query.split, 1);
      const rows = await totals(ctx.db, ['month', ...split], toFilter(request.query), 100_000);
      const present = rows.map((r) => String(r.keys.month)).sort();
      const from = request.query.from ?? present[0] ?? '';
      const to = request.query.to ?? present.at(-1) ?? '';
      const months = from && to ? monthsBetween(`${from}-01`, `${to}-01`).map((m) => m.slice(0, 7)) : [];
      const at = new Map(months.map((m, i) => [m, i]));
      const series = new Map<string, { key: string | number | null; kg: number[]; count: number[] }>();
      for (const r of rows) {
        const key = split.length ? (r.keys[split[0]!] ?? null) : 'all';
        const s = series.get(String(key)) ?? { key, kg: months.map(() => 0), count: months.map(() => 0) };
        const i = at.get(String(r.keys.month));
        if (i !== undefined) {
          s.kg[i]! += r.kg;
          s.count[i]! += r.count;
        }
        series.set(String(key), s);
      }
      return { months, series: [...series.values()] };
    },
  );

  app.get(
    '/api/v1/seizures/stats/year-on-year',
    {
      config: read,
      schema: {
        tags,
        summary: 'Totals by year with the change against the year before',
        querystring: Strict(StatsQueryProperties),
        response: {
          200: Type.Array(
            Type.Object({
              year: Type.Integer(),
              kg: Type.Number(),
              count: Type.Integer(),
              kgChange: Type.Union([Type.Number(), Type.Null()]),
              kgChangeRatio: Type.Union([Type.Number(), Type.Null()]),
              countChange: Type.Union([Type.Number(), Type.Null()]),
              countChangeRatio: Type.Union([Type.Number(), Type.Null()]),
            }),
          ),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const rows = await totals(ctx.db, ['year'], toFilter(request.query));
      return yearOnYear(rows.map((r) => ({ year: Number(r.keys.year), kg: r.kg, count: r.count })));
    },
  );

  app.get(
    '/api/v1/seizures/stats/share',
    {
      config: read,
      schema: {
        tags,
        summary:
          "A group's share of a larger total, e.g. mechanisms=SCO&drugs=heroin as a share of wholeAreas=142,150 (Asia and Europe)",
        querystring: Strict({
          ...StatsQueryProperties,
          wholeCountries: Type.Optional(Type.String({ maxLength: 2000 })),
          wholeAreas: Type.Optional(Type.String({ maxLength: 2000 })),
          wholeMechanisms: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: {
          200: Type.Object({
            part: TotalSchema,
            whole: TotalSchema,
            kgShare: Type.Union([Type.Number(), Type.Null()]),
            countShare: Type.Union([Type.Number(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const part = toFilter(q);
      const whole = toFilter({
        ...q,
        countries: q.wholeCountries,
        areas: q.wholeAreas,
        mechanisms: q.wholeMechanisms,
      });
      const [p] = await totals(ctx.db, [], part);
      const [w] = await totals(ctx.db, [], whole);
      return share({ kg: p?.kg ?? 0, count: p?.count ?? 0 }, { kg: w?.kg ?? 0, count: w?.count ?? 0 });
    },
  );

  app.get(
    '/api/v1/seizures/stats/routes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Top routes (departure → destination) of the seizures that name both countries',
        querystring: Strict({
          ...StatsQueryProperties,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              departure: Type.String(),
              destination: Type.String(),
              kg: Type.Number(),
              count: Type.Integer(),
            }),
          ),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => topRoutes(ctx.db, toFilter(request.query), request.query.limit ?? 20),
  );

  app.get(
    '/api/v1/seizures/stats/reconciliation',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Reported totals beside the sums of individual records, by country, drug and year, with the differences',
        querystring: Strict({
          fromYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
          toYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
          countries: Type.Optional(Type.String({ maxLength: 2000 })),
          drugs: Type.Optional(Type.String({ maxLength: 2000 })),
          duplicates: Type.Optional(Type.Union([Type.Literal('exclude'), Type.Literal('include')])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20_000, default: 1000 })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              country: Type.String(),
              drug: Type.String(),
              year: Type.Integer(),
              reportedKg: Type.Union([Type.Number(), Type.Null()]),
              reportedRows: Type.Integer(),
              recordedKg: Type.Number(),
              recordedCount: Type.Integer(),
              difference: Type.Union([Type.Number(), Type.Null()]),
              relative: Type.Union([Type.Number(), Type.Null()]),
            }),
          ),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await reconciliation(
        ctx.db,
        {
          fromYear: q.fromYear,
          toYear: q.toYear,
          countries: list(q.countries)?.map((c) => c.toUpperCase()),
          drugs: list(q.drugs),
          includeDuplicates: q.duplicates === 'include',
        },
        q.limit ?? 1000,
      );
      return rows.map((r) => {
        const d = difference(r.reportedKg, r.recordedKg);
        return { ...r, difference: d.difference, relative: d.relative };
      });
    },
  );

  app.get(
    '/api/v1/seizures/summary',
    {
      config: read,
      schema: {
        tags: ['seizures'],
        summary: 'Counts for the home page',
        response: {
          200: Type.Object({
            seizures: Type.Integer(),
            duplicates: Type.Integer(),
            kg: Type.Number(),
            countries: Type.Integer(),
            firstMonth: Type.Union([Type.String(), Type.Null()]),
            lastMonth: Type.Union([Type.String(), Type.Null()]),
            reportedTotals: Type.Integer(),
            imports: Type.Integer(),
            importsRunning: Type.Integer(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => summary(ctx.db),
  );
}
