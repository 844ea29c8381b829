/** Routes of the cooperation registry under /api/v1/registry. */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.js';
import { errorResponses } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { MEETING_LEVELS } from './cadence.js';
import { commitmentRoutes } from './commitment-routes.js';
import { areaUnitCodes } from './conversion.js';
import { crudRoutes, REGISTRY_PREFIX } from './crud-routes.js';
import { ISO_4217 } from './currencies.js';
import { FILE_TYPES, MAX_FILE_BYTES } from './files.js';
import { fileRoutes } from './files-routes.js';
import { AGENCY_KINDS } from './kinds/agency.js';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from './kinds/agreement.js';
import { KINDS } from './kinds/index.js';
import { MECHANISM_KINDS } from './kinds/mechanism.js';
import { MEETING_STATUSES } from './kinds/meeting.js';
import { MEMBERSHIP_ROLES } from './membership.js';
import { rateRoutes } from './rates-routes.js';
import { COMMITMENT_STATUSES } from './rules.js';
import { DOCUMENT_KINDS } from './schemas.js';
import { viewRoutes } from './views-routes.js';

/** The value lists of the registry, for forms and imports. */
export function vocabulary() {
  return {
    agencyKinds: [...AGENCY_KINDS],
    mechanismKinds: [...MECHANISM_KINDS],
    membershipRoles: [...MEMBERSHIP_ROLES],
    agreementKinds: [...AGREEMENT_KINDS],
    agreementStatuses: [...AGREEMENT_STATUSES],
    meetingLevels: [...MEETING_LEVELS],
    meetingStatuses: [...MEETING_STATUSES],
    commitmentStatuses: [...COMMITMENT_STATUSES],
    documentKinds: [...DOCUMENT_KINDS],
    areaUnits: areaUnitCodes(),
    currencies: [...ISO_4217],
    fileTypes: Object.values(FILE_TYPES).map((t) => t.mediaType),
    maxFileBytes: MAX_FILE_BYTES,
  };
}

export function registryRoutes(app: App, ctx: AppContext): void {
  // Static paths (summary, search, .../upcoming, .../overdue, .../totals) before the parametric ones of each kind.
  viewRoutes(app, ctx);
  commitmentRoutes(app, ctx);
  rateRoutes(app, ctx);
  fileRoutes(app, ctx);
  for (const kind of KINDS) crudRoutes(app, ctx, kind);
  app.get(
    `${REGISTRY_PREFIX}/vocabulary`,
    {
      config: { access: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary:
          'Value lists: kinds, roles, levels, statuses, area units, ISO 4217 currencies, accepted file types',
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errorResponses(401, 403) },
      },
    },
    async () => vocabulary(),
  );
}
