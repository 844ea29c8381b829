import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/server.js';
import { declareFederationTypes } from './declare.js';
import { adminRoutes } from './routes-admin.js';
import { partnerRoutes } from './routes-partner.js';
import { recordRoutes } from './routes-records.js';
import { FederationService } from './service.js';

// Federation's HTTP surface and its workers. buildApp calls federationRoutes(); `liaison serve` starts the workers
// once the node listens (startFederation), and they stop when the app closes.

const services = new WeakMap<App, FederationService>();

export function federationRoutes(app: App, ctx: AppContext): void {
  declareFederationTypes();
  const service = new FederationService(ctx);
  services.set(app, service);
  app.addHook('onClose', () => service.stop());
  partnerRoutes(app, ctx, service);
  adminRoutes(app, ctx, service);
  recordRoutes(app, ctx, service);
}

/** The federation service of an app (for the CLI, tests and benchmarks). */
export function federationOf(app: App): FederationService {
  const service = services.get(app);
  if (!service) throw new Error('federationRoutes() was not called for this app');
  return service;
}

/** Starts the dispatcher and pull workers of a listening node. */
export function startFederation(app: App): FederationService {
  const service = federationOf(app);
  service.start();
  return service;
}
