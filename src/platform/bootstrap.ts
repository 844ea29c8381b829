import { generatePassword } from './auth/passwords.js';
import { countUsers, createUser } from './auth/users.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';

/**
 * Creates the first administrator on an empty node. Returns the one-time password when one was generated, so
 * the caller prints it once; it is never logged.
 */
export async function ensureFirstAdmin(
  db: Db,
  config: Pick<Config, 'adminPassword'>,
): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const generated = config.adminPassword === undefined ? generatePassword() : undefined;
  await createUser(
    db,
    {
      username: 'admin',
      displayName: 'Administrator',
      role: 'admin',
      password: config.adminPassword ?? (generated as string),
      passwordChangeRequired: generated !== undefined,
    },
    'system',
  );
  return generated;
}
