import { Type } from '@sinclair/typebox';
import { recordAudit } from '../platform/audit/log.js';
import { principalOf } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { badRequest, notFound } from '../platform/http/problem.js';
import { errorResponses, Strict, Uuid } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { currentKgTable } from '../reference/convert.js';
import { ImportJobs } from './jobs.js';
import { hasStale, recomputeKg } from './recompute.js';
import { decodeCursor, getSeizure, listSeizures } from './records.js';
import { exportRoutes } from './routes-export.js';
import { importRoutes } from './routes-import.js';
import { statsRoutes } from './routes-stats.js';
import { ListQuery, ReportedTotalSchema, SeizureRecordSchema, SeizureSummarySchema } from './schemas.js';

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/** Seizure records, imports, statistics and reported totals under /api/v1/seizures. */
export function seizureRoutes(app: App, ctx: AppContext): ImportJobs {
  const jobs = new ImportJobs(ctx);
  app.addSchema(SeizureSummarySchema);
  app.addSchema(SeizureRecordSchema);
  importRoutes(app, ctx, jobs);
  statsRoutes(app, ctx);
  exportRoutes(app);

  app.addHook('onReady', async () => {
    // Imports a stopped server left running go on; seizures converted with an older table are converted again.
    const resumed = await jobs.resumeInterrupted();
    if (resumed) ctx.log.info({ imports: resumed }, 'seizure imports resumed');
    const table = currentKgTable();
    if (await hasStale(ctx.db, table.table.version)) {
      void recomputeKg(ctx.db, table)
        .then((r) => ctx.log.info(r, 'seizure kilogram equivalents recomputed'))
        .catch((error: unknown) => ctx.log.error({ err: error }, 'recomputing kilogram equivalents failed'));
    }
  });
  app.addHook('onClose', async () => {
    await jobs.idle();
  });

  app.get(
    '/api/v1/seizures',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary:
          'Seizures, newest first, with filters and keyset paging (route fields are on the record page only)',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('SeizureSummary')),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const after = q.after ? decodeCursor(q.after) : undefined;
      if (q.after && !after)
        throw badRequest('after is not a cursor of this list', [
          { path: '/query/after', message: 'is not a cursor' },
        ]);
      return listSeizures(ctx.db, {
        countries: list(q.countries)?.map((c) => c.toUpperCase()),
        drugs: list(q.drugs),
        from: q.from,
        to: q.to,
        duplicates: q.duplicates,
        importId: q.importId,
        after,
        limit: q.limit ?? 50,
      });
    },
  );

  app.get(
    '/api/v1/seizures/reported-totals',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary: 'Reported totals (country, drug, year) with their source',
        querystring: Strict({
          countries: Type.Optional(Type.String({ maxLength: 2000 })),
          drugs: Type.Optional(Type.String({ maxLength: 2000 })),
          year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
          duplicates: Type.Optional(Type.Union([Type.Literal('exclude'), Type.Literal('include')])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: Type.Array(ReportedTotalSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const { rows } = await ctx.db.query<Record<string, unknown>>(
        `select id, country, country_text, drug_code, drug_text, year, quantity::float8 as quantity, unit_code, kg, source, source_row, duplicate_of
           from reported_totals
          where ($1::text[] is null or country = any($1::text[])) and ($2::text[] is null or drug_code = any($2::text[]))
            and ($3::int is null or year = $3) and ($4 or duplicate_of is null)
          order by country, drug_code, year, source_row limit $5 offset $6`,
        [
          list(q.countries)?.map((c) => c.toUpperCase()) ?? null,
          list(q.drugs) ?? null,
          q.year ?? null,
          q.duplicates === 'include',
          q.limit ?? 100,
          q.offset ?? 0,
        ],
      );
      return rows.map((r) => ({
        id: r.id as string,
        country: r.country as string,
        countryReported: r.country_text as string,
        drug: r.drug_code as string,
        drugReported: r.drug_text as string,
        year: Number(r.year),
        quantity: Number(r.quantity),
        unit: r.unit_code as string,
        kg: r.kg === null ? null : Number(r.kg),
        source: r.source as string,
        sourceRow: (r.source_row as number | null) ?? null,
        duplicateOf: (r.duplicate_of as string | null) ?? null,
      }));
    },
  );

  app.post(
    '/api/v1/seizures/recompute',
    {
      config: { access: 'seizures:write' },
      schema: {
        tags: ['seizures'],
        summary:
          'Convert again every seizure and reported total converted with another kg table than the current one, and rebuild the rollups',
        response: {
          200: Type.Object({
            table: Type.String(),
            seizures: Type.Integer(),
            reportedTotals: Type.Integer(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const result = await recomputeKg(ctx.db, currentKgTable());
      await recordAudit(ctx.db, {
        actor: principalOf(request).actor,
        action: 'seizures.kg_recomputed',
        detail: { ...result },
      });
      return result;
    },
  );

  app.get(
    '/api/v1/seizures/:id',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary: 'A seizure with its restricted route fields (the read is audited)',
        params: Strict({ id: Uuid }),
        response: { 200: Type.Ref('SeizureRecord'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const record = await getSeizure(ctx.db, request.params.id);
      if (!record) throw notFound(`No seizure with id ${request.params.id}.`);
      await recordAudit(ctx.db, {
        actor: principalOf(request).actor,
        action: 'record.read',
        target: `seizures.seizure:${record.id}`,
        detail: {
          restricted: [
            'producingCountries',
            'departureCountry',
            'transitCountries',
            'destinationCountry',
            'traffickerNationalities',
          ],
        },
      });
      return record;
    },
  );

  return jobs;
}
