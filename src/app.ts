import type { Logger } from 'pino';
import { federationRoutes } from './federation/routes.js';
import { auditRoutes } from './platform/audit/routes.js';
import { installAccessControl } from './platform/auth/principal.js';
import { authRoutes } from './platform/auth/routes.js';
import { ensureFirstAdmin } from './platform/bootstrap.js';
import type { Config } from './platform/config.js';
import type { AppContext } from './platform/context.js';
import type { Db } from './platform/db/db.js';
import { migrate } from './platform/db/migrate.js';
import { openDatabase } from './platform/db/open.js';
import { healthRoutes } from './platform/http/health.js';
import { overviewRoutes } from './platform/http/overview.js';
import { type App, createHttpServer } from './platform/http/server.js';
import { serveWebApp, WEB_DIST } from './platform/http/static.js';
import { ensureIdentity } from './platform/identity/identity.js';
import { nodeRoutes } from './platform/identity/routes.js';
import { VERSION } from './platform/version.js';
import { loadReferenceData } from './reference/load.js';
import { referenceRoutes } from './reference/routes.js';
import { loadDemoRegistry } from './registry/demo.js';
import { registryRoutes } from './registry/routes.js';
import { seizureRoutes } from './seizures/routes.js';

export interface PreparedNode {
  ctx: AppContext;
  /** Set only on the start that created the first administrator without LIAISON_ADMIN_PASSWORD. */
  oneTimeAdminPassword: string | undefined;
  migrationsApplied: string[];
}

/** Everything a node needs before it serves: migrations, reference data, agency identity, first administrator. */
export async function prepareNode(config: Config, log: Logger, db?: Db): Promise<PreparedNode> {
  const database = db ?? (await openDatabase(config));
  try {
    const migrationsApplied = await migrate(database);
    if (migrationsApplied.length) log.info({ migrations: migrationsApplied }, 'migrations applied');
    const loaded = await loadReferenceData(database);
    if (loaded) log.info('reference data loaded');
    const { identity, created } = await ensureIdentity(database, config);
    if (created)
      log.info({ agency: identity.agencyCode, fingerprint: identity.fingerprint }, 'agency identity created');
    const oneTimeAdminPassword = await ensureFirstAdmin(database, config);
    if (config.demoData && (await loadDemoRegistry(database, config.agencyCode)))
      log.info('registry demo data loaded');
    return { ctx: { config, db: database, log, version: VERSION }, oneTimeAdminPassword, migrationsApplied };
  } catch (error) {
    if (!db) await database.close().catch(() => undefined);
    throw error;
  }
}

/** The HTTP application of a prepared node (not yet listening). */
export async function buildApp(ctx: AppContext): Promise<App> {
  const app = await createHttpServer({
    logger: ctx.log,
    bodyLimitBytes: ctx.config.bodyLimitBytes,
    version: ctx.version,
  });
  installAccessControl(app, ctx);
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  nodeRoutes(app, ctx);
  auditRoutes(app, ctx);
  referenceRoutes(app, ctx);
  registryRoutes(app, ctx);
  seizureRoutes(app, ctx);
  federationRoutes(app, ctx);
  overviewRoutes(app, ctx);
  await serveWebApp(app, WEB_DIST);
  return app;
}
