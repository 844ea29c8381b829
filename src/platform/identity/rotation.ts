import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/log.js';
import type { Db, Queryable } from '../db/db.js';
import { keyFilePath } from './identity.js';
import { type AgencyKeyPair, generateAgencyKeyPair, publicKeyOfPem } from './keys.js';

// Key rotation: a new agency key replaces the active one. The old key's row stays in node_keys with `retired_at`, so
// partners keep verifying what it signed before; its private key is overwritten (nothing needs it any more).
// Crash-safe: the new private key is written beside the active one first, the database switches in one transaction,
// then the file is renamed over the old key. A start after a crash in between finishes or undoes the rotation.

const nextFile = (file: string) => `${file}.next`;

export interface KeyRotation {
  previous: { id: string; publicKey: string; fingerprint: string; privateKeyPem: string };
  next: AgencyKeyPair & { id: string };
  rotatedAt: Date;
}

/**
 * Rotates the agency key. `inTransaction` runs inside the database transaction with both private keys in memory,
 * for statements that both keys must sign (federation's rotation statement); it must not keep or log them.
 */
export async function rotateAgencyKey(
  db: Db,
  dataDir: string,
  actor: string,
  inTransaction?: (tx: Queryable, rotation: KeyRotation) => Promise<void>,
  now = new Date(),
): Promise<{ previousFingerprint: string; fingerprint: string; rotatedAt: string }> {
  const file = keyFilePath(dataDir);
  const pending = nextFile(file);
  if (existsSync(pending)) rmSync(pending);
  const pair = generateAgencyKeyPair();
  writeFileSync(pending, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
  try {
    const result = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; public_key: string; fingerprint: string }>(
        'select id, public_key, fingerprint from node_keys where retired_at is null for update',
      );
      const active = rows[0];
      if (!active) throw new Error('this node has no active key to rotate');
      const privateKeyPem = readFileSync(file, 'utf8');
      if (publicKeyOfPem(privateKeyPem) !== active.public_key)
        throw new Error(`the private key in ${file} does not match the active key`);
      const rotation: KeyRotation = {
        previous: {
          id: active.id,
          publicKey: active.public_key,
          fingerprint: active.fingerprint,
          privateKeyPem,
        },
        next: { ...pair, id: uuidv7() },
        rotatedAt: now,
      };
      await tx.query('update node_keys set retired_at = $2 where id = $1', [active.id, now.toISOString()]);
      await tx.query(
        'insert into node_keys (id, public_key, fingerprint, created_at) values ($1, $2, $3, $4)',
        [rotation.next.id, pair.publicKey, pair.fingerprint, now.toISOString()],
      );
      if (inTransaction) await inTransaction(tx, rotation);
      await appendAudit(tx, {
        actor,
        action: 'node.key_rotated',
        target: `key:${pair.fingerprint}`,
        detail: { previous: active.fingerprint, next: pair.fingerprint },
      });
      return {
        previousFingerprint: active.fingerprint,
        fingerprint: pair.fingerprint,
        rotatedAt: now.toISOString(),
      };
    });
    renameSync(pending, file);
    return result;
  } catch (error) {
    rmSync(pending, { force: true });
    throw error;
  }
}

/**
 * Finishes or undoes a rotation interrupted between the database switch and the file rename (called at start):
 * the pending key becomes the key file when the database already made it active, and is removed otherwise.
 */
export function recoverInterruptedRotation(dataDir: string, activePublicKey: string | undefined): void {
  const file = keyFilePath(dataDir);
  const pending = nextFile(file);
  if (!existsSync(pending)) return;
  let pendingKey: string | undefined;
  try {
    pendingKey = publicKeyOfPem(readFileSync(pending, 'utf8'));
  } catch {
    pendingKey = undefined;
  }
  if (pendingKey !== undefined && pendingKey === activePublicKey) renameSync(pending, file);
  else rmSync(pending, { force: true });
}
