import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, resetTestDb, type TestDb } from '../../../test/support/db.js';
import { DatabaseUnavailableError, type Db } from './db.js';
import { checksum, MigrationStateError, migrate, pendingMigrations, planMigrations } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { openPostgres } from './postgres.js';

const m = (id: string, sql = `create table t_${id} (x int)`): Migration => ({ id, sql });
const applied = (...migrations: Migration[]) => migrations.map((x) => ({ id: x.id, checksum: checksum(x) }));

const one = m('0001_one');
const two = m('0002_two');
const three = m('0003_three');

function stateError(fn: () => unknown): MigrationStateError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MigrationStateError);
    return error as MigrationStateError;
  }
  throw new Error('expected a MigrationStateError');
}

describe('planMigrations (pure)', () => {
  it('plans every migration, in order, on a fresh database', () => {
    expect(planMigrations([one, two, three], [])).toEqual([one, two, three]);
  });

  it('plans only the migrations after those already applied', () => {
    expect(planMigrations([one, two, three], applied(one))).toEqual([two, three]);
  });

  it('plans nothing when everything is applied', () => {
    expect(planMigrations([one, two, three], applied(one, two, three))).toEqual([]);
  });

  it('refuses a database with a migration this version does not know, naming it', () => {
    const error = stateError(() =>
      planMigrations([one, two], [...applied(one, two), { id: '0003_future', checksum: 'x' }]),
    );
    expect(error.message).toContain('"0003_future"');
    expect(error.message).toMatch(/newer version/);
  });

  it('refuses a database whose applied migration was edited since (checksum mismatch), naming it', () => {
    const edited = { ...two, sql: `${two.sql}; create index on t_0002_two (x)` };
    const error = stateError(() => planMigrations([one, edited], applied(one, two)));
    expect(error.message).toContain('"0002_two"');
    expect(error.message).toMatch(/checksum mismatch/);
  });

  it('refuses a gap: a migration missing although later ones are applied', () => {
    const error = stateError(() => planMigrations([one, two, three], applied(one, three)));
    expect(error.message).toContain('"0002_two"');
    expect(error.message).toMatch(/inconsistent/);
  });

  it('refuses a history that starts after its first migration', () => {
    expect(() => planMigrations([one, two], applied(two))).toThrow(MigrationStateError);
  });

  it('keeps the real migrations sorted by id and unique, so the order of application is the order of ids', () => {
    const ids = MIGRATIONS.map((x) => x.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('checksums the SQL, so any edit of a released migration is noticed', () => {
    expect(checksum(one)).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum({ ...one, sql: `${one.sql} ` })).not.toBe(checksum(one));
  });
});

async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>('select to_regclass($1) is not null as exists', [
    name,
  ]);
  return rows[0]?.exists === true;
}

async function appliedIds(db: Db): Promise<string[]> {
  if (!(await tableExists(db, 'schema_migrations'))) return [];
  const { rows } = await db.query<{ id: string }>('select id from schema_migrations order by id');
  return rows.map((r) => r.id);
}

describe(`migrate on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let testDb: TestDb;
  let db: Db;
  beforeAll(async () => {
    testDb = await createTestDb();
    db = testDb.db;
  });
  afterAll(() => testDb.cleanup());
  // Every test starts from an empty database.
  beforeEach(() => resetTestDb(db));

  it('applies every migration once; a second run applies nothing', async () => {
    expect(await pendingMigrations(db)).toEqual(MIGRATIONS.map((x) => x.id));
    expect(await migrate(db)).toEqual(MIGRATIONS.map((x) => x.id));
    expect(await appliedIds(db)).toEqual(MIGRATIONS.map((x) => x.id));
    expect(await tableExists(db, 'users')).toBe(true);
    expect(await tableExists(db, 'audit_log')).toBe(true);
    expect(await migrate(db)).toEqual([]);
    expect(await pendingMigrations(db)).toEqual([]);
  });

  it('applies a new migration on top of an existing database', async () => {
    await migrate(db);
    const next = m('9001_next');
    expect(await pendingMigrations(db, [...MIGRATIONS, next])).toEqual(['9001_next']);
    expect(await migrate(db, [...MIGRATIONS, next])).toEqual(['9001_next']);
    expect(await tableExists(db, 't_9001_next')).toBe(true);
  });

  it('leaves nothing applied when a migration fails on a fresh database (all or nothing)', async () => {
    const broken = m('9002_broken', 'create table t_half (x int); select * from no_such_table');
    await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
    expect(await appliedIds(db)).toEqual([]);
    expect(await tableExists(db, 'users')).toBe(false);
    expect(await tableExists(db, 't_half')).toBe(false);
    // The database is still usable and the good migrations apply afterwards.
    expect(await migrate(db)).toEqual(MIGRATIONS.map((x) => x.id));
  });

  it('leaves earlier pending migrations unapplied when a later one in the same run fails', async () => {
    await migrate(db);
    const good = m('9003_good');
    const broken = m('9004_broken', 'create table t_9004 (x int); insert into t_9004 values (1 / 0)');
    await expect(migrate(db, [...MIGRATIONS, good, broken])).rejects.toThrow(/division by zero/);
    expect(await appliedIds(db)).toEqual(MIGRATIONS.map((x) => x.id));
    expect(await tableExists(db, 't_9003_good')).toBe(false);
    expect(await tableExists(db, 't_9004')).toBe(false);
  });

  it('refuses to touch a database with a migration from a newer version', async () => {
    await migrate(db);
    await db.query("insert into schema_migrations (id, checksum) values ('9999_future', 'abc')");
    await expect(migrate(db)).rejects.toThrow(MigrationStateError);
    await expect(migrate(db)).rejects.toThrow(/"9999_future"/);
    await expect(pendingMigrations(db)).rejects.toThrow(MigrationStateError);
  });

  it('refuses to touch a database whose applied migration was edited since', async () => {
    await migrate(db);
    const first = MIGRATIONS[0] as Migration;
    await db.query("update schema_migrations set checksum = 'edited' where id = $1", [first.id]);
    await expect(migrate(db)).rejects.toThrow(new RegExp(`"${first.id}".*checksum mismatch`));
  });

  it('serialises concurrent runs: one applies everything, the other finds nothing to do', async () => {
    const results = await Promise.all([migrate(db), migrate(db), migrate(db)]);
    const ids = MIGRATIONS.map((x) => x.id);
    expect(results.filter((r) => r.length === ids.length)).toHaveLength(1);
    expect(results.filter((r) => r.length === 0)).toHaveLength(2);
    expect(await appliedIds(db)).toEqual(ids);
  });
});

describe('openPostgres', () => {
  it('reports an unreachable server as DatabaseUnavailableError without the password', async () => {
    const error = await openPostgres('postgres://u:secret@127.0.0.1:1/x').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('postgres://u:***@127.0.0.1:1/x');
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toContain('secret');
  });

  it('reports an unreachable server without a password given as a query parameter', async () => {
    const error = await openPostgres('postgres://u@127.0.0.1:1/x?password=secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).not.toContain('secret');
  });
});
