import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApp, prepareNode } from '../../src/app.js';
import type { Role } from '../../src/platform/auth/permissions.js';
import { createUser } from '../../src/platform/auth/users.js';
import { type Config, loadConfig } from '../../src/platform/config.js';
import type { AppContext } from '../../src/platform/context.js';
import type { App } from '../../src/platform/http/server.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTestDb } from './db.js';

export const ADMIN_PASSWORD = 'correct horse battery staple';
export const USER_PASSWORD = 'a long enough password 1';

export interface TestNode {
  app: App;
  ctx: AppContext;
  dataDir: string;
  oneTimeAdminPassword: string | undefined;
  /** Signs in and returns the Cookie header value of the session. */
  login(username: string, password?: string): Promise<string>;
  /** Creates a user with a role and returns a signed-in cookie for them. */
  userWithRole(role: Role, username?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestNodeOptions {
  /** Where the node's logs go (LOG_LEVEL still applies); see captureLogs() in ./logs.ts. */
  logStream?: DestinationStream;
}

export async function startTestNode(
  env: Record<string, string> = {},
  options: TestNodeOptions = {},
): Promise<TestNode> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-test-'));
  const testDb = await createTestDb();
  const config: Config = loadConfig({
    LIAISON_DATA_DIR: dataDir,
    LIAISON_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LIAISON_DEMO_DATA: 'false',
    LIAISON_AGENCY_CODE: 'TEST-NNCB',
    LIAISON_AGENCY_NAME: 'Test Narcotics Bureau',
    LOG_LEVEL: 'silent',
    PORT: '0',
    ...env,
  });
  const log = createLogger(config.logLevel, options.logStream);
  const prepared = await prepareNode(config, log, testDb.db);
  const app = await buildApp(prepared.ctx);
  await app.ready();
  const login = async (username: string, password = USER_PASSWORD) => {
    const res: LightMyRequestResponse = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'liaison_session');
    if (!cookie) throw new Error('no session cookie');
    return `liaison_session=${cookie.value}`;
  };
  let n = 0;
  return {
    app,
    ctx: prepared.ctx,
    dataDir,
    oneTimeAdminPassword: prepared.oneTimeAdminPassword,
    login,
    async userWithRole(role, username = `${role.replace('_', '-')}-${++n}`) {
      await createUser(prepared.ctx.db, { username, role, password: USER_PASSWORD }, 'system');
      return login(username);
    },
    async close() {
      await app.close();
      await testDb.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
