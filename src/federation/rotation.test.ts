import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db.js';
import { migrate } from '../platform/db/migrate.js';
import { ensureIdentity, keyFilePath } from '../platform/identity/identity.js';
import { generateAgencyKeyPair, publicKeyOfPem } from '../platform/identity/keys.js';
import { recoverInterruptedRotation } from '../platform/identity/rotation.js';
import { signerFromPem } from './crypto.js';
import { bodyOfChange, seal, verifyEnvelope } from './envelope.js';
import { activeSigner, keyChain, rotateKey } from './local-keys.js';
import { extendTrust, type TrustedKey } from './trust.js';

// Key rotation on a real database: the old key retired (not deleted), the private key file replaced, a statement
// signed by both keys, and envelopes signed before the rotation still verifying for a partner that follows it.

let testDb: TestDb;
let dataDir: string;
const config = () => ({ agencyCode: 'CN', agencyName: 'China NNCC', agencyCountry: 'CN', dataDir });

beforeAll(async () => {
  testDb = await createTestDb();
  dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-rotation-'));
  await migrate(testDb.db);
  await ensureIdentity(testDb.db, config());
}, 120_000);

afterAll(async () => {
  await testDb?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

const change = (n: number) => ({
  type: 'intel.note',
  id: `01890a5d-ac96-7000-8000-${String(n).padStart(12, '0')}`,
  version: 1,
  origin: 'CN',
  handling: 'H1' as const,
  handlingText: null,
  audience: { agencies: ['MM'], mechanisms: [], taskForces: [] },
  onwardSharing: false,
  recordDate: '2025-01-01',
  payload: { n },
  tombstone: null,
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('key rotation', () => {
  it('retires the old key, replaces the key file, and links both keys by a statement a partner can follow', async () => {
    const db = testDb.db;
    const before = await activeSigner(db, dataDir, 'CN');
    const { rows: original } = await db.query<{ public_key: string }>('select public_key from node_keys');
    const old = seal(bodyOfChange(change(1), before, new Date(Date.now() - 1000).toISOString()), before);

    const rotated = await rotateKey(db, dataDir, 'CN', 'test');
    expect(rotated.previousFingerprint).toBe(before.fingerprint);
    const keys = await db.query<{ fingerprint: string; retired_at: Date | null }>(
      'select fingerprint, retired_at from node_keys order by created_at',
    );
    expect(keys.rows.map((k) => [k.fingerprint, k.retired_at !== null])).toEqual([
      [before.fingerprint, true],
      [rotated.fingerprint, false],
    ]);
    expect(publicKeyOfPem(readFileSync(keyFilePath(dataDir), 'utf8'))).not.toBe(original[0]?.public_key);
    expect(existsSync(`${keyFilePath(dataDir)}.next`)).toBe(false);
    const after = await activeSigner(db, dataDir, 'CN');
    expect(after.fingerprint).toBe(rotated.fingerprint);
    const fresh = seal(bodyOfChange(change(2), after, new Date().toISOString()), after);

    // A partner paired with the old key follows the chain; one paired with the new key learns the old one.
    const chain = await keyChain(db, 'CN');
    expect(chain.current.fingerprint).toBe(rotated.fingerprint);
    for (const pinned of [before, after]) {
      const publicKey = pinned === before ? (original[0]?.public_key as string) : chain.current.publicKey;
      const trusted: TrustedKey[] = [{ fingerprint: pinned.fingerprint, publicKey, retiredAt: null }];
      const learnt = extendTrust(trusted, chain.rotations, 'CN');
      const all = [...trusted.filter((t) => !learnt.some((l) => l.fingerprint === t.fingerprint)), ...learnt];
      expect(verifyEnvelope(old, () => all).ok).toBe(true);
      expect(verifyEnvelope(fresh, () => all).ok).toBe(true);
      // The old key signing after the rotation (a stolen key) is refused.
      const late = seal(bodyOfChange(change(3), before, new Date(Date.now() + 1000).toISOString()), before);
      expect(verifyEnvelope(late, () => all)).toMatchObject({ ok: false, code: 'key-retired' });
    }
  });

  it('finishes a rotation interrupted after the database switched, and undoes one interrupted before', () => {
    const file = keyFilePath(dataDir);
    const active = publicKeyOfPem(readFileSync(file, 'utf8'));
    const pending = generateAgencyKeyPair();
    writeFileSync(`${file}.next`, pending.privateKeyPem);
    recoverInterruptedRotation(dataDir, active);
    expect(existsSync(`${file}.next`)).toBe(false);
    expect(publicKeyOfPem(readFileSync(file, 'utf8'))).toBe(active);

    writeFileSync(`${file}.next`, pending.privateKeyPem);
    recoverInterruptedRotation(dataDir, pending.publicKey);
    expect(existsSync(`${file}.next`)).toBe(false);
    expect(signerFromPem('CN', readFileSync(file, 'utf8')).fingerprint).toBe(pending.fingerprint);
  });
});
