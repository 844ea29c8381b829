import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, resetTestDb, type TestDb } from '../../../test/support/db.js';
import { call } from '../../../test/support/http.js';
import { captureLogs } from '../../../test/support/logs.js';
import { ADMIN_PASSWORD } from '../../../test/support/node.js';
import { buildApp, prepareNode } from '../../app.js';
import { loadConfig } from '../config.js';
import { openPostgres } from '../db/postgres.js';
import { createLogger } from '../logger.js';
import { ensureIdentity, IdentityError, keyFilePath, readIdentity } from './identity.js';
import { generateAgencyKeyPair, publicKeyOfPem } from './keys.js';

let testDb: TestDb;
let dataDir: string;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.cleanup());
// Every test is a new node: an empty database and an empty data folder.
beforeEach(async () => {
  await resetTestDb(testDb.db);
  dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-identity-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const configFor = (env: Record<string, string> = {}) =>
  loadConfig({
    LIAISON_DATA_DIR: dataDir,
    LIAISON_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LIAISON_AGENCY_CODE: 'TH-ONCB',
    LIAISON_AGENCY_NAME: 'Office of the Narcotics Control Board',
    LIAISON_AGENCY_COUNTRY: 'TH',
    LOG_LEVEL: 'silent',
    // The registry's demo data has nothing to do with identity and costs seconds per start.
    LIAISON_DEMO_DATA: 'false',
    ...env,
  });

/** Starts (prepares) the node on the shared database and data folder, as a restart would. */
const start = (env: Record<string, string> = {}, log = createLogger('silent')) =>
  prepareNode(configFor(env), log, testDb.db);

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the start to fail');
  return error;
}

describe('agency identity', () => {
  it("creates an Ed25519 key file readable only by the node's user (0600, folder 0700)", async () => {
    await start();
    const file = keyFilePath(dataDir);
    expect(file).toBe(path.join(dataDir, 'keys', 'agency-ed25519.pem'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('records the agency and the public key of the key file, with a fingerprint', async () => {
    await start();
    const identity = await readIdentity(testDb.db);
    expect(identity).toMatchObject({
      agencyCode: 'TH-ONCB',
      agencyName: 'Office of the Narcotics Control Board',
      country: 'TH',
    });
    expect(identity.publicKey).toBe(publicKeyOfPem(readFileSync(keyFilePath(dataDir), 'utf8')));
    expect(identity.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('shows code, name, country, public key and fingerprint at GET /api/v1/node', async () => {
    const { ctx } = await start();
    const app = await buildApp(ctx);
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: ADMIN_PASSWORD },
      });
      const cookie = `liaison_session=${login.cookies.find((c) => c.name === 'liaison_session')?.value}`;
      const res = await call(app, 'GET', '/api/v1/node', cookie);
      expect(res.statusCode).toBe(200);
      const identity = await readIdentity(testDb.db);
      expect(res.json()).toEqual({
        agencyCode: 'TH-ONCB',
        agencyName: 'Office of the Narcotics Control Board',
        country: 'TH',
        publicKey: identity.publicKey,
        fingerprint: identity.fingerprint,
        keyCreatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        version: ctx.version,
        database: testDb.db.engine,
      });
      expect(res.body).not.toContain('PRIVATE KEY');
    } finally {
      await app.close();
    }
  });

  it('reports when the active key was made, not when the agency record was', async () => {
    const { ctx } = await start();
    await testDb.db.query("update node_keys set created_at = '2031-05-06T07:08:09Z'");
    const app = await buildApp(ctx);
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: ADMIN_PASSWORD },
      });
      const cookie = `liaison_session=${login.cookies.find((c) => c.name === 'liaison_session')?.value}`;
      expect((await call(app, 'GET', '/api/v1/node', cookie)).json().keyCreatedAt).toBe(
        '2031-05-06T07:08:09.000Z',
      );
    } finally {
      await app.close();
    }
  });

  it('keeps the same key across restarts on the same data folder and database', async () => {
    await start();
    const first = await readIdentity(testDb.db);
    const pem = readFileSync(keyFilePath(dataDir), 'utf8');
    const again = await ensureIdentity(testDb.db, configFor());
    expect(again.created).toBe(false);
    // On PostgreSQL the restart gets connections of its own, as a new process would.
    const reopened = testDb.url ? await openPostgres(testDb.url, { max: 2 }) : testDb.db;
    try {
      await prepareNode(configFor(), createLogger('silent'), reopened);
    } finally {
      if (reopened !== testDb.db) await reopened.close();
    }
    const second = await readIdentity(testDb.db);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.keyId).toBe(first.keyId);
    expect(readFileSync(keyFilePath(dataDir), 'utf8')).toBe(pem);
    const { rows } = await testDb.db.query<{ n: number }>('select count(*)::int as n from node_keys');
    expect(rows[0]?.n).toBe(1);
  });

  it('takes a new agency name or country from the configuration on restart, but never a new code', async () => {
    await start();
    await start({ LIAISON_AGENCY_NAME: 'ONCB Thailand', LIAISON_AGENCY_COUNTRY: '' });
    expect(await readIdentity(testDb.db)).toMatchObject({
      agencyCode: 'TH-ONCB',
      agencyName: 'ONCB Thailand',
      country: 'TH',
    });
  });

  it('refuses to start with a different LIAISON_AGENCY_CODE on the same database', async () => {
    await start();
    const error = await failure(start({ LIAISON_AGENCY_CODE: 'MM-CCDAC' }));
    expect(error).toBeInstanceOf(IdentityError);
    expect(error.message).toBe(
      'this database belongs to agency TH-ONCB, but LIAISON_AGENCY_CODE is MM-CCDAC; an agency code cannot change once the node exists',
    );
    expect((await readIdentity(testDb.db)).agencyCode).toBe('TH-ONCB');
  });

  it('refuses to start when the key file is missing but the database has a key, saying where it should be', async () => {
    await start();
    const file = keyFilePath(dataDir);
    renameSync(file, `${file}.bak`);
    const error = await failure(start());
    expect(error).toBeInstanceOf(IdentityError);
    expect(error.message).toContain(`the agency's private key is missing: expected ${file}`);
    // Nothing was replaced: with the file back, the node starts with its old key.
    renameSync(`${file}.bak`, file);
    await start();
  });

  it('refuses to start when the key file holds another key than the database', async () => {
    await start();
    rmSync(keyFilePath(dataDir));
    writeFileSync(keyFilePath(dataDir), generateAgencyKeyPair().privateKeyPem, { mode: 0o600 });
    const error = await failure(start());
    expect(error).toBeInstanceOf(IdentityError);
    expect(error.message).toMatch(/does not match this database's agency key/);
  });

  it('refuses to start when the key file is not an Ed25519 key, naming the file', async () => {
    await start();
    rmSync(keyFilePath(dataDir));
    const x25519 = generateKeyPairSync('x25519')
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    writeFileSync(keyFilePath(dataDir), x25519, { mode: 0o600 });
    const error = await failure(start());
    expect(error).toBeInstanceOf(IdentityError);
    expect(error.message).toContain(keyFilePath(dataDir));
    expect(error.message).not.toContain('PRIVATE KEY');
  });

  it('adopts an existing key file when the database has no key yet (a database restored empty)', async () => {
    const pair = generateAgencyKeyPair();
    const file = keyFilePath(dataDir);
    await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 }));
    writeFileSync(file, pair.privateKeyPem, { mode: 0o600 });
    await start();
    expect((await readIdentity(testDb.db)).fingerprint).toBe(pair.fingerprint);
    expect(readFileSync(file, 'utf8')).toBe(pair.privateKeyPem);
  });

  it('never writes the private key to the logs, even at trace level', async () => {
    const logs = captureLogs();
    const log = createLogger('trace', logs.stream);
    // A complete first start, demo data included.
    const { ctx } = await start({ LIAISON_DEMO_DATA: 'true' }, log);
    const app = await buildApp(ctx);
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    await app.close();
    const pem = readFileSync(keyFilePath(dataDir), 'utf8');
    const body = pem.split('\n').slice(1, -2).join('');
    const text = logs.text();
    expect(text).toContain('agency identity created');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(body);
    expect(text).not.toContain(ADMIN_PASSWORD);
    // The public fingerprint is logged, so an operator can compare it with partners.
    expect(text).toContain((await readIdentity(testDb.db)).fingerprint);
  });
});
