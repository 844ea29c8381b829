import { createPrivateKey, createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from '../platform/db/db.js';
import { keyFilePath } from '../platform/identity/identity.js';
import { rotateAgencyKey } from '../platform/identity/rotation.js';
import { generateEncryptionKeyPair, rawX25519 } from './bundle.js';
import { type Signer, signerFromPem } from './crypto.js';
import type { KeyStatementWire } from './schemas.js';
import { statementBody } from './trust.js';

// This node's own keys as federation uses them: the agency signing key (platform identity, rotated here with a
// statement both keys sign) and the X25519 key that bundles are encrypted to. Private keys stay in their files.

const cache = new Map<string, Signer>();

/** The signer of the active agency key (re-read from its file when the key rotated, also by another process). */
export async function activeSigner(db: Queryable, dataDir: string, agency: string): Promise<Signer> {
  const { rows } = await db.query<{ fingerprint: string }>(
    'select fingerprint from node_keys where retired_at is null',
  );
  const active = rows[0]?.fingerprint;
  if (!active) throw new Error('this node has no active agency key');
  const key = `${dataDir}|${active}`;
  let signer = cache.get(key);
  if (!signer) {
    signer = signerFromPem(agency, readFileSync(keyFilePath(dataDir), 'utf8'));
    if (signer.fingerprint !== active)
      throw new Error(`the private key in ${keyFilePath(dataDir)} is not the active key ${active}`);
    cache.set(key, signer);
  }
  return signer;
}

export const encryptionKeyFile = (dataDir: string) => path.join(dataDir, 'keys', 'agency-x25519.pem');

/** The X25519 public key of this node (made on first use). */
export async function ensureEncryptionKey(db: Db, dataDir: string): Promise<string> {
  const { rows } = await db.query<{ public_key: string }>('select public_key from federation_encryption_key');
  const file = encryptionKeyFile(dataDir);
  if (rows[0]) return rows[0].public_key;
  let publicKey: string;
  if (existsSync(file)) {
    publicKey = rawX25519(createPublicKey(createPrivateKey(readFileSync(file, 'utf8'))));
  } else {
    const pair = generateEncryptionKeyPair();
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    publicKey = pair.publicKey;
  }
  await db.query('insert into federation_encryption_key (public_key) values ($1) on conflict do nothing', [
    publicKey,
  ]);
  return publicKey;
}

export function encryptionPrivateKeyPem(dataDir: string): string {
  const file = encryptionKeyFile(dataDir);
  if (!existsSync(file)) throw new Error(`this node has no bundle encryption key (${file})`);
  return readFileSync(file, 'utf8');
}

/** Rotates the agency key and records the statement, signed by the old and the new key, that links them. */
export async function rotateKey(db: Db, dataDir: string, agency: string, actor: string) {
  return rotateAgencyKey(db, dataDir, actor, async (tx, rotation) => {
    const unsigned = {
      kind: 'liaison-key-rotation' as const,
      agency,
      previous: { fingerprint: rotation.previous.fingerprint, publicKey: rotation.previous.publicKey },
      next: { fingerprint: rotation.next.fingerprint, publicKey: rotation.next.publicKey },
      rotatedAt: rotation.rotatedAt.toISOString(),
    };
    const body = statementBody(unsigned);
    const statement: KeyStatementWire = {
      ...unsigned,
      signatures: {
        previous: signerFromPem(agency, rotation.previous.privateKeyPem).sign(body),
        next: signerFromPem(agency, rotation.next.privateKeyPem).sign(body),
      },
    };
    await tx.query(
      'insert into federation_key_statements (previous_fingerprint, next_fingerprint, statement) values ($1, $2, $3)',
      [unsigned.previous.fingerprint, unsigned.next.fingerprint, JSON.stringify(statement)],
    );
  });
}

export interface KeyChain {
  agency: string;
  current: { fingerprint: string; publicKey: string };
  rotations: KeyStatementWire[];
}

/** This node's current key and every rotation statement, oldest first (public: partners follow rotations with it). */
export async function keyChain(db: Queryable, agency: string): Promise<KeyChain> {
  const active = await db.query<{ fingerprint: string; public_key: string }>(
    'select fingerprint, public_key from node_keys where retired_at is null',
  );
  const row = active.rows[0];
  if (!row) throw new Error('this node has no active agency key');
  const { rows } = await db.query<{ statement: KeyStatementWire }>(
    'select statement from federation_key_statements order by seq',
  );
  return {
    agency,
    current: { fingerprint: row.fingerprint, publicKey: row.public_key },
    rotations: rows.map((r) => r.statement),
  };
}
