import { Command, InvalidArgumentError, Option } from 'commander';
import { verifyAudit } from '../platform/audit/log.js';
import { generatePassword } from '../platform/auth/passwords.js';
import { isPermission, PERMISSIONS, ROLES, type Role } from '../platform/auth/permissions.js';
import { createToken, listTokens, revokeToken } from '../platform/auth/tokens.js';
import { changeUser, createUser, findUserByUsername, listUsers } from '../platform/auth/users.js';
import { migrate } from '../platform/db/migrate.js';
import { VERSION } from '../platform/version.js';
import { loadReferenceData } from '../reference/load.js';
import { cliActor, print, printJson, readStdin, withDatabase } from './context.js';
import { doctor } from './doctor.js';
import { describeFailure } from './errors.js';
import { registerFederationCommands } from './federation.js';
import { registerRegistryCommands } from './registry.js';
import { seizureCommands } from './seizures.js';
import { serve } from './serve.js';

const program = new Command()
  .name('liaison')
  .description(
    'Liaison node: the information system of international drug-control cooperation.\nConfiguration comes from environment variables; see README.md.',
  )
  .version(VERSION)
  .showHelpAfterError();

program
  .command('serve')
  .description(
    'Start the node: apply migrations, load reference data, create the agency identity and first administrator if needed, then serve HTTP.',
  )
  .action(serve);

program
  .command('migrate')
  .description('Apply pending database migrations and load reference data, then exit.')
  .action(() =>
    withDatabase(async (db) => {
      const applied = await migrate(db);
      const loaded = await loadReferenceData(db);
      print(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
      print(loaded ? 'reference data loaded' : 'reference data up to date');
    }),
  );

const role = (value: string): Role => {
  if (!(ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
  return value as Role;
};

const user = program.command('user').description('Manage user accounts of this node.');
user
  .command('add')
  .description(
    'Create a user. Without --password-stdin a one-time password is generated and printed; the user must change it at first sign-in.',
  )
  .argument('<username>', 'user name (2-64 letters, digits, dot, hyphen, underscore)')
  .addOption(new Option('--role <role>', 'role of the user').choices([...ROLES]).makeOptionMandatory())
  .option('--display-name <name>', 'name shown in the interface')
  .addOption(
    new Option('--locale <locale>', 'interface language').choices(['en', 'zh-CN', 'ru']).default('en'),
  )
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .action(
    async (
      username: string,
      opts: { role: string; displayName?: string; locale: 'en' | 'zh-CN' | 'ru'; passwordStdin?: boolean },
    ) => {
      const password = opts.passwordStdin ? await readStdin() : generatePassword();
      await withDatabase(async (db) => {
        const created = await createUser(
          db,
          {
            username,
            role: role(opts.role),
            displayName: opts.displayName,
            locale: opts.locale,
            password,
            passwordChangeRequired: !opts.passwordStdin,
          },
          cliActor(),
        );
        print(`created ${created.username} (${created.role})`);
        if (!opts.passwordStdin) print(`one-time password: ${password}`);
      });
    },
  );
user
  .command('list')
  .description('List user accounts.')
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) =>
    withDatabase(async (db) => {
      const users = await listUsers(db);
      if (opts.json) return printJson(users);
      for (const u of users)
        print(`${u.username.padEnd(24)} ${u.role.padEnd(18)} ${u.disabled ? 'disabled' : 'active'}`);
    }),
  );
for (const [name, disabled] of [
  ['disable', true],
  ['enable', false],
] as const) {
  user
    .command(name)
    .description(
      disabled
        ? 'Disable a user: ends their sessions and revokes their API tokens.'
        : 'Enable a disabled user again.',
    )
    .argument('<username>')
    .action((username: string) =>
      withDatabase(async (db) => {
        const found = await findUserByUsername(db, username);
        if (!found) throw new Error(`no user named "${username}"`);
        await changeUser(db, found.id, { disabled }, cliActor());
        print(`${name}d ${found.username}`);
      }),
    );
}

const scope = (value: string, previous: string[] = []): string[] => {
  if (!isPermission(value))
    throw new InvalidArgumentError(
      `"${value}" is not a permission; one of ${Object.keys(PERMISSIONS).join(', ')}`,
    );
  return [...previous, value];
};

const token = program.command('token').description('Manage API tokens for scripts.');
token
  .command('create')
  .description('Create an API token for a user; its secret is printed once.')
  .requiredOption('--user <username>', 'owner of the token')
  .requiredOption('--name <name>', 'what the token is for')
  .requiredOption(
    '--scope <permission>',
    "a permission the token carries (repeat for several; must be in the user's role)",
    scope,
  )
  .option('--expires-days <days>', 'days until the token expires', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 3650)
      throw new InvalidArgumentError('must be a whole number from 1 to 3650');
    return n;
  })
  .action((opts: { user: string; name: string; scope: string[]; expiresDays?: number }) =>
    withDatabase(async (db) => {
      const owner = await findUserByUsername(db, opts.user);
      if (!owner) throw new Error(`no user named "${opts.user}"`);
      const created = await createToken(
        db,
        owner,
        { name: opts.name, scopes: opts.scope, expiresInDays: opts.expiresDays },
        cliActor(),
      );
      print(`token ${created.token.id} for ${owner.username}: ${created.token.scopes.join(', ')}`);
      print(created.secret);
    }),
  );
token
  .command('list')
  .description('List API tokens.')
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) =>
    withDatabase(async (db) => {
      const tokens = await listTokens(db);
      if (opts.json) return printJson(tokens);
      for (const t of tokens)
        print(`${t.id}  ${t.username.padEnd(20)} ${t.name.padEnd(24)} ${t.revokedAt ? 'revoked' : 'active'}`);
    }),
  );
token
  .command('revoke')
  .description('Revoke an API token.')
  .argument('<id>', 'token id (from `liaison token list`)')
  .action((id: string) =>
    withDatabase(async (db) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`"${id}" is not a token id`);
      await revokeToken(db, id, cliActor());
      print(`revoked ${id}`);
    }),
  );

program
  .command('audit')
  .description('Audit log tools.')
  .command('verify')
  .description("Check the audit log's hash chain; exits 1 when an entry was edited, removed or reordered.")
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) =>
    withDatabase(async (db) => {
      const check = await verifyAudit(db);
      if (opts.json) printJson(check);
      else {
        print(
          check.ok
            ? `audit log intact: ${check.entries} entries`
            : `audit log BROKEN: ${check.problems.length} problem(s) in ${check.entries} entries`,
        );
        for (const p of check.problems) print(`  entry ${p.seq}: ${p.problem}`);
      }
      if (!check.ok) process.exitCode = 1;
    }),
  );

seizureCommands(program);

program
  .command('doctor')
  .description('Check configuration, database engine and version, migrations, data folder and agency key.')
  .action(async () => {
    if (!(await doctor())) process.exitCode = 1;
  });

registerFederationCommands(program);
registerRegistryCommands(program);

export async function main(argv = process.argv): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.stderr.write(`liaison: ${describeFailure(error)}\n`);
    process.exitCode = 2;
  }
}
