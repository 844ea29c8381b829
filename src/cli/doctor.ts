import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { loadConfig, redactUrl } from '../platform/config.js';
import { pendingMigrations } from '../platform/db/migrate.js';
import { databaseVersion, openDatabase } from '../platform/db/open.js';
import { keyFilePath, readIdentity } from '../platform/identity/identity.js';
import { VERSION } from '../platform/version.js';
import { print } from './context.js';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** Checks configuration, database, data folder and identity; returns false when anything is wrong. */
export async function doctor(): Promise<boolean> {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
    add('configuration', true, `agency ${config.agencyCode}, listens on ${config.host}:${config.port}`);
  } catch (error) {
    add('configuration', false, (error as Error).message);
    report(checks);
    return false;
  }
  add('liaison', true, `version ${VERSION}, Node ${process.version}`);
  try {
    if (existsSync(config.dataDir)) accessSync(config.dataDir, constants.W_OK);
    add(
      'data folder',
      true,
      `${config.dataDir}${existsSync(config.dataDir) ? '' : ' (created on first start)'}`,
    );
  } catch {
    add('data folder', false, `${config.dataDir} is not writable`);
  }
  add(
    'database engine',
    true,
    config.databaseUrl
      ? `PostgreSQL at ${redactUrl(config.databaseUrl)}`
      : `embedded PGlite in ${config.dataDir}/pgdata`,
  );
  try {
    const db = await openDatabase(config);
    try {
      add('database version', true, await databaseVersion(db));
      const pending = await pendingMigrations(db);
      add(
        'migrations',
        true,
        pending.length
          ? `${pending.length} pending (applied on next start): ${pending.join(', ')}`
          : 'all applied',
      );
      try {
        const identity = await readIdentity(db);
        const file = keyFilePath(config.dataDir);
        const mode = existsSync(file) ? (statSync(file).mode & 0o777).toString(8) : 'missing';
        add(
          'agency key',
          mode === '600',
          `fingerprint ${identity.fingerprint}; key file ${file} mode ${mode}`,
        );
      } catch (error) {
        add(
          'agency key',
          pending.length > 0,
          pending.length ? 'created on first start' : (error as Error).message,
        );
      }
    } finally {
      await db.close();
    }
  } catch (error) {
    add('database', false, (error as Error).message);
  }
  report(checks);
  return checks.every((c) => c.ok);
}

function report(checks: Check[]) {
  for (const check of checks)
    print(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(17)} ${check.detail}`);
}
