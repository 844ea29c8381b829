import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db.js';

const ENTRY = path.resolve(import.meta.dirname, '../cli/entry.ts');

function liaison(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const dirs: string[] = [];
const dbs: TestDb[] = [];

/** The environment of one node: its own data folder, and its own database on DATABASE_URL when that is set. */
async function nodeEnv(code: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-registry-cli-'));
  dirs.push(dir);
  const env: Record<string, string> = { LIAISON_DATA_DIR: dir, LIAISON_AGENCY_CODE: code };
  if (process.env.DATABASE_URL) {
    const db = await createTestDb();
    dbs.push(db);
    env.DATABASE_URL = db.url as string;
  }
  return env;
}

let a: Record<string, string>;
let b: Record<string, string>;
let work: string;

beforeAll(async () => {
  a = await nodeEnv('CN-NNCC');
  b = await nodeEnv('TH-ONCB');
  work = mkdtempSync(path.join(tmpdir(), 'liaison-registry-files-'));
  dirs.push(work);
});

afterAll(async () => {
  for (const db of dbs) await db.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('liaison registry export / import', () => {
  it('round-trips through CSV between two nodes and refuses a bad file row by row', async () => {
    for (const [args, env] of [
      [['migrate'], a],
      [['registry', 'load-demo'], a],
      [['registry', 'export', '--format', 'json', '--out', path.join(work, 'a.json')], a],
      [['registry', 'export', '--format', 'csv', '--out', path.join(work, 'a.csv')], a],
      [['migrate'], b],
      [['registry', 'import', path.join(work, 'a.csv')], b],
    ] as const) {
      const run = await liaison([...args], env);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    const again = await liaison(['registry', 'export'], b);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(readFileSync(path.join(work, 'a.json'), 'utf8'));

    const bad = path.join(work, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'liaison-registry',
        formatVersion: 1,
        records: [
          { type: 'membership', mechanism: 'GMS-MOU', agency: 'XX-NOBODY', joinedOn: '1995-05-01' },
          { type: 'ad_project', countries: ['MM'], names: { en: 'x' }, areaValue: -3, areaUnit: 'mu' },
        ],
      }),
    );
    const refused = await liaison(['registry', 'import', bad], b);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'bad.json: row 1 (membership): /agency "XX-NOBODY" is not an agency in the registry',
    );
    expect(refused.stderr).toContain(
      'bad.json: row 2 (ad_project): /areaValue an area cannot be negative (-3)',
    );
    expect(refused.stderr).toContain('2 problem(s) in');
    expect(refused.stderr).toContain('nothing was imported');
  }, 300_000);
});
