import { buildApp, prepareNode } from '../app.js';
import { startFederation } from '../federation/routes.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';

/** The boxed notice of a generated first-admin password: printed once to the terminal, never logged. */
export function oneTimePasswordNotice(password: string, url: string): string {
  const lines = [
    'First administrator created.',
    '  user name: admin',
    `  one-time password: ${password}`,
    'Sign in and choose a new password; this one is not shown again.',
    `  ${url}`,
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = '='.repeat(width + 2);
  return [bar, ...lines.map((l) => `| ${l.padEnd(width - 1)}|`), bar].join('\n');
}

export async function serve(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const prepared = await prepareNode(config, log);
  const app = await buildApp(prepared.ctx);
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('://0.0.0.0', '://localhost').replace('://127.0.0.1', '://localhost');
  if (prepared.oneTimeAdminPassword)
    process.stdout.write(`\n${oneTimePasswordNotice(prepared.oneTimeAdminPassword, url)}\n\n`);
  // The federation workers (dispatcher, pulls, notices) run while the node listens; app.close() stops them.
  startFederation(app);
  log.info({ url, agency: config.agencyCode, database: prepared.ctx.db.engine }, 'Liaison node serving');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await app.close();
    await prepared.ctx.db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
