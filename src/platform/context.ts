import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db } from './db/db.js';

/** What every route plugin and CLI command needs: validated configuration, the database and a logger. */
export interface AppContext {
  config: Config;
  db: Db;
  log: Logger;
  version: string;
}
