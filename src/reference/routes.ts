import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/server.js';

// Placeholder until the reference routes land in this folder (same session).
export function referenceRoutes(_app: App, _ctx: AppContext): void {}
