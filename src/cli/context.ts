import { userInfo } from 'node:os';
import type { Logger } from 'pino';
import { type Config, loadConfig } from '../platform/config.js';
import type { Db } from '../platform/db/db.js';
import { openDatabase } from '../platform/db/open.js';
import { createLogger } from '../platform/logger.js';

/** How CLI commands appear in the audit log. */
export function cliActor(): string {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return `cli:${name}`;
}

/** Runs a command against this node's database, closing it afterwards. Logs go to stderr, results to stdout. */
export async function withDatabase<T>(fn: (db: Db, config: Config, log: Logger) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const db = await openDatabase(config);
  try {
    return await fn(db, config, log);
  } finally {
    await db.close();
  }
}

export const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
export const printJson = (value: unknown): void => print(JSON.stringify(value, null, 2));

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
