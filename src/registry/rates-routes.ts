import { Type } from '@sinclair/typebox';
import { principalOf } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { REGISTRY_PREFIX } from './crud-routes.js';
import { enterRate, listRates, removeRate } from './rates.js';
import { CurrencyCode, DateString } from './schemas.js';

const RateSchema = Type.Object({
  id: Type.String(),
  currency: Type.String(),
  toCurrency: Type.String(),
  rate: Type.Number(),
  validOn: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  enteredBy: Type.String(),
  enteredAt: Type.String(),
});

export function rateRoutes(app: App, ctx: AppContext): void {
  const base = `${REGISTRY_PREFIX}/exchange-rates`;
  const tags = ['registry'];
  app.get(
    base,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Exchange rates entered for converted totals',
        querystring: Strict({ currency: Type.Optional(CurrencyCode) }),
        response: { 200: Type.Array(RateSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listRates(ctx.db, request.query.currency),
  );
  app.post(
    base,
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary:
          'Enter a rate: one unit of currency is worth rate units of toCurrency from validOn (until a later rate)',
        body: Strict({
          currency: CurrencyCode,
          toCurrency: CurrencyCode,
          rate: Type.Number(),
          validOn: DateString,
          source: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 1000 }), Type.Null()])),
        }),
        response: { 201: RateSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await enterRate(ctx.db, request.body, principalOf(request).actor)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary: 'Remove an exchange rate',
        params: Strict({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeRate(ctx.db, request.params.id, principalOf(request).actor);
      return reply.code(204).send(null);
    },
  );
}
