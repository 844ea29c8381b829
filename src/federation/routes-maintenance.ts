import { Type } from '@sinclair/typebox';
import { principalOf } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { removePartner } from './partners.js';
import { retryQuarantined } from './quarantine.js';
import { AgencyCode, UuidText } from './schemas.js';
import type { FederationService } from './service.js';

// Administrators' repairs: retry a quarantined envelope, remove a partner. Registered by adminRoutes().

export function maintenanceRoutes(app: App, ctx: AppContext, service: FederationService): void {
  const tags = ['federation'];

  app.post(
    '/api/v1/federation/quarantine/:id/retry',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary:
          'Apply a quarantined envelope again through the normal apply path; it leaves quarantine if it now applies',
        params: Strict({ id: UuidText }),
        response: {
          200: Type.Object({
            id: Type.String(),
            outcome: Type.Union([
              Type.Literal('applied'),
              Type.Literal('skipped'),
              Type.Literal('still-quarantined'),
            ]),
            reason: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      retryQuarantined(
        { db: ctx.db, self: ctx.config.agencyCode, dataDir: ctx.config.dataDir, log: ctx.log },
        request.params.id,
        principalOf(request).actor,
      ),
  );

  app.delete(
    '/api/v1/federation/partners/:agency',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary:
          'Remove a partner: stop the exchange and forget its keys and feed; the audit log and the records received from it stay',
        params: Strict({ agency: AgencyCode }),
        response: {
          200: Type.Object({ agency: Type.String(), receivedKept: Type.Integer() }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const removal = await removePartner(ctx.db, request.params.agency, principalOf(request).actor);
      service.forget(removal.agency);
      return removal;
    },
  );
}
