/** Derived views of the registry: summary for the home page, search, members at a date, timelines, totals. */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.js';
import { badRequest, notFound } from '../platform/http/problem.js';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { checkCurrency } from './conversion.js';
import { REGISTRY_PREFIX } from './crud-routes.js';
import { membersAt } from './membership.js';
import { addMonths, isoDay } from './rules.js';
import { CountryCode, CurrencyCode, DateString, MechanismCode } from './schemas.js';
import { memberTimeline } from './timeline.js';
import {
  adProjectTotals,
  membershipFacts,
  overdueCommitments,
  registryCounts,
  searchRegistry,
  trainingTotals,
  upcomingMeetings,
} from './views.js';

const tags = ['registry'];
const read = { access: 'registry:read' as const };
const Names = Type.Object({
  en: Type.Union([Type.String(), Type.Null()]),
  zh: Type.Union([Type.String(), Type.Null()]),
  ru: Type.Union([Type.String(), Type.Null()]),
});
const Loose = Type.Object({}, { additionalProperties: true });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
/** One row of alternative-development totals (totals.ts AdRow), typed so that clients can rely on its shape. */
const AdRowSchema = Type.Object({
  countries: Type.String({ description: 'An alpha-2 code, or several joined by "+" given together' }),
  year: Type.Union([Type.Integer(), Type.Null()]),
  hectares: Type.Number({ description: 'Area in hectares (15 mu = 1 ha)' }),
  funding: Type.Record(Type.String(), Type.Number(), { description: 'Funding by original currency' }),
  converted: NullableNumber,
  currency: Type.Union([Type.String(), Type.Null()]),
  unconverted: Type.Array(
    Type.Object({
      project: Type.String(),
      amount: Type.Number(),
      currency: Type.String(),
      reason: Type.String(),
    }),
  ),
  isMinimum: Type.Boolean(),
  projects: Type.Integer(),
});

async function mechanismExists(ctx: AppContext, code: string) {
  const { rows } = await ctx.db.query('select 1 from mechanisms where code = $1 and retracted_at is null', [
    code,
  ]);
  if (!rows.length) throw notFound(`No mechanism with code ${code}.`);
}

export function viewRoutes(app: App, ctx: AppContext): void {
  app.get(
    `${REGISTRY_PREFIX}/summary`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Home page summary: record counts, overdue commitments, meetings of the next 12 months',
        querystring: Strict({ on: Type.Optional(DateString) }),
        response: {
          200: Type.Object({
            on: Type.String(),
            counts: Type.Record(Type.String(), Type.Object({ total: Type.Integer(), demo: Type.Integer() })),
            demoData: Type.Boolean({ description: 'Some records are demo data from public reporting' }),
            overdue: Type.Object({ total: Type.Integer(), items: Type.Array(Loose) }),
            upcoming: Type.Object({ recorded: Type.Array(Loose), projected: Type.Array(Loose) }),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const on = request.query.on ?? isoDay();
      const counts = await registryCounts(ctx.db);
      const overdue = await overdueCommitments(ctx.db, on, 10);
      const upcoming = await upcomingMeetings(ctx.db, on, addMonths(on, 12));
      return {
        on,
        counts,
        demoData: Object.values(counts).some((c) => c.demo > 0),
        overdue,
        upcoming: { recorded: upcoming.recorded.slice(0, 20), projected: upcoming.projected.slice(0, 20) },
      };
    },
  );

  app.get(
    `${REGISTRY_PREFIX}/search`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'Search agencies, mechanisms, agreements, meetings, commitments, training and projects by name in any language',
        querystring: Strict({
          q: Type.String({ minLength: 1, maxLength: 200 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: {
          200: Type.Object({
            q: Type.String(),
            hits: Type.Array(
              Type.Object({
                kind: Type.String(),
                path: Type.String(),
                id: Type.String(),
                code: Type.Union([Type.String(), Type.Null()]),
                names: Names,
                demo: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ({
      q: request.query.q,
      hits: await searchRegistry(ctx.db, request.query.q, request.query.limit ?? 50),
    }),
  );

  app.get(
    `${REGISTRY_PREFIX}/mechanisms/:code/members`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Members of a mechanism on a date (role member), and every role held that day',
        params: Strict({ code: MechanismCode }),
        querystring: Strict({ at: Type.Optional(DateString) }),
        response: {
          200: Type.Object({
            mechanism: Type.String(),
            at: Type.String(),
            members: Type.Array(Type.String()),
            roles: Type.Array(
              Type.Object({
                agency: Type.String(),
                role: Type.String(),
                joinedOn: Type.String(),
                leftOn: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { code } = request.params;
      await mechanismExists(ctx, code);
      const at = request.query.at ?? isoDay();
      const facts = await membershipFacts(ctx.db, code);
      const roles = facts
        .filter((f) => f.joinedOn <= at && (f.leftOn === null || f.leftOn > at))
        .map((f) => ({ agency: f.agencyCode, role: f.role, joinedOn: f.joinedOn, leftOn: f.leftOn }));
      return { mechanism: code, at, members: await membersAt(ctx.db, code, at), roles };
    },
  );

  app.get(
    `${REGISTRY_PREFIX}/mechanisms/:code/timeline`,
    {
      config: read,
      schema: {
        tags,
        summary: "A mechanism's member timeline: periods per agency and each day membership changed",
        params: Strict({ code: MechanismCode }),
        response: {
          200: Type.Object({
            mechanism: Type.String(),
            agencies: Type.Array(
              Type.Object({
                agency: Type.String(),
                periods: Type.Array(
                  Type.Object({
                    role: Type.String(),
                    joinedOn: Type.String(),
                    leftOn: Type.Union([Type.String(), Type.Null()]),
                  }),
                ),
              }),
            ),
            steps: Type.Array(
              Type.Object({
                on: Type.String(),
                joined: Type.Array(Type.String()),
                left: Type.Array(Type.String()),
                members: Type.Array(Type.String()),
              }),
            ),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      await mechanismExists(ctx, request.params.code);
      return memberTimeline(request.params.code, await membershipFacts(ctx.db, request.params.code));
    },
  );

  app.get(
    `${REGISTRY_PREFIX}/meetings/upcoming`,
    {
      config: read,
      schema: {
        tags,
        summary: "Meetings between two dates: recorded ones and those projected from mechanisms' cadences",
        querystring: Strict({
          from: Type.Optional(DateString),
          to: Type.Optional(DateString),
          mechanism: Type.Optional(MechanismCode),
        }),
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            recorded: Type.Array(Loose),
            projected: Type.Array(Loose),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const from = request.query.from ?? isoDay();
      const to = request.query.to ?? addMonths(from, 24);
      if (to < from)
        throw badRequest('The period ends before it starts.', [
          { path: '/query/to', message: `${to} is before from ${from}` },
        ]);
      return { from, to, ...(await upcomingMeetings(ctx.db, from, to, request.query.mechanism)) };
    },
  );

  app.get(
    `${REGISTRY_PREFIX}/commitments/overdue`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Commitments past their due date that are neither done nor dropped',
        querystring: Strict({
          on: Type.Optional(DateString),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
        }),
        response: {
          200: Type.Object({ on: Type.String(), total: Type.Integer(), items: Type.Array(Loose) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const on = request.query.on ?? isoDay();
      return { on, ...(await overdueCommitments(ctx.db, on, request.query.limit ?? 200)) };
    },
  );

  app.get(
    `${REGISTRY_PREFIX}/training/totals`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'Officers trained by country and year (figures given for several countries together stay together)',
        querystring: Strict({
          from: Type.Optional(DateString),
          to: Type.Optional(DateString),
          country: Type.Optional(CountryCode),
        }),
        response: {
          200: Type.Object({
            rows: Type.Array(
              Type.Object({
                countries: Type.String(),
                year: Type.Union([Type.Integer(), Type.Null()]),
                officers: Type.Integer(),
                isMinimum: Type.Boolean(),
                programmes: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { from, to, country } = request.query;
      const rows = await trainingTotals(ctx.db, from, to);
      return { rows: country ? rows.filter((r) => r.countries.split('+').includes(country)) : rows };
    },
  );

  app.get(
    `${REGISTRY_PREFIX}/ad-projects/totals`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'Alternative-development area (hectares; 15 mu = 1 ha) and funding by country and year, converted with dated rates',
        querystring: Strict({
          currency: Type.Optional(CurrencyCode),
          from: Type.Optional(DateString),
          to: Type.Optional(DateString),
        }),
        response: {
          200: Type.Object({
            currency: Type.Union([Type.String(), Type.Null()]),
            rows: Type.Array(AdRowSchema),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { currency, from, to } = request.query;
      if (currency) {
        const bad = checkCurrency(currency);
        if (bad) throw badRequest(bad, [{ path: '/query/currency', message: bad }]);
      }
      return { currency: currency ?? null, rows: await adProjectTotals(ctx.db, { currency, from, to }) };
    },
  );
}
